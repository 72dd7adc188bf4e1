"""Dataclasses, enums and pure rules. Imports nothing else of the kiosk."""
