"""Share an idea: something to do, or something for our home → a picture (or type it) →
hear it read back → Send. Four taps from Home once the resident has chosen their face.

Ideas other residents have sent come first, with how many want them; choosing one (or
typing words like one) offers "Me too" instead of a second copy. "Say why" is there, never
in the way. If the resident is signed out part-way, what they had gathered is kept as a
draft and offered back next time. The activities coordinator answers every idea, and the
resident hears the answer on "You said, we did".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalTopic
from kiosk.domain.ideas import Idea, NewIdea
from kiosk.domain.residents import Resident
from kiosk.domain.schedule import Activity
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.suggestion_screen import CHOOSE, CONFIRM, DRAFT, START, TYPE, WHY, SuggestionScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid

# What an idea can be about: the words on its big button, and its picture.
TOPICS: tuple[tuple[ProposalTopic, str, str], ...] = (
    (ProposalTopic.ACTIVITY, "activity", N_("Something to do")),
    (ProposalTopic.HOME, "home-idea", N_("Our home")),
)
TOPIC_PICTURES = {topic: picture for topic, picture, _ in TOPICS}
# The parts of the home a resident can point to: (key, picture, button words, the idea).
HOME_PARTS: tuple[tuple[str, str, str, str], ...] = (
    ("garden", "garden", N_("The garden"), N_("Something for the garden")),
    ("lounge", "home", N_("The lounge"), N_("Something for the lounge")),
    ("decoration", "paint", N_("Decoration"), N_("A change to the decoration")),
    ("visiting", "people", N_("Visiting and rules"), N_("A change to visiting or the rules")),
)
# "Our home" also shows ideas that are about neither an activity nor a meal.
SHOWN_WITH = {
    ProposalTopic.ACTIVITY: (ProposalTopic.ACTIVITY,),
    ProposalTopic.HOME: (ProposalTopic.HOME, ProposalTopic.OTHER),
}

CHOICES_AT_MOST = 6  # a row each (long ideas fit), as many as the height holds

# The steps, in the order a resident meets them: every suggestion's (choosing the topic,
# then a picture), and the thank-you.
TOPIC, CHOICE = START, CHOOSE
THANKS = WHY + 1


class ResidentIdeas(Protocol):
    """The ideas service, as a resident's screen uses it."""

    def open_ideas(self, viewer: Actor, topic: ProposalTopic) -> Sequence[Idea]: ...
    def similar_ideas(self, text: str, viewer: Actor, topic: ProposalTopic) -> Sequence[Idea]: ...
    def suggest_idea(self, actor: Actor, new: NewIdea, *, draft_id: int | None = None) -> Idea: ...
    def support(self, actor: Actor, proposal_id: int) -> Idea: ...
    def save_idea_draft(self, actor: Actor, new: NewIdea) -> int | None: ...
    def idea_draft(self, actor: Actor) -> Idea | None: ...
    def discard_idea_draft(self, actor: Actor) -> None: ...


class ActivityCatalogue(Protocol):
    def activities(self, viewer: Actor) -> Sequence[Activity]: ...


class SuggestIdeaScreen(SuggestionScreen[NewIdea, Idea]):
    name = "suggest-idea"
    thanks_step = THANKS
    another_picture = "idea"
    another_words = N_("Share another idea")
    nothing_typed_words = N_("Please type your idea first.")
    choices_at_most = CHOICES_AT_MOST

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        ideas: ResidentIdeas,
        activities: ActivityCatalogue,
        signed_in: Callable[[], Resident | None],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._ideas = ideas
        self._activities = activities
        self._shown_ideas: dict[int, Idea] = {}  # the ideas on the choices page, by id

        # What it is about: two big pictures, as tall as they need (not the whole page)
        topic_page = QWidget()
        self.topic_grid = ChoiceGrid(
            words=words, columns=len(TOPICS), pictures=pictures, theme=theme
        )
        self.topic_grid.chosen.connect(self._on_topic_grid_chosen)
        column = QVBoxLayout(topic_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.topic_grid)
        column.addStretch(1)

        # Then a picture (ideas others sent, the activities, the parts of the home), or type it
        self.idea_typing = self.title_typing

        self._lay_out_steps(topic_page)
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Share an idea")

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.topic_grid.set_choices(
            [Choice(topic.value, picture, gettext(words)) for topic, picture, words in TOPICS]
        )
        self.topic_grid.retranslate()
        if self.step == CHOICE and self.isVisible():
            self._fill_choices()  # the parts of the home are named in the new language
        super().retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.topic_grid.apply_theme(theme)

    # -- steps -----------------------------------------------------------------------------

    def _fresh(self) -> NewIdea:
        return NewIdea(topic=ProposalTopic.ACTIVITY, title="")

    def _start_afresh(self) -> None:
        super()._start_afresh()
        self.topic_grid.restart()

    def _show_step_words(self) -> None:
        super()._show_step_words()
        gettext = self.words.gettext
        self.idea_typing.prompt.setText(
            gettext("Type your idea for our home.")
            if self._about_home()
            else gettext("Type what you would like to do.")
        )

    def _prompt(self, step: int) -> str:
        gettext = self.words.gettext
        if step == DRAFT:
            return (
                gettext("Last time you started an idea: {idea}. Would you like to carry on?")
                if self._new.title
                else gettext("Last time you started an idea. Would you like to carry on?")
            ).format(idea=self._new.title)
        prompts = {
            TOPIC: gettext("What is your idea about?"),
            CHOICE: (
                gettext("What is your idea for our home?")
                if self._about_home()
                else gettext("What would you like to do?")
            ),
            CONFIRM: gettext("Is this right?"),
            THANKS: gettext("Thank you!"),
        }
        return prompts.get(step, "")

    def _about_home(self) -> bool:
        return self._new.topic is not ProposalTopic.ACTIVITY

    def _summary_words(self) -> str:
        gettext = self.words.gettext
        if self._supporting is not None:
            count = self._supporting.supporters + 1
            return self.words.ngettext(
                "{count} person already wants this: {idea}. Would you like to add your support?",
                "{count} people already want this: {idea}. Would you like to add your support?",
                count,
            ).format(count=count, idea=self._supporting.title)
        lines = [gettext("You would like: {idea}. Shall I send it?").format(idea=self._new.title)]
        if self._new.reason:
            lines.append(gettext("Why: {reason}").format(reason=self._new.reason))
        return "\n".join(lines)

    def _show_picture(self) -> None:
        shown = self._supporting if self._supporting is not None else self._new
        picture = shown.picture or TOPIC_PICTURES.get(shown.topic, "idea")
        self.read_back.show_picture(picture, shown.title, self.theme)

    # -- the draft ---------------------------------------------------------------------------

    def _draft(self, actor: Actor) -> Idea | None:
        return self._ideas.idea_draft(actor)

    def _gathered_in(self, draft: Idea) -> NewIdea:
        return NewIdea(
            topic=draft.topic,
            title=draft.title,
            picture=draft.picture,
            activity_id=draft.activity_id,
            reason=draft.reason,
        )

    def _keep_draft(self, actor: Actor, new: NewIdea) -> None:
        self._ideas.save_idea_draft(actor, new)

    def _discard_draft(self, actor: Actor) -> None:
        self._ideas.discard_idea_draft(actor)

    # -- what the resident chooses -------------------------------------------------------------

    def _on_topic_grid_chosen(self, key: str) -> None:
        self._new = NewIdea(topic=ProposalTopic(key), title="", reason=self._new.reason)
        self._supporting = None
        self.choice_grid.restart()
        self._go(CHOICE)

    def _fill_choices(self) -> None:
        """Ideas others sent first (with how many want them), then the pictures."""
        actor = self._actor()
        topic = self._new.topic
        asked: list[Idea] = []
        if actor is not None:
            for shown in SHOWN_WITH.get(topic, (topic,)):
                asked += self._ideas.open_ideas(actor, shown)
        self._shown_ideas = {idea.id: idea for idea in asked}
        choices = [
            Choice(
                f"idea:{idea.id}",
                idea.picture or TOPIC_PICTURES.get(idea.topic, "idea"),
                idea.title,
                self._wanted_by(idea),
            )
            for idea in asked
        ]
        if topic is ProposalTopic.ACTIVITY:
            asked_for = {idea.activity_id for idea in asked if idea.activity_id is not None}
            catalogue = self._activities.activities(actor) if actor is not None else []
            choices += [
                Choice(f"activity:{activity.id}", activity.picture or "activity", activity.title)
                for activity in catalogue
                if activity.id not in asked_for
            ]
        else:
            gettext = self.words.gettext
            choices += [
                Choice(f"home:{key}", picture, gettext(words))
                for key, picture, words, _ in HOME_PARTS
            ]
        self.choice_grid.set_choices(choices)

    def _wanted_by(self, idea: Idea) -> str:
        if idea.supported_by_viewer:
            return self.words.gettext("You want this too")
        count = idea.supporters + 1
        return self.words.ngettext(
            "{count} person wants this", "{count} people want this", count
        ).format(count=count)

    def _on_choice_grid_chosen(self, key: str) -> None:
        kind, _, which = key.partition(":")
        if kind == "idea":
            idea = self._shown_ideas.get(int(which))
            if idea is not None:
                self._choose_support(idea)
            return
        self._supporting = None
        if kind == "activity":
            actor = self._actor()
            catalogue = self._activities.activities(actor) if actor is not None else []
            activity = next((a for a in catalogue if a.id == int(which)), None)
            if activity is None:
                self._fill_choices()  # taken out of the catalogue meanwhile
                return
            self._new = replace(
                self._new,
                title=activity.title,
                picture=activity.picture or "activity",
                activity_id=activity.id,
            )
        else:
            part = next(part for part in HOME_PARTS if part[0] == which)
            _, picture, _, idea_words = part
            self._new = replace(
                self._new,
                title=self.words.gettext(idea_words),
                picture=picture,
                activity_id=None,
            )
        self._go(CONFIRM)

    def _backed_already_words(self, sent: Idea) -> str:
        return self.words.gettext("You have already asked for this: {idea}. Thank you!").format(
            idea=sent.title
        )

    def _on_type_button_tapped(self) -> None:
        self._supporting = None
        typed = self._new.title if self._new.picture is None else ""  # not a picture's words
        self._new = replace(self._new, title=typed, activity_id=None, picture=None)
        self._go(TYPE)

    def _with_typed_title(self, new: NewIdea, typed: str) -> NewIdea:
        return replace(new, title=typed, picture=None, activity_id=None)

    def _similar_to(self, typed: str, actor: Actor) -> Sequence[Idea]:
        return self._ideas.similar_ideas(typed, actor, self._new.topic)

    def _support_offer(self, sent: Idea) -> tuple[str | None, str]:
        words = self.words.gettext("{idea} is already asked for. Add your support?")
        return sent.picture or TOPIC_PICTURES.get(sent.topic), words.format(idea=sent.title)

    # -- sending -------------------------------------------------------------------------------

    def _add_support(self, actor: Actor, sent: Idea) -> str:
        idea = self._ideas.support(actor, sent.id)
        return self.words.gettext("Your support is added. {count} people now want this.").format(
            count=idea.supporters + 1
        )

    def _send_new(self, actor: Actor) -> str:
        self._ideas.suggest_idea(actor, self._new, draft_id=self._draft_id)
        return self.words.gettext(
            "Your idea is with the activities coordinator. They will answer you, "
            "and you will hear their answer here."
        )
