"""Real services for the fault tests: ports, a redis-server process, a TCP relay that can be cut.

Everything listens on 127.0.0.1 only and is stopped by the test that started it (by its own handle,
never by name).
"""

import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager, suppress

import pytest

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    """A port nothing listens on (bound then released: connecting to it is refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def production_caches(redis_url: str) -> dict:
    """The caches as config/settings/base.py builds them with REDIS_URL (pages hide errors)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "fabrique",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
        "ratelimit": {
            "BACKEND": "core.security.counters.FailOpenRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "fabrique-limites",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        },
    }


def _wait_for_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"rien n'écoute sur 127.0.0.1:{port} après {timeout} s")


class RedisServer:
    """A throwaway redis-server on a free loopback port, which a test can stop and start again."""

    def __init__(self, tmp_path):
        if REDIS_SERVER is None:
            pytest.skip("redis-server est introuvable (paquet Debian redis-server ; la CI l'installe)")
        self.port = free_port()
        self.directory = tmp_path
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class TcpRelay:
    """Forwards a loopback port to a server; `cut()` drops every connection and refuses new ones."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._listener = None
        self._sockets = []
        self._lock = threading.Lock()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
            listener, self._listener = self._listener, None
        for sock in [listener, *sockets]:
            if sock is not None:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@contextmanager
def running(server):
    server.start()
    try:
        yield server
    finally:
        server.stop()
