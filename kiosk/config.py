"""The kiosk's configuration: one frozen value built once at start-up, never a global."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from kiosk.domain.enums import DatabaseKind
from kiosk.storage.paths import DATABASE_FILENAME, sqlite_url

APP_NAME = "our-say"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
DATABASE_URL_ENV = "KIOSK_DATABASE_URL"
CLOSED_FLAG_ENV = "KIOSK_CLOSED_FLAG"
DEMO_SUBFOLDER = "demo-home"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class AppConfig:
    """Where the data lives and how the window behaves."""

    data_dir: Path
    database_url: str
    demo: bool = False
    locale: str | None = None
    windowed: bool = False
    window_size: tuple[int, int] = (1280, 800)
    text_scale: int | None = None  # a fixed text size for every screen (screenshots, set-up)
    # A file left when a manager closes the kiosk, so the service manager keeps it closed
    # instead of restarting it (packaging/our-say.service); None when nobody asks for one.
    closed_flag: Path | None = None

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def database_kind(self) -> DatabaseKind:
        return DatabaseKind.DEMO if self.demo else DatabaseKind.LIVE

    @property
    def locales_dir(self) -> Path:
        return PROJECT_ROOT / "locales"

    @property
    def assets_dir(self) -> Path:
        return PROJECT_ROOT / "assets"

    @classmethod
    def build(
        cls,
        *,
        data_dir: Path | None = None,
        demo: bool = False,
        locale: str | None = None,
        windowed: bool = False,
        text_scale: int | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> AppConfig:
        """Resolve the data folder and database from arguments, then environment, then defaults.

        The demo home always lives in its own SQLite file (a ``demo-home`` folder beside the
        real data, unless ``data_dir`` names one), so trying the demo never touches a real home.
        """
        env = os.environ if environ is None else environ
        if data_dir is None:
            base = Path(env[DATA_DIR_ENV]) if env.get(DATA_DIR_ENV) else default_data_dir()
            data_dir = base / DEMO_SUBFOLDER if demo else base
        data_dir = data_dir.expanduser().resolve()
        database_url = env.get(DATABASE_URL_ENV, "") if not demo else ""
        if not database_url:
            database_url = sqlite_url(data_dir / DATABASE_FILENAME)
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            demo=demo,
            locale=locale,
            windowed=windowed,
            text_scale=text_scale,
            closed_flag=Path(env[CLOSED_FLAG_ENV]) if env.get(CLOSED_FLAG_ENV) else None,
        )


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)
