"""The kiosk's one window: a stack of screens under a bar with Home, Back and the title.

Home and Back are always in the same place. The window wires the screens together
(they only emit what the resident chose) and keeps who is at the kiosk, their language
and their text size and contrast.

Start-up is in two steps so the Home screen shows at once: the window and Home are built
first; the home's data (:meth:`connect_home`, a :class:`~kiosk.ui.home_data.HomeData`)
follows a moment later. Other screens are built the first time they are opened, by the
functions in :mod:`kiosk.ui.screen_builders`; a tap that arrives before the data is ready
opens its screen as soon as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.errors import ConnectionLost, KioskError
from kiosk.i18n import Words
from kiosk.ui.home_data import PRIVATE_SCREENS, RESIDENT_SCREENS, STAFF_SCREENS, HomeData
from kiosk.ui.idle_watch import IdleWatch
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.screen_builders import BUILDERS
from kiosk.ui.screens.home_screen import HomeScreen
from kiosk.ui.theme import Metrics, Theme, palette_for
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.still_here_panel import StillHerePanel
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.words_label import WordsLabel

if TYPE_CHECKING:  # imported when first needed: Home paints sooner without them
    from kiosk.domain.residents import Resident
    from kiosk.ui.print_job import PrintJobs
    from kiosk.ui.screens.language_screen import LanguageScreen
    from kiosk.ui.screens.private_pin_screen import PrivatePinScreen
    from kiosk.ui.screens.staff_sign_in_screen import StaffSignInScreen
    from kiosk.ui.screens.this_week_screen import ThisWeekScreen
    from kiosk.ui.screens.who_screen import WhoScreen
    from kiosk.ui.speech_player import SpeechPlayer

log = logging.getLogger(__name__)

APP_TITLE = "Our Say"
NOTICE_SECONDS = 8


class MainWindow(QMainWindow):
    exit_requested = Signal()  # a manager closed the kiosk

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        kiosk_mode: bool = False,
        fixed_text_scale: int | None = None,
    ) -> None:
        super().__init__()
        self.words = words
        self.pictures = pictures
        self.theme = theme
        self._default_theme = theme
        self._styled = False  # the window's style sheet is set once set_theme first runs
        self._words_behind: set[str] = set()  # screens not yet in the language just chosen
        self._fixed_text_scale = fixed_text_scale
        self._kiosk_mode = kiosk_mode
        self._may_close = not kiosk_mode
        self._data: HomeData | None = None
        self._pending: str | None = None
        self.resident: Resident | None = None
        self.private_actor: Actor | None = None  # the resident, past their private check
        self.staff_actor: Actor | None = None  # a member of staff using the staff tools
        self.staff_name = ""
        self._after_sign_in: str | None = None  # a private screen asked for before "who"
        self._after_answers: str | None = None  # where to go once "You said, we did" is heard
        self._print_jobs: PrintJobs | None = None
        self._after_unlock = "home"  # the private screen a PIN is being asked for
        self.history: list[str] = []
        self.setWindowTitle(APP_TITLE)
        if kiosk_mode:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)

        bar_button = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        self.home_button = BigButton("home", "", **bar_button)
        self.back_button = BigButton("back", "", **bar_button)
        self.title_label = WordsLabel()
        self.title_label.setProperty("role", "title")
        self.title_label.setWordWrap(True)
        self.home_button.tapped.connect(self.go_home)
        self.back_button.tapped.connect(self.go_back)
        # Home, Back, the title, Read this to me. When they cannot share one line (large
        # text on a small screen) the title moves under the buttons; the buttons stay put.
        self._bar = bar = QGridLayout()
        bar.setHorizontalSpacing(theme.metrics.gap_px)
        bar.setVerticalSpacing(theme.metrics.gap_px // 2)
        bar.setColumnStretch(2, 1)
        for column, button in enumerate((self.home_button, self.back_button)):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            bar.addWidget(button, 0, column)
        bar.addWidget(self.title_label, 0, 2)
        self._title_below = False
        self.read_button = BigButton("speak", "", **bar_button)
        self.read_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.read_button.tapped.connect(self._on_read_button_tapped)
        self.read_button.hide()  # shown once speech is connected
        bar.addWidget(self.read_button, 0, 3)
        self.notice = WordsLabel()
        self.notice.setProperty("role", "banner")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_SECONDS * 1000)
        self._notice_timer.timeout.connect(self.notice.hide)
        self.speech: SpeechPlayer | None = None
        self.idle = IdleWatch(self)
        self.idle.warn.connect(self._on_idle_warn)
        self.idle.expired.connect(self._on_idle_expired)
        self.still_here = StillHerePanel(words=words, pictures=pictures, theme=theme)
        self.still_here.still_here.connect(self._on_still_here_still_here)
        self.still_here.hide()
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._on_countdown_timeout)
        self._reading: list[tuple[int, int, QWidget | None]] = []
        self._highlighted: QWidget | None = None

        self.stack = QStackedWidget()
        self.screens: dict[str, Screen] = {}
        self.home = HomeScreen(words=words, pictures=pictures, theme=theme, home_name=APP_TITLE)
        self._add(self.home)
        self.home.task_chosen.connect(self.open_screen)
        self.home.who_chosen.connect(self._on_home_who_chosen)
        self.home.staff_chosen.connect(self.open_staff_tools)
        self._builders: dict[str, Callable[[], Screen]] = {
            name: partial(build, self) for name, build in BUILDERS.items()
        }
        words.on_switch(self._on_words_switched)

        body = QWidget()
        layout = QVBoxLayout(body)
        margin = max(12, theme.metrics.gap_px // 2)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.metrics.gap_px)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.still_here, 1)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.set_theme(theme)
        self._show(self.home)

    # -- the home's data -----------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._data is not None

    def connect_home(self, data: HomeData) -> None:
        """The database is open: name the home, and open any screen tapped while waiting."""
        self._data = data
        self.idle.set_timeout(data.idle_timeout_s)
        self.home.home_name = data.home_name
        self.setWindowTitle(f"{APP_TITLE} — {data.home_name}")
        self._retranslate_bar()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.open_screen(pending)

    def home_data(self) -> HomeData:
        """The home's services; only once :meth:`connect_home` has been called."""
        if self._data is None:
            raise RuntimeError("the home's data is not connected yet")
        return self._data

    # -- screens, built when first needed ------------------------------------------------

    @property
    def screen_names(self) -> frozenset[str]:
        """Every screen this window can show, built or not yet."""
        return frozenset(self.screens) | frozenset(self._builders)

    def screen(self, name: str) -> Screen:
        if name not in self.screens:
            self._add(self._builders[name]())
        return self.screens[name]

    @property
    def who(self) -> WhoScreen:
        return self.screen("who")  # type: ignore[return-value]

    @property
    def this_week(self) -> ThisWeekScreen:
        return self.screen("this-week")  # type: ignore[return-value]

    @property
    def language(self) -> LanguageScreen:
        return self.screen("language")  # type: ignore[return-value]

    @property
    def staff_sign_in(self) -> StaffSignInScreen:
        return self.screen("staff-sign-in")  # type: ignore[return-value]

    @property
    def private_pin(self) -> PrivatePinScreen:
        return self.screen("private-pin")  # type: ignore[return-value]

    def _add(self, screen: Screen) -> None:
        self.screens[screen.name] = screen
        self.stack.addWidget(screen)
        screen.title_room_changed.connect(self._arrange_bar)

    # -- navigation ----------------------------------------------------------------------

    @property
    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def open_screen(self, name: str) -> None:
        if name != "language" and not self.ready:
            self._pending = name  # opened the moment the home's data arrives
            return
        if name in PRIVATE_SCREENS and not self.private_is_open():
            self.open_private(name)
            return
        if name in STAFF_SCREENS and self.staff_actor is None:
            self.open_staff_tools()
            return
        if name in RESIDENT_SCREENS and self.resident is None:
            self._after_sign_in = name  # who are you? first, then this
            name = "who"
        self.history.append(self.current.name)
        self._show(self.screen(name))

    def _replace_with(self, name: str) -> None:
        """Show ``name`` in place of the current screen (a PIN pad is not gone back to)."""
        self._show(self.screen(name))

    def go_back(self) -> None:
        if self.current.step_back():
            return  # a step within the screen
        self._show(self.screen(self.history.pop()) if self.history else self.home)

    def go_home(self) -> None:
        self.history.clear()
        self._show(self.home)

    def recover(self, error: BaseException | None = None) -> None:
        """After an unexpected error: back to Home, with a calm word (and, when the home's
        database server cannot be reached, words that say so)."""
        self.go_home()
        if isinstance(error, ConnectionLost):
            words = self.words.gettext(
                "The kiosk cannot reach the home's computer just now. We are back at the "
                "start. Please try again in a minute, or ask a member of staff."
            )
        else:
            words = self.words.gettext("Sorry, something went wrong. We are back at the start.")
        self.home.show_message(words)

    def _show(self, screen: Screen) -> None:
        if self.speech is not None:
            self.speech.stop()  # a new screen: the old words no longer apply
        self._dress(screen)  # the theme may have changed while it was hidden
        if screen.name in self._words_behind:
            self._words_behind.discard(screen.name)
            screen.retranslate()  # so did the language
        if screen is self.home and self.staff_actor is not None:
            self.sign_out_staff()  # leaving the staff tools ends the staff session
        screen.refresh()
        for each in self.screens.values():  # hidden screens ask for no room (see _show_only)
            policy = QSizePolicy.Policy.Preferred if each is screen else QSizePolicy.Policy.Ignored
            each.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(screen)
        at_home = screen is self.home
        self.home_button.setVisible(not at_home)
        self.back_button.setVisible(not at_home)
        self.title_label.setAlignment(
            (Qt.AlignmentFlag.AlignLeft if at_home else Qt.AlignmentFlag.AlignCenter)
            | Qt.AlignmentFlag.AlignVCenter
        )
        self._wire_talking_buttons(screen)
        self.read_button.setVisible(self.speech is not None and screen.resident_facing)
        self.idle.arm(self.resident is not None or not at_home)
        self._retranslate_bar()

    # -- who is here ---------------------------------------------------------------------

    def sign_in(self, resident_id: int) -> None:
        then, self._after_sign_in = self._after_sign_in, None
        self._end_resident_session()
        self.resident = self.home_data().residents.get(resident_id)
        self.words.switch(self.resident.language)
        self.set_theme(self._theme_for(self.resident))
        self.home.set_resident(self.resident)
        answers = self.screen("answers")
        if answers.has_news() and self.staff_actor is None:  # type: ignore[attr-defined]
            # "You said, we did" first, straight from "who" (Home is not drawn on the way:
            # a whole screen switch less while the resident waits); Back leads Home.
            self._after_answers = then
            self.history[:] = [self.home.name]
            self._show(answers)
            return
        self.go_home()
        if answers.shown:  # type: ignore[attr-defined]
            self._after_answers = then
            self.open_screen("answers")
        elif then is not None:
            self.open_screen(then)

    def after_answers(self) -> None:
        """The resident has heard the answers to their ideas: on to what they came for."""
        then, self._after_answers = self._after_answers, None
        self.go_home()
        if then is not None:
            self.open_screen(then)

    def sign_out(self) -> None:
        """Nobody is here: keep anything half-entered, forget who it was, go Home."""
        self.still_here.hide()
        self.stack.show()
        self.notice.hide()  # words for the last person are not for the next
        self.current.keep_unfinished()
        self._end_resident_session()
        self.staff_actor = None
        self.staff_name = ""
        self.go_home()

    def _end_resident_session(self) -> None:
        self.resident = None
        self.private_actor = None
        for screen in self.screens.values():
            screen.forget_person()
        self._after_sign_in = None
        self.home.set_resident(None)
        if self.theme != self._default_theme:
            self.set_theme(self._default_theme)

    def _on_home_who_chosen(self) -> None:
        self._after_sign_in = None
        self.open_screen("who")

    # -- private screens: the resident's own check ------------------------------------------

    def private_is_open(self) -> bool:
        """The resident at the kiosk is past their private check."""
        return (
            self.resident is not None
            and self.private_actor is not None
            and self.private_actor.is_resident(self.resident.id)
        )

    def open_private(self, name: str) -> None:
        """Ask who it is if nobody has said, then for what their setting asks, then open."""
        from kiosk.domain.enums import CarePlanAccess

        if self.resident is None:
            self._after_sign_in = name
            self.open_screen("who")
            return
        access = self.home_data().private_access
        resident_id = self.resident.id
        self._after_unlock = name
        try:
            mode = access.access_mode(resident_id)
            if mode is CarePlanAccess.OPEN:
                self.on_private_unlocked(access.open_plan(resident_id))
                return
        except KioskError as error:
            self.show_notice(error.text(self.words.gettext))
            return
        if mode is CarePlanAccess.PIN:
            pin_screen = self.private_pin
            pin_screen.start(
                self.resident.preferred_name,
                lambda pin: access.with_own_pin(resident_id, pin),
            )
            self.history.append(self.current.name)
            self._show(pin_screen)
        else:
            self.ask_staff_to_help()

    def ask_staff_to_help(self) -> None:
        """A member of staff signs in to open the resident's private screen with them."""
        from kiosk.ui.screens.staff_sign_in_screen import Purpose

        if self.resident is None:
            return
        access, resident_id = self.home_data().private_access, self.resident.id
        self.staff_sign_in.start(
            Purpose.HELP_RESIDENT,
            lambda staff_id, pin: access.with_staff(resident_id, staff_id, pin),
        )
        if self.current.name == "private-pin":
            self._replace_with("staff-sign-in")
        else:
            self.history.append(self.current.name)
            self._show(self.staff_sign_in)

    def on_private_unlocked(self, actor: Actor) -> None:
        """The private check passed: open the private screen that was asked for."""
        if self.resident is None or not actor.is_resident(self.resident.id):
            return  # an answer for someone else is never shown to this resident
        self.private_actor = actor
        if self.current.name in ("private-pin", "staff-sign-in"):
            self._replace_with(self._after_unlock)
        else:
            self.open_screen(self._after_unlock)

    # -- staff -------------------------------------------------------------------------------

    def open_staff_tools(self) -> None:
        """The discreet Staff button: set-up on a new kiosk, else the staff sign-in."""
        from kiosk.ui.screens.staff_sign_in_screen import Purpose

        if not self.ready:
            return
        if self.staff_actor is not None:
            self.history.append(self.current.name)
            self._show(self.screen("staff-room"))
            return
        data = self.home_data()
        if data.staff.needs_first_manager():
            self.history.append(self.current.name)
            self._show(self.screen("first-manager"))
            return
        self.staff_sign_in.start(Purpose.STAFF_TOOLS, data.staff.sign_in)
        self.history.append(self.current.name)
        self._show(self.staff_sign_in)

    def on_staff_signed_in(self, actor: Actor) -> None:
        """A member of staff is in: the resident's session (if any) ends, the tools open."""
        if actor.resident_id is not None:
            self.on_private_unlocked(actor)  # a member of staff helping a resident
            return
        self._end_resident_session()
        self.staff_actor = actor
        self.staff_name = next(
            (m.name for m in self.home_data().staff.sign_in_choices() if m.id == actor.staff_id),
            "",
        )
        self.history = ["home"]
        self._show(self.screen("staff-room"))

    def sign_out_staff(self) -> None:
        self.staff_actor = None
        self.staff_name = ""
        self.show_notice(self.words.gettext("Staff signed out."))
        if self.current.name in STAFF_SCREENS:
            self.go_home()

    def leave_kiosk(self) -> None:
        """A manager closes the kiosk (the staff service checks they may)."""
        actor = self.staff_actor
        if actor is None:
            return
        try:
            self.home_data().staff.leave_kiosk_mode(actor)
        except KioskError as error:
            self.show_notice(error.text(self.words.gettext))
            return
        log.info("A manager closed the kiosk")
        self.allow_close()
        self.exit_requested.emit()

    def set_theme(self, theme: Theme) -> None:
        """Colours and sizes for the person at the kiosk. The screen on show takes them at
        once; the others when next shown.

        The window's own style sheet is the home's theme, set once. A resident's own text
        size or contrast is a style sheet on the bar and on each screen as it is shown:
        setting it on the window would restyle every widget of every screen ever opened
        (thousands, about a second) while the resident waits after touching their face.
        """
        if theme == self.theme and self._styled:
            return
        self.theme = theme
        if not self._styled:
            self._styled = True
            self.setStyleSheet(theme.stylesheet())
        sheet = self._own_style_sheet()
        for part in (self.title_label, self.notice, self.read_button, self.still_here):
            part.setStyleSheet(sheet)
        for button in (self.home_button, self.back_button):
            button.setStyleSheet(sheet)
            button.set_theme(theme)
        if self.stack.count():
            self._dress(self.current)
        self.still_here.apply_theme(theme)

    def _own_style_sheet(self) -> str:
        """What a part of the window adds to the window's style sheet: nothing for the
        home's theme, the whole of a resident's own theme otherwise (a widget's own sheet
        wins over the window's)."""
        return "" if self.theme == self._default_theme else self.theme.stylesheet()

    def _dress(self, screen: Screen) -> None:
        """``screen`` in the theme of the person at the kiosk, if it is not already."""
        sheet = self._own_style_sheet()
        if screen.styleSheet() != sheet:
            screen.setStyleSheet(sheet)
        if screen.theme != self.theme:
            screen.apply_theme(self.theme)

    def _theme_for(self, resident: Resident) -> Theme:
        scale = self._fixed_text_scale or resident.text_scale
        return Theme(
            palette_for(resident.contrast),
            Metrics(dpi=self._default_theme.metrics.dpi, text_scale=scale),
        )

    def on_resident_chosen(self, resident_id: int) -> None:
        """Someone chose their face on the "who" screen."""
        self.sign_in(resident_id)

    def on_language_chosen(self, code: str) -> None:
        """Switch language, and keep the choice for the resident at the kiosk, if any."""
        from kiosk.domain.residents import ResidentPreferences

        self.words.switch(code)
        if self.resident is not None:
            try:
                self.resident = self.home_data().residents.update_preferences(
                    Actor.resident(self.resident.id),
                    self.resident.id,
                    ResidentPreferences(language=code),
                )
            except KioskError as error:
                log.warning("Could not keep the language choice: %s", error.text())

    def _on_words_switched(self, _language: str) -> None:
        """The screen on show speaks the new language at once; the others when shown."""
        self.still_here.retranslate()
        current = self.current if self.stack.count() else None
        self._words_behind = {name for name, each in self.screens.items() if each is not current}
        if current is not None:
            current.retranslate()
        self._retranslate_bar()

    def _retranslate_bar(self) -> None:
        self.home_button.set_words(self.words.gettext("Home"))
        self.back_button.set_words(self.words.gettext("Back"))
        speaking = self.speech is not None and self.speech.speaking
        self.read_button.set_words(
            self.words.gettext("Stop") if speaking else self.words.gettext("Read this to me")
        )
        self.title_label.setText(self.current.title())
        self._arrange_bar()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange_bar()

    def _arrange_bar(self) -> None:
        """The title beside the buttons when everything fits on one line, else beneath."""
        buttons = (self.home_button, self.back_button, self.read_button)
        shown = [b for b in buttons if not b.isHidden()]
        gap = self.theme.metrics.gap_px
        self.title_label.ensurePolished()
        title_width = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text())
        margins = self.centralWidget().layout().contentsMargins() if self.centralWidget() else None
        available = self.width() - (margins.left() + margins.right() if margins else 0)
        needed = sum(b.sizeHint().width() for b in shown) + gap * len(shown) + title_width
        below = needed > available
        self.title_label.setVisible(not (below and self.current.title_can_give_way()))
        if below == self._title_below:
            return
        self._title_below = below
        self._bar.removeWidget(self.title_label)
        if below:
            self._bar.addWidget(self.title_label, 1, 0, 1, 4)
        else:
            self._bar.addWidget(self.title_label, 0, 2)

    # -- speech --------------------------------------------------------------------------

    def connect_speech(self, player: SpeechPlayer) -> None:
        """Speech is ready (or known to be missing): show "Read this to me"."""
        self.speech = player
        player.sentence_started.connect(self._on_speech_sentence_started)
        player.stopped.connect(self._on_speech_stopped)
        player.failed.connect(self._on_speech_failed)
        self.read_button.setVisible(self.current.resident_facing)
        self._wire_talking_buttons(self.current)
        self._retranslate_bar()

    @property
    def print_jobs(self) -> PrintJobs:
        """Printouts made off the GUI thread; their progress shows under the bar."""
        if self._print_jobs is None:
            from kiosk.ui.print_job import PrintJobs

            jobs = PrintJobs(self.words.gettext, self)
            jobs.started.connect(
                lambda: self.show_notice(self.words.gettext("Printing… this takes a moment."))
            )
            jobs.finished.connect(self.show_notice)
            jobs.failed.connect(self.show_notice)
            self._print_jobs = jobs
        return self._print_jobs

    def show_notice(self, text: str) -> None:
        """A calm line of words under the bar that goes away by itself."""
        self.notice.setText(text)
        self.notice.show()
        self._notice_timer.start()

    def read_screen(self) -> None:
        """Read the screen aloud: its title, then what it shows, then the choices."""
        if self.speech is None:
            return
        pieces, self._reading, position = [], [], 0
        for widget, words in self.current.reading_items():
            shown = self.title_label if widget is None else widget
            pieces.append(words)
            self._reading.append((position, position + len(words), shown))
            position += len(words) + 1
        self._speak("\n".join(pieces))

    def read_words(self, words: str) -> None:
        """Read a few words aloud (a button's label, before it is pressed); nothing when
        the kiosk has no speech (it says so when asked to read a screen)."""
        if self.speech is None:
            return
        self._reading = []
        self._speak(words)

    def _speak(self, text: str) -> None:
        from kiosk.domain.residents import DEFAULT_SPEECH_RATE
        from kiosk.speech.voices import voice_for

        assert self.speech is not None
        rate = self.resident.speech_rate if self.resident is not None else DEFAULT_SPEECH_RATE
        if not self.speech.speak(text, voice_for(self.words.language, rate)):
            self.show_notice(self.words.gettext("Sorry, I can't speak just now."))
        self._retranslate_bar()

    def _on_read_button_tapped(self) -> None:
        if self.speech is not None and self.speech.speaking:
            self.speech.stop()
        else:
            self.read_screen()

    def _on_speech_sentence_started(self, start: int, _end: int) -> None:
        shown = next((w for a, b, w in self._reading if a <= start < b), None)
        self._highlight(shown)

    def _on_speech_stopped(self) -> None:
        self._highlight(None)
        self._retranslate_bar()

    def _on_speech_failed(self, _reason: str) -> None:
        self.show_notice(self.words.gettext("Sorry, I can't speak just now."))

    def _highlight(self, widget: QWidget | None) -> None:
        if widget is self._highlighted:
            return
        for old_or_new, value in ((self._highlighted, "false"), (widget, "true")):
            if old_or_new is not None:
                old_or_new.setProperty("reading", value)
                old_or_new.style().unpolish(old_or_new)
                old_or_new.style().polish(old_or_new)
        self._highlighted = widget

    @property
    def highlighted(self) -> QWidget | None:
        return self._highlighted

    def _wire_talking_buttons(self, screen: Screen) -> None:
        """Every button can say its words: on a long press, or first, with talking buttons."""
        if self.speech is None:
            return
        talking = self.resident is not None and self.resident.talking_buttons
        buttons = [*screen.findChildren(TouchButton), self.home_button, self.back_button]
        for button in buttons:
            button.talking = talking
            if not button.property("speaks"):
                button.wants_words_read.connect(self.read_words)
                button.setProperty("speaks", True)
        from kiosk.ui.widgets.on_screen_keyboard import OnScreenKeyboard

        for keyboard in screen.findChildren(OnScreenKeyboard):
            if not keyboard.property("speaks"):  # its keys are made anew as it changes
                keyboard.keys_rebuilt.connect(lambda: self._wire_talking_buttons(self.current))
                keyboard.setProperty("speaks", True)

    # -- nobody there? ------------------------------------------------------------------

    def watch_for_activity(self, source: QObject) -> None:
        """Count touches and keys anywhere in ``source`` (the application) as activity."""
        source.installEventFilter(self.idle)

    def _on_idle_warn(self, seconds: int) -> None:
        self.stack.hide()  # one question, one answer: nothing else on the screen meanwhile
        words = self.still_here.ask(seconds)
        self._countdown.start()
        if self.speech is not None and self.speech.available:
            self._reading = []
            self._speak(words)

    def _on_countdown_timeout(self) -> None:
        if self.still_here.isVisible():
            self.still_here.ask(self.idle.seconds_left())
        else:
            self._countdown.stop()

    def _on_still_here_still_here(self) -> None:
        self.still_here.hide()
        self.stack.show()
        if self.speech is not None:
            self.speech.stop()
        self.idle.restart()

    def _on_idle_expired(self) -> None:
        log.info("Signed out after a spell with no touch")
        self.sign_out()

    # -- a kiosk stays open --------------------------------------------------------------

    def allow_close(self) -> None:
        """Let the window close (the system is stopping the kiosk, or a manager exits)."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._may_close:
            event.accept()
        else:
            log.info("Ignored a request to close the kiosk window")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._kiosk_mode:
            event.accept()  # no keyboard way out of the kiosk
            return
        super().keyPressEvent(event)
