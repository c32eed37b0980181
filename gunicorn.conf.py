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


def post_fork(server, worker):
    """Each worker watches the data folder itself: threads do not survive the fork."""
    from atmp import store
    from atmp.settings import read_settings

    store.watch(read_settings().reload_seconds)
