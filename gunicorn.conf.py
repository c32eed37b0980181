"""gunicorn settings; every value can be overridden on the command line."""

import gc

from atmp.settings import settings_or_exit

# PORT and WEB_CONCURRENCY come from the dashboard's one table of settings, checked.
_settings = settings_or_exit()
bind = f"0.0.0.0:{_settings.port}"
workers = _settings.workers
# Threads in each worker (gthread): long downloads (data workbooks of a 100,000-trial
# register, twenty at once at a meeting) leave threads free to answer /healthz and filter
# changes; workbooks are written one at a time (callbacks/exports.py).
threads = _settings.threads
timeout = _settings.timeout
graceful_timeout = _settings.graceful_timeout
# Load the data once in the master: invalid data stops start-up with its message,
# and workers share the snapshot's memory.
preload_app = True
accesslog = "-"
# gunicorn 27's control socket is one path per host: a second instance would take it over.
control_socket_disable = True


def when_ready(server):
    """The master watches the folder too, so that a worker forked later (after a crash,
    a timeout or a HUP) starts on the last good data, not on the start-up data.

    It also writes the page once before any worker is forked: Dash learns which component
    files it may serve on its first request, and a worker's threads asking for the page's
    scripts at once raced it (404s for the scripts of a page another worker wrote).

    Then what start-up made (modules, the data, the page) is frozen out of the cyclic
    garbage collector: it lives as long as the process (a snapshot replaced by new data
    is freed by its reference count), and a full collection walking it paused a filter
    change for about 50 ms every few dozen changes."""
    from atmp import store

    store.watch(_settings.reload_seconds)
    server.app.wsgi().test_client().get("/")
    gc.freeze()


def post_fork(server, worker):
    """Each worker watches the data folder itself: threads do not survive the fork."""
    from atmp import store

    store.watch(_settings.reload_seconds)
