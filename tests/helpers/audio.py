"""Measuring recordings: length and loudness, from the WAV itself."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path


def seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as recording:
        return recording.getnframes() / recording.getframerate()


def rms(path: Path) -> float:
    """Root mean square of 16-bit samples, 0 (silence) to 1 (full scale)."""
    with wave.open(str(path), "rb") as recording:
        assert recording.getsampwidth() == 2
        samples = array("h", recording.readframes(recording.getnframes()))
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
