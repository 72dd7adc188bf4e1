"""Joining sentence recordings into one WAV file (for ``kiosk say --out``)."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from pathlib import Path


def join_wavs(parts: Sequence[Path], out: Path) -> float:
    """Write the parts one after another into ``out``; returns its length in seconds."""
    if not parts:
        raise ValueError("nothing to join")
    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    frames = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(out), "wb") as joined:
        joined.setparams(params)
        for part in parts:
            with wave.open(str(part), "rb") as piece:
                same = (piece.getnchannels(), piece.getsampwidth(), piece.getframerate())
                if same != (params.nchannels, params.sampwidth, params.framerate):
                    raise ValueError(f"{part.name} is not in the same format as the others")
                data = piece.readframes(piece.getnframes())
                joined.writeframes(data)
                frames += piece.getnframes()
    return frames / params.framerate
