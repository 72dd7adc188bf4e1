"""``python -m kiosk``: the same as the ``kiosk`` command."""

import sys

from kiosk.cli import main

# Guarded: the speech worker is started with multiprocessing's "spawn", which imports the
# main module again in the child; without this, the child would start a second kiosk.
if __name__ == "__main__":
    sys.exit(main())
