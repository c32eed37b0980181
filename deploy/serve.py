"""`make serve`: the dashboard as it runs in production, nginx on PORT in front of the
gunicorn workers (deploy/nginx.conf; docs/deployment.md says why).

gunicorn listens on a free port of 127.0.0.1 that only nginx uses. Both stop together:
on Ctrl+C or SIGTERM, nginx first (it finishes the answers under way), then gunicorn;
if either stops on its own, the other is stopped and its exit code is returned.
`--print-config` prints the filled-in nginx configuration instead, for a system nginx in
front of gunicorn on 127.0.0.1:8000 (`gunicorn ... --bind 127.0.0.1:8000`).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atmp.settings import settings_or_exit  # noqa: E402  (after the path is set)

TEMPLATE = ROOT / "deploy" / "nginx.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
BROTLI = "brotli on;\nbrotli_comp_level 5;\nbrotli_types {types};\n"
START_SECONDS = 60
# Where a system nginx finds gunicorn (--print-config).
SYSTEM_UPSTREAM = "127.0.0.1:8000"


def gzip_types() -> str:
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("gzip_types "):
            return line.strip().removeprefix("gzip_types ").rstrip(";")
    raise ValueError("deploy/nginx.conf has no gzip_types line")


def configuration(port: int, upstream: str, run: Path) -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in (("PORT", port), ("UPSTREAM", upstream), ("RUN", run)):
        text = text.replace(f"@{name}@", str(value))
    return text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        sys.exit("nginx is not installed: `make serve` installs it (Debian's nginx package)")
    return found


def main() -> int:
    settings = settings_or_exit()
    if "--print-config" in sys.argv:
        print(configuration(settings.port, SYSTEM_UPSTREAM, Path("/run/atmp")))
        return 0
    nginx = nginx_binary()
    run = Path(tempfile.mkdtemp(prefix="atmp-serve-"))
    run.chmod(0o755)  # nginx's workers (nobody) write their buffers below it
    brotli = BROTLI_MODULE.exists()
    (run / "modules.conf").write_text(
        f"load_module {BROTLI_MODULE};\n" if brotli else "", encoding="utf-8"
    )
    (run / "brotli.conf").write_text(
        BROTLI.format(types=gzip_types()) if brotli else "", encoding="utf-8"
    )
    upstream = free_port()
    conf = run / "nginx.conf"
    conf.write_text(configuration(settings.port, f"127.0.0.1:{upstream}", run), encoding="utf-8")
    options = ["-c", str(conf), "-p", str(run), "-e", "stderr"]
    checked = subprocess.run([nginx, "-t", "-q", *options], check=False)
    if checked.returncode:
        shutil.rmtree(run, ignore_errors=True)
        return checked.returncode
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "app:server",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{upstream}",
        ],
        cwd=ROOT,
    )
    deadline = time.monotonic() + START_SECONDS
    while not accepts(upstream):
        if gunicorn.poll() is not None or time.monotonic() > deadline:
            if gunicorn.poll() is None:
                gunicorn.terminate()
            shutil.rmtree(run, ignore_errors=True)
            # invalid data or settings: gunicorn has printed the message
            return gunicorn.wait() or 1
        time.sleep(0.1)
    front = subprocess.Popen([nginx, *options, "-g", "daemon off;"])
    print(f"Serving on http://127.0.0.1:{settings.port} (nginx; gunicorn on {upstream})")
    stopping = []

    def stop(signum, _frame) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while not stopping and front.poll() is None and gunicorn.poll() is None:
        time.sleep(0.2)
    code = front.returncode if front.returncode is not None else gunicorn.returncode
    for process, graceful in ((front, signal.SIGQUIT), (gunicorn, signal.SIGTERM)):
        if process.poll() is None:
            process.send_signal(graceful)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(run, ignore_errors=True)
    return 0 if stopping else (code or 1)


if __name__ == "__main__":
    sys.exit(main())
