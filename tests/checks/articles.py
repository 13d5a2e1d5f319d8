"""Short articles of our own, one per kind of check, with what an editor with a calculator would find."""

from __future__ import annotations

import datetime as dt

SAID = dt.date(2025, 10, 29)  # a Wednesday: the ECB fixed USD at 0.8594 EUR that day

# currency restated in another, "fast" widening the tolerance, still 14 % too high
MARKET_VALUE = ("de", "Der Chipkonzern war am Mittwoch an der Börse 5,1 Billionen US-Dollar wert "
                      "(also fast 5.000 Milliarden Euro). Analysten rechnen mit weiteren Rekorden.")
# the same restatement with the right figure
MARKET_VALUE_RIGHT = ("de", "Der Versicherer war am Mittwoch 5,1 Billionen US-Dollar wert "
                            "(also rund 4,4 Billionen Euro).")
# count in words × per item against a total in the next sentence
PARKED_CARS = ("de", "Wozu neue Kraftwerke, wenn Dutzende Millionen Autos mit jeweils 1 Kilowatt Leistung "
                     "in Garagen stehen? Zusammen ergäben sie 100 Gigawatt, meinte der Gründer.")
# count in digits × per item = total, right
COOLING = ("de", "Die Reederei betreibt 20 Millionen Kühlcontainer mit jeweils 1 Kilowatt Leistung, "
                 "zusammen 20 Gigawatt.")
# parts of a total that add up to more than the total
CITY_BUDGET = ("de", "Die Stadt investiert 300 Millionen Euro, davon 120 Millionen Euro in Schulen "
                     "und 200 Millionen Euro in Straßen.")
# parts that add up to a total, right
STATE_BUDGET = ("de", "Das Land gibt 120 Millionen Euro für Schulen und 180 Millionen Euro für Brücken aus, "
                      "zusammen 300 Millionen Euro.")
# a share in English across two sentences
FUNDING_ROUND = ("en", "The start-up raised $554m last week. Of that, half went to research, some $277m.")
# a percentage share restated as an amount, wrong
RESEARCH_SHARE = ("de", "Der Etat beträgt 400 Millionen Euro. Davon fließen 30 Prozent, also 150 Millionen Euro, "
                        "in die Forschung.")
# units restated
PARK_AREA = ("de", "Der neue Park misst 12 Hektar, also 120.000 Quadratmeter.")
# a parenthesised currency restatement in English, right
SITE_PRICE = ("en", "The group paid $554m (€480m) for the site.")
# "about" widening the tolerance: 8 % off is fine when rounded, not when exact
ROUNDED_ABOUT = ("en", "The deal was worth $100m (about €80m) on the day.")
EXACT_EIGHTY = ("en", "The deal was worth $100m (€80m) on the day.")
# a figure with no relation to the other: nothing to check
UNRELATED = ("de", "Die Firma verdiente 3 Millionen Euro. Sie beschäftigt 1.200 Mitarbeiter.")

# the same in English
PARKED_CARS_EN = ("en", "Why build power plants when tens of millions of cars with 1 kilowatt each sit in garages? "
                        "Together they would make 100 gigawatts, the founder said.")
COOLING_EN = ("en", "The shipping line runs 20 million containers with 1 kilowatt each, 20 gigawatts in total.")
CITY_BUDGET_EN = ("en", "The city will invest €300m, of which €120m goes to schools and €200m to roads.")
STATE_BUDGET_EN = ("en", "The state spends €120m on schools and €180m on bridges, €300m in total.")
PARK_AREA_EN = ("en", "The new park covers 12 hectares, that is 120,000 square metres.")
# a per-item figure derived from a total two sentences before, with its own bound ("mehr als")
SUBSIDY_PER_JOB = ("de", "Der Staat legt zehn Milliarden Euro an Subventionen dazu. Das Werk soll 2027 öffnen. "
                         "Arbeiten dort am Ende 3.000 Menschen, zahlt der Steuerzahler pro Arbeitsplatz mehr als "
                         "drei Millionen Euro.")
# "je" per item, and a total that does not match
WIND_GRANTS = ("de", "Das Land fördert 50 Windräder mit je 2 Millionen Euro. Insgesamt fließen so 150 Millionen Euro.")
# "pro Jahr" is a rate over time, not an item: nothing to multiply
RENT_PER_YEAR = ("de", "Die Firma beschäftigt 1.200 Mitarbeiter und zahlt pro Jahr 5 Millionen Euro Miete. "
                       "Der Umsatz lag bei 900 Millionen Euro.")
