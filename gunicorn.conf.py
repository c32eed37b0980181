"""gunicorn settings; every value can be overridden on the command line."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
graceful_timeout = 10
# Load the data once in the master: invalid data stops start-up with its message,
# and workers share the snapshot's memory.
preload_app = True
accesslog = "-"
