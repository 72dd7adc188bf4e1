"""PIN policy and hashing. PINs are never stored, shown or logged: only salted scrypt hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

PIN_LENGTH = 4
# scrypt cost: about 16 MiB and a few tens of milliseconds a check on a small kiosk PC,
# which makes guessing a stolen hash slow while a tap on the keypad still feels instant.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
_SCHEME = "scrypt"


def check_pin(pin: str) -> str:
    """Return ``pin`` when it is exactly four digits 0-9; otherwise a plain-words error."""
    if len(pin) != PIN_LENGTH or not all(char in "0123456789" for char in pin):
        raise ValidationError("pin", N_("A PIN is four numbers, like 4 7 1 9."))
    return pin


def hash_pin(pin: str) -> str:
    """A self-describing salted scrypt hash of a valid PIN."""
    check_pin(pin)
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return "$".join(
        [_SCHEME, str(_SCRYPT_N), str(_SCRYPT_R), str(_SCRYPT_P), _b64(salt), _b64(key)]
    )


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; False for any malformed input, never an error."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _derive(pin, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_KEY_BYTES, maxmem=64 * 1024 * 1024
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
