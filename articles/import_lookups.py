"""What an import run has looked up already: the publisher, topic and speaker rows behind the names its articles
give, by that name, so each is looked up once a run instead of once an article (three round trips an article).

Only ids are kept, so a rename meanwhile changes nothing an article stores. A row merged away (deleted) meanwhile
makes the article's commit fail on its foreign key (Django's are checked at commit); the runner then forgets
everything it knew and stores that article again, looking every name up afresh (import_runner._store).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class ImportLookups:
    # a run over a newsroom's archive meets many speakers: past this many names a table starts again, so memory
    # stays flat however large the file
    MAX_NAMES = 20_000

    def __init__(self) -> None:
        self.publishers: dict[Hashable, int | None] = {}
        self.topics: dict[Hashable, int | None] = {}
        self.speakers: dict[Hashable, int | None] = {}

    def forget(self) -> None:
        self.publishers.clear()
        self.topics.clear()
        self.speakers.clear()

    def knows_any(self) -> bool:
        return bool(self.publishers or self.topics or self.speakers)

    def cached(self, table: dict[Hashable, int | None], key: Hashable, look_up: Callable[[], int | None]) -> int | None:
        """The id remembered for `key`, or `look_up()`'s (remembered from now on)."""
        try:
            return table[key]
        except KeyError:
            pass
        found = look_up()
        if len(table) >= self.MAX_NAMES:
            table.clear()
        table[key] = found
        return found
