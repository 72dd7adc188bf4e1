"""The resident's plan as a book of pages: one page shown at a time, with "Yes, that's
right" and "I want to talk about this" under it, and big buttons to turn the pages and to
hear it all. The screen decides what the buttons do; the book shows, turns and follows.

While the window reads aloud, the page being read is shown and the sentence being read
is kept in sight: the window marks it (the "reading" property), and the page says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.care_plan_page_view import CarePlanPageView
from kiosk.ui.care_plan_pages import PlanPage
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.step_stack import StepStack

Reading = list[tuple[QWidget | None, str]]  # what to read aloud, and where it is shown


class CarePlanBook(QWidget):
    turned_by_hand = Signal()  # a page turned with Back or Next

    def __init__(self, *, words: Words, pictures: PictureLibrary, theme: Theme) -> None:
        super().__init__()
        self._words = words
        self._pictures = pictures
        self.pages: tuple[PlanPage, ...] = ()
        self._views: list[CarePlanPageView | None] = []  # each made when first needed
        self._make_view: Callable[[PlanPage], CarePlanPageView] | None = None
        self.index = 0
        gap = theme.metrics.gap_px
        self.page_stack = StepStack()
        self.thanks = form.notice_card(gap)  # thanks in a calm card; a problem as a banner
        self.page_label = form.plain_label()
        self.page_label.setProperty("role", "quiet")
        self.page_label.setWordWrap(False)  # "Page 4 of 11" is never broken
        button = {"pictures": pictures, "theme": theme, "horizontal": True, "small": True}
        self.yes_button = BigButton("yes", "", **button)
        self.talk_button = BigButton("talk", "", **button)
        self.previous_button = BigButton(None, "", **button)
        self.read_all_button = BigButton("speak", "", **button)
        self.next_button = BigButton(None, "", **button)
        self.up_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        self.down_button = BigButton(None, "", pictures=pictures, theme=theme, small=True)
        for arrow in (self.up_button, self.down_button):  # their words whole: the page gives way
            arrow.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.up_button.tapped.connect(lambda: self.view.turn(-1))
        self.down_button.tapped.connect(lambda: self.view.turn(+1))
        self.scroll_box = QWidget()  # Up and Down, beside a page that does not fit
        scroll = QVBoxLayout(self.scroll_box)
        scroll.setContentsMargins(0, 0, 0, 0)
        scroll.setSpacing(gap)
        scroll.addWidget(self.up_button)
        scroll.addStretch(1)
        scroll.addWidget(self.down_button)
        self.previous_button.tapped.connect(lambda: self._on_pager_tapped(-1))
        self.next_button.tapped.connect(lambda: self._on_pager_tapped(+1))
        actions = QHBoxLayout()
        actions.setSpacing(gap)
        actions.addWidget(self.yes_button, 2)
        actions.addWidget(self.talk_button, 3)  # the longer words: on one line if they can
        pager = QHBoxLayout()
        pager.setSpacing(gap)
        pager.addWidget(self.previous_button, 4)
        pager.addWidget(self.read_all_button, 5)  # a picture and words: on one line if they can
        pager.addWidget(self.next_button, 4)
        layout = form.column(self, gap)
        layout.addWidget(self.page_stack, 1)
        layout.addLayout(actions)
        layout.addLayout(pager)
        self.retranslate()

    @property
    def page(self) -> PlanPage:
        return self.pages[self.index]

    @property
    def view(self) -> CarePlanPageView:
        return self.view_at(self.index)

    @property
    def views(self) -> list[CarePlanPageView]:
        """Every page's view (made now, for those not shown yet)."""
        return [self.view_at(index) for index in range(len(self.pages))]

    def view_at(self, index: int) -> CarePlanPageView:
        view = self._views[index]
        if view is None:
            assert self._make_view is not None
            view = self._views[index] = self._make_view(self.pages[index])
            view.being_read.connect(lambda widget: self._on_view_being_read(view, widget))
            view.scrolled.connect(lambda: self._on_view_scrolled(view))
            self.page_stack.insertWidget(index, view)
        return view

    def retranslate(self) -> None:
        gettext = self._words.gettext
        self.yes_button.set_words(gettext("Yes, that's right"))
        self.talk_button.set_words(gettext("I want to talk about this"))
        self.previous_button.set_words(gettext("‹ Back a page"))
        self.next_button.set_words(gettext("Next page ›"))
        self.read_all_button.set_words(gettext("Read it all"))
        self.up_button.set_words(gettext("Up"))
        self.down_button.set_words(gettext("Down"))

    def show_pages(
        self,
        pages: Sequence[PlanPage],
        *,
        theme: Theme,
        review: str,
        confirmed: Callable[[PlanPage], str],
    ) -> None:
        """Make the pages afresh (staying on the same page number where there is one):
        ``review`` is when the plan is looked at next, ``confirmed`` the words for when a
        page was said to be right ("" if never)."""
        for shared in (self.page_label, self.thanks, self.scroll_box):
            shared.setParent(self)  # kept, while the pages that held them go
            shared.hide()
        for old in self._views:
            if old is not None:
                self.page_stack.removeWidget(old)
                discard(old)

        def make_view(page: PlanPage) -> CarePlanPageView:
            view = CarePlanPageView(page, pictures=self._pictures, theme=theme, review=review)
            view.set_confirmed(confirmed(page))
            return view

        self.pages, self._make_view = tuple(pages), make_view
        self._views = [None] * len(self.pages)  # only the page shown is made now: it opens fast
        self.show_page(min(self.index, len(self.pages) - 1))

    def show_page(self, index: int) -> None:
        self.index = index
        page, view = self.page, self.view
        view.hold(self.page_label, self.thanks, self.scroll_box)
        self.page_stack.show_step(self.page_stack.indexOf(view), remember=False)
        self.yes_button.setVisible(page.can_confirm)
        self.talk_button.setVisible(bool(page.part))
        many = len(self.pages) > 1
        for shared in (self.previous_button, self.page_label, self.read_all_button):
            shared.setVisible(many)
        self.next_button.setVisible(many)
        self.page_label.setText(
            self._words.gettext("Page {page} of {pages}").format(
                page=index + 1, pages=len(self.pages)
            )
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self._on_view_scrolled(view)

    @property
    def scroll_buttons(self) -> list[BigButton]:
        """Up and Down, while the page shown does not fit."""
        return [] if self.scroll_box.isHidden() else [self.up_button, self.down_button]

    def tell(self, words: str, *, problem: bool = False) -> None:
        """Thanks (or what went wrong) under the page's words, scrolled into sight."""
        self.thanks.setProperty("role", "banner" if problem else "card")
        self.thanks.style().unpolish(self.thanks)
        self.thanks.style().polish(self.thanks)
        self.thanks.setText(words)
        self.thanks.show()
        view = self.view  # once the window has made room for any notice of its own:
        QTimer.singleShot(0, self, lambda: view.show_words(self.thanks))

    def reading_items(self, *, whole_plan: bool = False) -> Reading:
        """The page's words, then its choices; or every page's words in turn, and when
        the plan is looked at next (once, at the end)."""
        if whole_plan:
            items: Reading = [
                item for view in self.views for item in view.reading_items(whole_plan=True)
            ]
            review = self.views[-1].review
            return items + ([(review, review.text())] if review.text() else [])
        items = [*self.view.reading_items()]
        if not self.page_label.isHidden():
            items.append((self.page_label, self.page_label.text()))
        buttons = (
            *self.scroll_buttons,
            self.yes_button,
            self.talk_button,
            self.read_all_button,
            self.previous_button,
            self.next_button,
        )
        shown = [b for b in buttons if not b.isHidden() and b.isEnabled()]
        return items + [(button, button.accessibleName()) for button in shown]

    def _on_pager_tapped(self, step: int) -> None:
        """The next (or last) page, from its top."""
        self.turned_by_hand.emit()
        self.thanks.hide()
        index = self.index + step
        if 0 <= index < len(self.pages):
            self.show_page(index)
            self.view.to_top()

    def _on_view_scrolled(self, view: CarePlanPageView) -> None:
        if view is self._views[self.index]:
            self.scroll_box.setVisible(view.overflows)
            self.up_button.setEnabled(not view.at_top)
            self.down_button.setEnabled(not view.at_bottom)

    def _on_view_being_read(self, view: CarePlanPageView, widget: QWidget) -> None:
        """Follow the reading: show the page being read, with the sentence in sight."""
        if view in self._views and self._views.index(view) != self.index:
            self.show_page(self._views.index(view))
        view.show_words(widget)
