"""Recorded sentences on disk, keyed by (words, voice, rate), bounded in size.

"Read it again" then starts at once. The oldest-used recordings go first when the folder
grows past its limit.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kiosk.speech.voices import Voice

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class SpeechCache:
    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path_for(self, words: str, voice: Voice) -> Path:
        key = hashlib.sha256(f"{voice.voice_id}\x00{voice.rate}\x00{words}".encode()).hexdigest()
        return self.folder / f"{key}.wav"

    def get(self, words: str, voice: Voice) -> Path | None:
        path = self.path_for(words, voice)
        try:
            if path.stat().st_size > 44:  # more than a bare WAV header
                os.utime(path)  # recently used: kept longest
                return path
        except FileNotFoundError:
            pass
        return None

    def trim(self) -> int:
        """Remove the least recently used recordings until under the limit; returns how many."""
        files = sorted(
            (entry.stat().st_mtime, entry.stat().st_size, entry)
            for entry in self.folder.glob("*.wav")
        )
        total = sum(size for _, size, _ in files)
        removed = 0
        for _, size, path in files:
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed
