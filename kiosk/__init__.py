"""Our Say: an offline touch-screen kiosk for co-production in care homes."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("our-say")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
