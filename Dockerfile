# The dashboard for deployment behind a load balancer (docs/deployment.md):
#   docker build -t atmp-dashboard .
#   docker run -p 8050:8050 atmp-dashboard
FROM python:3.11-slim

# GUNICORN_CMD_ARGS: the workers' heartbeat files in memory, not on the overlay file system.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8050 \
    WEB_CONCURRENCY=2 \
    ATMP_DATA_DIR=/app/data \
    GUNICORN_CMD_ARGS="--worker-tmp-dir /dev/shm"

WORKDIR /app
COPY pyproject.toml requirements.lock ./
COPY atmp/ atmp/
COPY components/ components/
COPY callbacks/ callbacks/
COPY serving.py app.py gunicorn.conf.py ./
COPY assets/ assets/
# Runtime dependencies only, each at the version of the lock; also installs the `atmp`
# command (`docker run --rm -v DIR:/data:ro IMAGE atmp check-data /data`).
RUN pip install -c requirements.lock . && rm -rf build ./*.egg-info

# The published data, served unless ATMP_DATA_DIR points at a mounted folder.
COPY data/ data/

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin atmp
USER atmp

EXPOSE 8050
# Healthy while /healthz answers its JSON, "degraded" too (an update was invalid and the last
# good data is served): every instance reads the same folder, so dropping one would not help.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import json, urllib.request; json.load(urllib.request.urlopen('http://127.0.0.1:${PORT}/healthz', timeout=4))['status']"
CMD exec gunicorn app:server --config gunicorn.conf.py --bind 0.0.0.0:${PORT}
