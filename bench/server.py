"""A production-like gunicorn server for the load benches, started and stopped by the script itself.

`DJANGO_DEBUG=0` with a generated secret key, bound to 127.0.0.1 on a free port, static files
collected into a temporary STATIC_ROOT (served by whitenoise in the same workers), the database and
REDIS_URL of the caller's environment. Only the processes started here are stopped, by their id.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from measure import production_environment

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        **production_environment(),
        "DJANGO_STATIC_ROOT": str(static_root),
    }


@contextlib.contextmanager
def gunicorn(workers=2, prepare_static=None, static_root=None):
    """Yield (base URL, gunicorn master pid, static root); `prepare_static(root)` may add files first.

    A second node can reuse the first one's `static_root` (collected already, deleted by the first).
    BENCH_STATIC_ROOT names a folder kept between runs: collected once (minutes on a busy machine:
    every file is hashed and compressed twice), then reused while its manifest is there.
    """
    kept = os.environ.get("BENCH_STATIC_ROOT")
    own_static = static_root is None and not kept
    if static_root is None:
        static_root = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = production_env(static_root)
    if own_static or (kept and not (static_root / "staticfiles.json").exists()):
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    if prepare_static:
        prepare_static(static_root)
    port = free_port()
    log = open(Path(tempfile.mkdtemp(prefix="bench-gunicorn-")) / "gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log.name)
        yield base, process.pid, static_root
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(Path(log.name).parent, ignore_errors=True)
        if own_static:
            shutil.rmtree(static_root, ignore_errors=True)


def _wait_until_up(base, process, log_path, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn s'est arrêté :\n" + Path(log_path).read_text())
        try:
            with urllib.request.urlopen(base + "/", timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn ne répond pas sur {base} après {timeout} s.")


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (children of the master), in MB, from /proc."""
    import psutil

    return [round(child.memory_info().rss / 2**20, 1) for child in psutil.Process(master_pid).children()]
