"""What the tests share: request builders, the gunicorn launcher, Chromium and its
helpers, data files and every view of a snapshot. No test module imports another."""
