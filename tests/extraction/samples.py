"""Short articles written for these tests (our own wording, never a seed text)."""

import datetime as dt

EN_DATE = dt.date(2025, 1, 24)  # a Friday
EN_TITLE = "Musk doubts the Stargate money"
EN_BODY = """President Donald Trump on Tuesday announced Stargate, a joint venture of OpenAI, \
SoftBank and Oracle that will invest up to $500bn in data centres across the United States. \
The partners will put \
$100bn into the \
Stargate project at once, and the White House says it will create more than 100,000 jobs.

Elon Musk was quick to cast doubt on the plan. "They don't actually have the money," Musk wrote on X on \
Wednesday. He added that SoftBank had "well under $10B secured", citing a source he trusted.

"Wrong, as you surely know," OpenAI chief executive Sam Altman replied the next day.

Asked about the dispute, Trump told reporters on Thursday: "He hates one of the people involved, that's all."
"""

DE_DATE = dt.date(2025, 1, 25)  # a Saturday
DE_TITLE = "Streit um Stargate: Musk zweifelt an der Finanzierung"
DE_BODY = """Das KI-Projekt Stargate soll bis zu 500 Milliarden Dollar in Rechenzentren stecken. \
Beteiligt sind \
OpenAI, SoftBank und Oracle, Elon Musk hält davon wenig.
Musk schrieb am Mittwoch auf seiner Plattform X: „Die haben das Geld gar nicht, SoftBank hat deutlich unter \
10 Milliarden gesichert.“
„Er hasst einfach einen der Beteiligten“, sagte US-Präsident Donald Trump am Donnerstag im Weißen Haus.
Pressesprecherin Karoline Leavitt sagte gestern in einem Interview:
„Die Bürger sollten dem Präsidenten vertrauen und nicht seinen Kritikern.“
"""

TWEETS = """Der Berater der Regierung widerspricht sich selbst. Zwei Beiträge im Abstand von drei Wochen:
Beitrag 1 – Markt pur
Anna Berger @annaberger – 3. März 2025
„Es wird keine staatliche Rettung für Chiphersteller geben.
Der Markt regelt das allein.“
Beitrag 2 – Kehrtwende
Anna Berger @annaberger – 24. März 2025
„Die Chipbranche trägt inzwischen ein Drittel des Wachstums.
Wir dürfen sie jetzt nicht fallen lassen.“
"""
