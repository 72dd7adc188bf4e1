"""A child process for the crash-safety test: adds residents until it is killed.

Prints ``ready`` once the database is open, then the id of each resident *after* the
service call returned (that is, after the commit), so every printed id is a promise.
"""

from __future__ import annotations

import sys

from kiosk.domain.access import Actor
from kiosk.domain.enums import StaffRole
from kiosk.domain.residents import NewResident
from kiosk.services.residents import ResidentsService
from kiosk.storage.database import open_database


def main(url: str, label: str, manager_id: str) -> None:
    database = open_database(url)
    manager = Actor.staff(int(manager_id), StaffRole.MANAGER)  # signed in by the parent test
    residents = ResidentsService(database.sessions, languages=frozenset({"en_GB"}))
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        added = residents.add(manager, NewResident(f"Resident {label}-{number}", room=str(number)))
        print(added.id, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
