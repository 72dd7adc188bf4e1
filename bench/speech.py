"""Speech benchmarks: tap to playback start, cold and warm, and the GUI thread's stalls."""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.report import Result

RUNS = 5
# Sixty words, as a care plan section might read.
PARAGRAPH = (
    "I like to get up slowly, at about half past eight. Please open the curtains first and "
    "put the radio on quietly. I wash at the sink, sitting down, and I like to choose my "
    "own clothes. I take two sugars in my tea. After breakfast I sit by the window and "
    "read the paper with my magnifier."
)


def _espeak_seconds(text: str, folder: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["espeak-ng", "-v", "en-gb", "-s", "135", "-w", str(folder / "espeak.wav"), text],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return time.perf_counter() - started


def run_all() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from kiosk.app import _application
    from kiosk.speech.cache import SpeechCache
    from kiosk.speech.synthesizer import Synthesizer
    from kiosk.speech.voices import voice_for
    from kiosk.ui.speech_player import SpeechPlayer

    app = _application()
    voice = voice_for("en_GB", 135)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        synthesizer = Synthesizer(SpeechCache(folder / "cache"))
        synthesizer.wait_until_started(30)
        player = SpeechPlayer(synthesizer)

        def tap_to_playing(text: str) -> float:
            started = time.perf_counter()
            player.speak(text, voice)
            while not player.playing:
                app.processEvents()
                if time.perf_counter() - started > 30:
                    raise RuntimeError("speech never started")
            elapsed = time.perf_counter() - started
            player.stop()
            return elapsed

        baseline, cold, warm = [], [], []
        for _ in range(RUNS):
            baseline.append(_espeak_seconds(PARAGRAPH, folder))
            for recording in synthesizer.cache.folder.glob("*.wav"):
                recording.unlink()  # cold: nothing recorded yet
            cold.append(tap_to_playing(PARAGRAPH))
            warm.append(tap_to_playing(PARAGRAPH))

        stalls = _longest_stall(app, player, voice, QTimer)
        synthesizer.close()
    espeak_ms = statistics.median(baseline) * 1000
    cold_ms = statistics.median(cold) * 1000
    return [
        Result("speech", "espeak-ng -w, 60 words (baseline)", espeak_ms, "ms", ""),
        Result("speech", "tap to playback, cold (not cached)", cold_ms, "ms", ""),
        Result("speech", "cold ratio kiosk / espeak-ng -w", cold_ms / espeak_ms, "x", "<= 3"),
        Result(
            "speech",
            "tap to playback, warm (cached)",
            statistics.median(warm) * 1000,
            "ms",
            "< 50 ms",
        ),
        Result("speech", "GUI thread's longest stall while recording", stalls, "ms", "< 20 ms"),
    ]


def _longest_stall(app: object, player: object, voice: object, timer_class: type) -> float:
    """Record a long, new section while a 1 ms timer runs on the GUI thread; the worst gap."""
    ticks: list[float] = []
    timer = timer_class(interval=1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    recorded: list[int] = []
    player._all_recorded.connect(recorded.append)  # type: ignore[attr-defined]
    section = " ".join(f"Sentence {n} of a long part of my care plan." for n in range(60))
    timer.start()
    player.speak(section, voice)  # type: ignore[attr-defined]
    started = time.perf_counter()
    while not recorded and time.perf_counter() - started < 60:
        app.processEvents()  # type: ignore[attr-defined]
    timer.stop()
    player.stop()  # type: ignore[attr-defined]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return max(gaps) if gaps else 0.0
