"""Playing recorded sentences in order, with the sentence being read made known.

QtMultimedia plays each sentence's recording as soon as it is ready (the first can play
while later ones are still being recorded); Stop and Pause act at once. With no audio
device, Qt still runs the clock, so highlighting and Stop behave the same (tests rely on it).
"""

from __future__ import annotations

import logging
import wave
from collections import deque
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from kiosk.speech.sentences import Sentence
from kiosk.speech.synthesizer import SpeechListener
from kiosk.speech.voices import Voice

log = logging.getLogger(__name__)

SENTENCE_GRACE_MS = 2000


class SpeechSource(Protocol):
    @property
    def available(self) -> bool: ...
    def speak(self, text: str, voice: Voice, listener: SpeechListener) -> int: ...
    def cancel(self, number: int | None = None) -> None: ...


class SpeechPlayer(QObject):
    sentence_started = Signal(int, int)  # the span (start, end) of the sentence now heard
    stopped = Signal()  # ended: finished, stopped, or failed; any highlight goes
    failed = Signal(str)  # why (for the log; the screen says it plainly)

    # From the synthesizer's thread to this object's thread.
    _recorded = Signal(int, int, int, str)
    _all_recorded = Signal(int)
    _not_recorded = Signal(int, str)

    def __init__(self, source: SpeechSource | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._utterance: int | None = None
        self._queue: deque[tuple[int, int, str]] = deque()
        self._recording_done = False
        # One player per sentence: its signals name it, so a late "end" from an earlier
        # sentence (signals arrive queued from the media thread) can never end a later one.
        self._player: QMediaPlayer | None = None
        self._retiring: set[QMediaPlayer] = set()  # muted, running out their last sentence
        self._recorded.connect(self._on_source_recorded)
        self._all_recorded.connect(self._on_source_all_recorded)
        self._not_recorded.connect(self._on_source_not_recorded)
        self.current_span: tuple[int, int] | None = None
        self._relay = _Relay(self)

    @property
    def available(self) -> bool:
        return self._source is not None and self._source.available

    @property
    def speaking(self) -> bool:
        return self._utterance is not None

    @property
    def paused(self) -> bool:
        return self._state() == QMediaPlayer.PlaybackState.PausedState

    @property
    def playing(self) -> bool:
        return self._state() == QMediaPlayer.PlaybackState.PlayingState

    def speak(self, text: str, voice: Voice) -> bool:
        """Start reading ``text`` aloud (stopping anything before). False if speech is off."""
        self.stop()
        if self._source is None or not self._source.available:
            self.failed.emit("speech is not available")
            return False
        self._recording_done = False
        self._utterance = self._source.speak(text, voice, self._relay)
        return True

    def stop(self) -> None:
        """Silence now, and forget the rest."""
        if self._utterance is None:
            return
        if self._source is not None:
            self._source.cancel(self._utterance)
        self._utterance = None
        self._queue.clear()
        self._retire_player()
        self.current_span = None
        self.stopped.emit()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def resume(self) -> None:
        if self._player is not None and self.paused:
            self._player.play()

    # -- on this object's thread ---------------------------------------------------------

    def _on_source_recorded(self, utterance: int, start: int, end: int, path: str) -> None:
        if utterance != self._utterance:
            return  # from something already stopped
        self._queue.append((start, end, path))
        if self._player is None:
            self._play_next()

    def _on_source_all_recorded(self, utterance: int) -> None:
        if utterance == self._utterance:
            self._recording_done = True
            if not self._queue and self._player is None:
                self._finish()

    def _on_source_not_recorded(self, utterance: int, reason: str) -> None:
        if utterance == self._utterance:
            log.warning("Could not speak: %s", reason)
            self.failed.emit(reason)
            self.stop()

    def _on_player_status(self, player: QMediaPlayer, status: QMediaPlayer.MediaStatus) -> None:
        if player is not self._player or self._utterance is None:
            return  # an earlier sentence's player, or already stopped
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            self._retire_player()
            if self._queue:
                self._play_next()
            elif self._recording_done:
                self._finish()

    def _on_player_error(self, player: QMediaPlayer, words: str) -> None:
        if player is self._player and self._utterance is not None:
            log.warning("Could not play speech: %s", words)
            self.failed.emit(words)
            self.stop()

    def _play_next(self) -> None:
        start, end, path = self._queue.popleft()
        self.current_span = (start, end)
        self.sentence_started.emit(start, end)
        player = QMediaPlayer(self)
        player.setAudioOutput(QAudioOutput(player))
        player.mediaStatusChanged.connect(lambda status: self._on_player_status(player, status))
        player.errorOccurred.connect(lambda _error, words: self._on_player_error(player, words))
        self._player = player
        player.setSource(QUrl.fromLocalFile(path))
        player.play()
        # A media backend that never reports the end must not leave "Stop" showing forever:
        # once the sentence's own length and some grace have passed, move on regardless.
        QTimer.singleShot(
            _length_ms(path) + SENTENCE_GRACE_MS, self, lambda: self._on_sentence_deadline(player)
        )

    def _on_sentence_deadline(self, player: QMediaPlayer) -> None:
        if player is self._player and self._utterance is not None:
            log.warning("The media player did not finish a sentence in time; moving on")
            self._on_player_status(player, QMediaPlayer.MediaStatus.EndOfMedia)

    def _retire_player(self) -> None:
        """Let the current sentence's player go, silently and without waiting.

        QMediaPlayer.stop() on a playing FFmpeg-backed player can deadlock the calling
        thread when the machine is busy (seen in this project's tests under load): a frozen
        kiosk. So a playing player is muted at once, which is what the resident hears as
        "stop", left to reach the end of its sentence (a few seconds), and then deleted.
        """
        player, self._player = self._player, None
        if player is None:
            return
        playing = player.playbackState() != QMediaPlayer.PlaybackState.StoppedState
        if not playing:
            player.deleteLater()
            return
        output = player.audioOutput()
        if output is not None:
            output.setMuted(True)
        self._retiring.add(player)
        player.mediaStatusChanged.connect(lambda status: self._on_retired_status(player, status))
        if player.playbackState() == QMediaPlayer.PlaybackState.PausedState:
            player.play()  # muted: run out to the end rather than wait forever

    def _on_retired_status(self, player: QMediaPlayer, status: QMediaPlayer.MediaStatus) -> None:
        finished = (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia)
        if status in finished and player in self._retiring:
            self._retiring.discard(player)
            player.deleteLater()

    def _state(self) -> QMediaPlayer.PlaybackState:
        if self._player is None:
            return QMediaPlayer.PlaybackState.StoppedState
        return self._player.playbackState()

    def _finish(self) -> None:
        self._utterance = None
        self.current_span = None
        self._retire_player()
        self.stopped.emit()


def _length_ms(path: str) -> int:
    """How long a recording lasts, from its WAV header (0 if it cannot be read)."""
    try:
        with wave.open(path, "rb") as recording:
            return round(1000 * recording.getnframes() / recording.getframerate())
    except (OSError, EOFError, wave.Error):
        return 0


class _Relay:
    """The synthesizer's listener: passes news from its thread to the player's, by signal."""

    def __init__(self, player: SpeechPlayer) -> None:
        self._player = player

    def sentence_ready(self, utterance: int, sentence: Sentence, recording: Path) -> None:
        self._player._recorded.emit(utterance, sentence.start, sentence.end, str(recording))

    def finished(self, utterance: int) -> None:
        self._player._all_recorded.emit(utterance)

    def failed(self, utterance: int, reason: str) -> None:
        self._player._not_recorded.emit(utterance, reason)
