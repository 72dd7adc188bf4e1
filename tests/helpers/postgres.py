"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql``, on loopback only.

Each test run (each xdist worker) starts one server in a private temporary folder, on a
free port of 127.0.0.1, with no Unix socket and "trust" sign-in for its one superuser.
Durability settings are off (``fsync``, ``synchronous_commit``): the tests kill kiosk
processes, never the server, so they lose nothing by it and run several times faster.

Each test gets a database of its own, copied from a template made once (the empty schema,
or the seeded demo home), and dropped afterwards.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

APT_LINE = "apt-get install -y --no-install-recommends postgresql"
START_TIMEOUT_S = 60
SUPERUSER = "postgres"
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "60",
    "shared_buffers": "64MB",
}


class NoPostgres(RuntimeError):
    """Debian's postgresql is not installed: the message says how to install it."""


def server_bin_dir() -> Path:
    """Where Debian keeps the server's programs (``initdb``, ``pg_ctl``): the newest."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise NoPostgres(f"The PostgreSQL tests need Debian's postgresql: {APT_LINE}")
    return found[-1].parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as Debian's ``postgres`` user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path
    port: int
    _names: itertools.count[int] = field(default_factory=itertools.count, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy address of ``database`` (psycopg 3)."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def new_name(self, prefix: str = "home") -> str:
        return f"{prefix}_{os.getpid()}_{next(self._names)}"

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); returns its address."""
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        with self._connect() as connection:
            connection.execute(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self._connect() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def mark_template(self, name: str) -> None:
        """No one connects to a template: copies of it need it idle."""
        with self._connect() as connection:
            connection.execute(
                sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(
                    sql.Identifier(name)
                )
            )

    def _pg_ctl(self, *arguments: str) -> None:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *arguments]
        subprocess.run(
            _as_server_user(command), check=True, capture_output=True, timeout=START_TIMEOUT_S
        )

    def stop(self) -> None:
        """Stop the server and remove everything it had."""
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._pg_ctl("-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def halt(self) -> None:
        """Stop the server now, keeping its data: what a home sees when the server goes."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        options = " ".join(
            [f"-p {self.port}"] + [f"-c {key}={value!r}" for key, value in SERVER_SETTINGS.items()]
        )
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-o", options]
        command += ["-l", str(self.folder / "server.log"), "-w", "-t", str(START_TIMEOUT_S)]
        result = subprocess.run(
            _as_server_user([*command, "start"]),
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S + 10,
        )
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{log}")
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with self._connect():
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def start_server() -> PostgresServer:
    """Make and start a new server; call :meth:`PostgresServer.stop` when done."""
    bin_dir = server_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="our-say-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    data = folder / "data"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust"]
    subprocess.run(
        _as_server_user([*initdb, "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]),
        check=True,
        capture_output=True,
        timeout=START_TIMEOUT_S,
    )
    server = PostgresServer(bin_dir, folder, free_port())
    try:
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server
