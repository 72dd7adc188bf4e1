"""A child process for the two-kiosk race test: one kiosk's residents voting and saying
"me too", as fast as the services allow, at the same moment as another kiosk.

    python -m tests.helpers.race_kiosk URL GO_FILE SEED ROUNDS

It opens the home, prints ``ready`` and waits for GO_FILE to appear (so both kiosks begin
together), then, ROUNDS times, casts a ballot for every active resident in every open
poll and backs every open idea for every resident. Both kiosks go through the same order
(so they reach the same resident's ballot at the same moment, the race at its closest);
SEED picks this kiosk's answers. It
prints one JSON line when done: each ballot it was told was kept (poll, resident, the
answers) and each support it was told was kept (idea, resident).
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from kiosk.domain.access import Actor
from kiosk.domain.enums import BallotAnswer, PollKind, ProposalTopic
from kiosk.domain.polls import Poll
from kiosk.services.ideas import IdeasService
from kiosk.services.polls import PollsService
from kiosk.services.residents import ResidentsService
from kiosk.storage.database import open_database

LANGUAGES = frozenset({"en_GB", "cy", "pl", "pa"})
SHARED_ORDER = 20261122
FACES = (BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO)


def main(url: str, go_file: str, seed: str, rounds: str) -> None:
    database = open_database(url)
    chance = random.Random(int(seed))
    order = random.Random(SHARED_ORDER)
    polls = PollsService(database.sessions)
    ideas = IdeasService(database.sessions)
    everyone = ResidentsService(database.sessions, languages=LANGUAGES).list_active()
    residents = [resident.id for resident in everyone]
    anyone = Actor.resident(residents[0])
    open_polls = polls.polls_open(anyone)
    open_ideas = [idea.id for idea in ideas.open_ideas(anyone, ProposalTopic.ACTIVITY)]
    ballots: list[tuple[int, int, list[tuple[int, BallotAnswer]]]] = []
    supports: list[tuple[int, int]] = []

    def vote(poll: Poll, resident: int) -> None:
        if poll.kind == PollKind.CHOOSE_ONE:
            answers = {chance.choice(poll.options).id: BallotAnswer.CHOSEN}
        else:
            answers = {option.id: chance.choice(FACES) for option in poll.options}
        polls.cast_ballot(Actor.resident(resident), poll.id, answers)
        ballots.append((poll.id, resident, sorted(answers.items())))

    def support(idea: int, resident: int) -> None:
        ideas.support(Actor.resident(resident), idea)
        supports.append((idea, resident))

    work: list[Callable[[], None]] = [
        partial(vote, poll, resident) for poll in open_polls for resident in residents
    ]
    work += [partial(support, idea, resident) for idea in open_ideas for resident in residents]
    print("ready", flush=True)
    while not Path(go_file).exists():
        time.sleep(0.001)
    for _ in range(int(rounds)):
        order.shuffle(work)
        for step in work:
            step()
    print(json.dumps({"ballots": ballots, "supports": supports}), flush=True)
    database.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
