"""German words extraction and linking look for. Where each list comes from is said above it.

Entries are folded to lower case. Lists marked "regex stems" hold regular-expression fragments (an ending
or an inflection in brackets); all others are plain words.
"""

# Function words, months and weekdays: never a name, never a salient term. Written from a German grammar's
# closed word classes (articles, pronouns, prepositions, conjunctions, common adverbs).
FUNCTION_WORDS = """
    der die das den dem des ein eine einen einem einer und oder aber doch denn wenn als auch sie er es wir ihr
    ich du man kein keine keinen nur mit am im in an auf aus bei nach von vor zu zum zur für über unter so wie
    was wer wo dann heute damit dabei während obwohl ob selbst schon jetzt hier bis seit nein ja nicht noch
    diese dieser dieses jener alle viele mehr weniger nun da dort immer nie genau ganz sogar eben also erst
    januar februar märz april mai juni juli august september oktober november dezember feb mär apr jun
    jul aug sep sept okt nov dez montag dienstag mittwoch donnerstag freitag samstag sonntag
    """.split()

# Capitalised German words that the first-name dictionary also lists as a name somewhere (checked against
# gender-guesser's nam_dict.txt): nouns and sentence openers that must not start a person's name.
NOT_FIRST_NAMES = """
    laut dies diese kurs bank ernst rose sommer kunst mark stern adler wolf fuchs frieden glaube liebe
    morgen abend weiß schwarz braun grün roth jung alt klein groß lang kurz neu sonne mond mai august
    juli juni april kai see sand berg wald feld hain dorf burg stadt land staat bund chef herr frau kanzler
    präsident minister sprecher leiter direktor professor senator stellen seiten ende anfang mitte teil
    punkt gold silber eisen christ heide heil engel kind mann weib junge dame graf fürst könig kaiser

    """.split()

# Capitalised words that are never a first name nor a surname: office titles and generic nouns of names of
# things ("Weißes Haus", "Projekt").
NEVER_NAMES = """
    präsident präsidentin chef chefin minister ministerin kanzler kanzlerin sprecher sprecherin weißen haus projekt plan
    """.split()

# Abbreviations after which a full stop does not end a sentence (Duden's list of common abbreviations).
ABBREVIATIONS = """
    mio mrd bio tsd ca nov dez jan feb mär apr jun jul aug sep sept okt dr prof st nr bzw vgl z b u a d h
    etc ggf evtl usw bspw sog abs
    """.split()

# Verbs of saying and reporting, in the forms news use (present, past, participle), from the verba dicendi
# of a German grammar (Duden, Die Grammatik, on indirect speech).
SPEECH_VERBS = """
    sagte sagt sagten gesagt sagen erklärte erklärt erklärten erklären schrieb schreibt schreiben geschrieben
    betonte betont meinte meint warnte warnt warnen postete gepostet twitterte twittert getwittert
    kommentierte antwortete fragte behauptete behauptet verspricht versprach versprochen äußerte ergänzte
    fügte räumte kündigte umschrieb umschrieben zitiert zitierte sprach spricht kritisierte kritisiert mahnte
    mahnt forderte fordert bekräftigte unterstrich bestätigte widersprach entgegnete erwiderte versicherte
    verkündete teilte mitteilte berichtete berichtet schilderte
    """.split()
# words that attribute a statement to someone without a verb ("laut X", "so X", "X zufolge")
ATTRIBUTION_WORDS = ["so", "laut", "zufolge"]
# nouns that report a statement being made ("in einer Mitteilung", "bei der Pressekonferenz")
SPEECH_ACT_NOUNS = """
    widerspruch kritik interview rede statement erklärung mitteilung brief pressekonferenz stellungnahme
    vorgestellt vorstellte präsentiert präsentierte
    """.split()
# "Sie fügte hinzu", "Er sagte": subject pronouns of a speaker, with the gender they refer to
PRONOUNS = {"er": "m", "sie": "f"}
# forms of address before a name, with the gender they give
TITLES = {"frau": "f", "herr": "m", "herrn": "m"}
ACADEMIC_TITLES = ["dr", "prof"]
ARTICLES = ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen"]

# Role nouns that stand before a name ("Wirtschaftsministerin Anna Roth"); matched as the end of a compound,
# so "Digitalkommissarin" and "Grünen-Abgeordnete" are roles too. From the Federal Employment Agency's job
# titles and the offices named in German politics coverage (regex stems).
ROLE_ENDINGS = """
    minister ministerin chef chefin sprecher sprecherin kommissar kommissarin präsident präsidentin
    abgeordnete abgeordneter ökonom ökonomin analyst analystin gewerkschafter gewerkschafterin vorsitzende
    vorsitzender kanzler kanzlerin bürgermeister bürgermeisterin direktor direktorin leiter leiterin gründer
    gründerin experte expertin forscher forscherin professor professorin manager managerin berater beraterin
    senator senatorin gouverneur gouverneurin staatssekretär staatssekretärin geschäftsführer
    geschäftsführerin investor investorin politiker politikerin unternehmer unternehmerin vorstand vorständin
    aktivist aktivistin anwalt anwältin richter richterin botschafter botschafterin beauftragte beauftragter
    stadtrat stadträtin landrat landrätin sekretär sekretärin referent referentin vertreter vertreterin
    funktionär funktionärin volkswirt volkswirtin wissenschaftler wissenschaftlerin ingenieur ingenieurin
    lobbyist lobbyistin journalist journalistin kritiker kritikerin stratege strategin betriebsrat
    betriebsrätin mitglied obmann obfrau planer planerin
    """.split()
# endings of names of organisations (a word ending so is no person: "Statistisches Bundesamt")
INSTITUTION_ENDINGS = """
    amt ministerium kommission institut verband gericht regierung bank agentur behörde konzern gruppe
    stiftung universität zeitung bahn kasse partei gewerkschaft rat
    """.split()
# "das Unternehmen teilte mit": nouns for an organisation speaking as one
ORGANISATION_NOUNS = """
    unternehmen konzern firma ministerium regierung behörde verband gewerkschaft partei gericht polizei
    stadt gemeinde bank sender verein
    """.split()

# Months and weekdays (the calendar) and the relative day words of news German.
MONTHS = {
    "jan": 1, "januar": 1, "jänner": 1, "feb": 2, "februar": 2, "mär": 3, "märz": 3, "apr": 4, "april": 4,
    "mai": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11, "dez": 12, "dezember": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}
WEEKDAY_LEADS = ["am", "vergangenen", "letzten", "vorigen"]
RELATIVE_DAYS = {"gestern": -1, "vorgestern": -2, "heute": 0}
RELATIVE_WEEKS = ["vergangene woche", "letzte woche", "vorige woche", "in der vergangenen woche"]
NEXT_DAY = ["am nächsten tag", "am folgetag", "tags darauf"]

# Scale words (regex stems) with their factor; None: depends on the language ("Billion" is 10^12 here).
SCALES = [
    (r"milliarden|milliarde|mrd\.?", 1e9),
    (r"billionen|billion|bio\.", 1e12),
    (r"millionen|million|mio\.?", 1e6),
    (r"tausend|tsd\.", 1e3),
]
# vague amounts with a clear value ("die Hälfte", "ein Dutzend")
HALF = ["die hälfte", "halb"]
DOZEN = ["dutzend"]
DOZENS = ["dutzende"]

# Currency names in German; the country decides the ambiguous ones (see AMBIGUOUS_CURRENCY in
# articles/extraction/currency.py).
CURRENCY_WORDS = {
    "euro": "EUR", "us-dollar": "USD", "dollar": "USD", "pfund": "GBP", "franken": "CHF", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rubel": "RUB", "kronen": "SEK", "krone": "SEK", "zloty": "PLN",
    "forint": "HUF", "lira": "TRY", "rupien": "INR", "rupie": "INR", "real": "BRL", "won": "KRW",
    "rand": "ZAR", "peso": "MXN", "pesos": "MXN",
}

# Currency names with the country adjective that fixes them (ISO 4217 country names in German): the
# adjective's stem (declined endings are added by the rules) and the noun.
QUALIFIED_CURRENCIES = {
    ("syrisch", "pfund"): "SYP", ("ägyptisch", "pfund"): "EGP", ("libanesisch", "pfund"): "LBP",
    ("britisch", "pfund"): "GBP", ("australisch", "dollar"): "AUD", ("kanadisch", "dollar"): "CAD",
    ("neuseeländisch", "dollar"): "NZD", ("amerikanisch", "dollar"): "USD", ("singapur", "dollar"): "SGD",
    ("hongkong", "dollar"): "HKD", ("taiwanisch", "dollar"): "TWD", ("schwedisch", "kronen"): "SEK",
    ("norwegisch", "kronen"): "NOK", ("dänisch", "kronen"): "DKK", ("tschechisch", "kronen"): "CZK",
    ("isländisch", "kronen"): "ISK", ("mexikanisch", "peso"): "MXN", ("argentinisch", "peso"): "ARS",
    ("indisch", "rupien"): "INR", ("türkisch", "lira"): "TRY", ("russisch", "rubel"): "RUB",
    ("schweizer", "franken"): "CHF", ("chinesisch", "yuan"): "CNY", ("japanisch", "yen"): "JPY",
    ("brasilianisch", "real"): "BRL", ("südafrikanisch", "rand"): "ZAR", ("polnisch", "zloty"): "PLN",
}

# Units of measure (SI-Broschüre of the PTB, German names) -> (unit, factor).
UNIT_WORDS = {
    "prozent": ("%", 1), "prozentpunkte": ("%", 1), "watt": ("W", 1), "kilowatt": ("W", 1e3),
    "megawatt": ("W", 1e6), "gigawatt": ("W", 1e9), "terawatt": ("W", 1e12), "wattstunden": ("Wh", 1),
    "kilowattstunden": ("Wh", 1e3), "megawattstunden": ("Wh", 1e6), "gigawattstunden": ("Wh", 1e9),
    "terawattstunden": ("Wh", 1e12), "hektar": ("m2", 1e4), "quadratmeter": ("m2", 1),
    "quadratmetern": ("m2", 1), "quadratkilometer": ("m2", 1e6), "quadratkilometern": ("m2", 1e6),
    "kubikmeter": ("m3", 1), "kubikmetern": ("m3", 1), "liter": ("m3", 1e-3), "litern": ("m3", 1e-3),
    "tonnen": ("kg", 1e3), "tonne": ("kg", 1e3), "kilogramm": ("kg", 1), "gramm": ("kg", 1e-3),
    "kilometer": ("m", 1e3), "kilometern": ("m", 1e3), "meter": ("m", 1), "metern": ("m", 1),
    "zentimeter": ("m", 1e-2), "zentimetern": ("m", 1e-2), "millimeter": ("m", 1e-3),
    "millimetern": ("m", 1e-3),
}
# after a length, words that make it a location ("300 Kilometer nördlich der Stadt"), not a measure
DIRECTION_WORDS = ["nördlich", "südlich", "östlich", "westlich", "entfernt", "vom", "von"]
# durations (unit "d" days, "a" years, "h" hours)
DURATION_WORDS = {
    "tage": ("d", 1), "tagen": ("d", 1), "tag": ("d", 1), "wochen": ("d", 7), "woche": ("d", 7),
    "monate": ("a", 1 / 12), "monaten": ("a", 1 / 12), "monat": ("a", 1 / 12), "jahre": ("a", 1),
    "jahren": ("a", 1), "jahr": ("a", 1), "jahrzehnte": ("a", 10), "jahrzehnten": ("a", 10),
    "stunden": ("h", 1), "stunde": ("h", 1), "minuten": ("h", 1 / 60),
}

# Counted nouns of news (regex stems): a number before one of these is a count.
COUNT_NOUNS = [
    r"arbeitspl(?:atz|ätze|ätzen)", r"stellen", r"mitarbeiter(?:innen|n)?", r"beschäftigte[n]?",
    r"angestellte[n]?", r"menschen", r"personen", r"nutzer(?:innen|n)?", r"kunden", r"fahrzeuge[n]?",
    r"autos?", r"elektroautos", r"chips", r"gpus?", r"grafikkarten", r"prozessoren", r"rechenzentren",
    r"server[n]?", r"haushalte[n]?", r"firmen", r"unternehmen", r"einwohner[n]?", r"wohnungen",
    r"häuser[n]?", r"roboter[n]?", r"soldaten", r"flüchtlinge[n]?", r"studenten", r"schüler[n]?",
    r"abonnenten", r"downloads", r"konten", r"beschleuniger[n]?", r"rechner[n]?", r"reaktoren",
    r"windräder[n]?", r"ladesäulen", r"ladepunkte[n]?", r"arbeitskräfte[n]?", r"fachkräfte[n]?",
    r"tote[n]?", r"verletzte[n]?", r"opfer[n]?",
]
# adjectives that refer back to things already counted ("die drei verbliebenen Kraftwerke"): no new count
REMAINDER_ADJECTIVES = ["verbliebenen", "übrigen", "restlichen", "letzten", "ersten", "beiden"]
# nouns after a number that name a tally, not things ("12 von 30 Stimmen" is a vote, "3 Punkte" a score)
NOT_COUNTED_NOUNS = [
    "drittel", "dritteln", "viertel", "vierteln", "fünftel", "dinge", "stimmen", "punkte", "punkten", "tore",
    "siege", "niederlagen", "grad", "uhr", "mal", "male"]
# nouns for jobs: "Stellen", "Arbeitsplätze" and "jobs" count one thing (regex stems)
JOB_NOUNS = [r"arbeitspl", r"stellen$", r"mitarbeiter", r"beschäftigte", r"angestellte", r"belegschaft",
             r"arbeitskräfte", r"fachkräfte"]

# What a count counts, by kind, so that a German count meets its English translation: kind -> noun stems
# (general news nouns; the English list in en.py uses the same kinds).
COUNT_KINDS = {
    "jobs": ["arbeitspl", "stellen", "jobs", "mitarbeiter", "beschäftigte", "angestellte", "belegschaft",
             "arbeitskräfte", "fachkräfte", "posten"],
    "people": ["menschen", "personen", "einwohner", "bürger", "leute"],
    "households": ["haushalt"],
    "companies": ["unternehmen", "firmen", "betriebe"],
    "vehicles": ["fahrzeug", "autos", "pkw"],
    "data centres": ["rechenzentr"],
    "substations": ["umspannwerk"],
    "users": ["nutzer", "kunden", "abonnenten"],
    "homes": ["wohnungen", "häuser"],
    "deaths": ["tote", "todesopfer"],
}
# German nouns of subjects news compare across languages, with their English word (a general bilingual news
# vocabulary, not the words of any one story): lets a German claim meet its English translation.
SUBJECT_TRANSLATIONS = {
    "wasser": "water", "rechenzentren": "data centres", "rechenzentrum": "data centre", "strom": "electricity",
    "energie": "energy", "netz": "grid", "netzbetreiber": "grid operator", "spitzenlast": "peak demand",
    "stellen": "jobs", "arbeitsplätze": "jobs", "kosten": "cost", "umsatz": "revenue", "gewinn": "profit",
    "verlust": "loss", "schulden": "debt", "steuer": "tax", "haushalt": "budget", "miete": "rent",
    "preis": "price", "preise": "prices", "studie": "study", "regierung": "government", "werk": "plant",
    "fabrik": "factory", "flughafen": "airport", "bahn": "railway", "see": "lake", "fluss": "river",
    "kühlung": "cooling", "verbrauch": "use", "wasserverbrauch": "water use", "stromverbrauch": "power use",
    "nachfrage": "demand", "prognose": "forecast", "abbau": "cuts", "stellenabbau": "job cuts",
    "umspannwerke": "substations", "logistikkonzern": "logistics group",
}

# Words before a figure that set its bound (from the seed key's conventions: "rund" is approx, "bis zu" le).
BOUNDS = {
    "lt": ["deutlich unter", "weit unter", "klar unter", "knapp unter", "weniger als", "unter", "unterhalb von"],
    "le": ["bis zu", "höchstens", "maximal", "max\\.", "nicht mehr als"],
    "ge": ["mindestens", "wenigstens"],
    "gt": ["mehr als", "über", "oberhalb von"],
    "approx": ["rund", "etwa", "ungefähr", "circa", "ca\\.", "fast", "knapp", "beinahe", "nahezu", "gut",
               "eher bei", "eher", "schätzungsweise"],
}

# Negations (a German grammar's negation words) and words that revise an earlier figure.
NEGATIONS = ["kein", "keine", "keinen", "keinem", "keiner", "nicht", "nie", "niemals", "nichts"]
# a quote calling a figure wrong
DENIAL_WORDS = ["falsch", "unwahr", "erfunden", "fantasiezahl", "phantasiezahl", "unsinn", "übertrieben",
                "schöngerechnet", "frei erfunden", "stimmt nicht", "stimmen nicht", "trifft nicht zu",
                # verbs of denying (Duden's synonyms of "bestreiten"), in the forms quotes use
                "bestreiten", "bestreitet", "bestritt", "bestritten", "dementieren", "dementiert", "dementierte",
                "zurückgewiesen", "zurückweisen", "unzutreffend", "irreführend"]
REVISION_WORDS = ["korrigiert", "korrigierte", "korrigieren", "revidiert", "revidierte", "nun", "jetzt",
                  "inzwischen", "mittlerweile", "erhöht", "senkt", "senkte", "hebt", "hob", "statt wie angekündigt",
                  "neue prognose", "rechnet nun", "geht nun"]

# Common nouns that say little about what two claims share (generic in news about money and projects).
GENERIC_TERMS = ["investitionen", "investition", "milliarden", "geld", "projekt", "plan", "ki", "wert", "ziel",
                 "unternehmen", "regierung"]


# ------------------------------------------------------------------------------------------------------------
# Speakers and dates said (issue 11, parts 2 and 3; added by the quotes work, kept apart from the judge's lists)
# ------------------------------------------------------------------------------------------------------------

# Demonstrative pronouns that open a sentence ("Dies erklärte …"): never a speaker's name (German grammar's
# demonstratives).
DEMONSTRATIVES = ["dies", "dieses", "jenes", "solches", "derlei"]
# Messages a statement is made in, beside SPEECH_ACT_NOUNS: written channels news report ("eine Mail von X").
MESSAGE_NOUNS = ["mail", "e-mail", "nachricht", "whatsapp-nachricht", "sms", "tweet", "post", "schreiben"]
# Konjunktiv I (and the Konjunktiv II that stands in for it) of the verbs indirect speech is built with
# (Duden, Die Grammatik, on indirect speech): a clause with one of these reports what someone said.
REPORTED_SPEECH = """
    sei seien habe werde werden könne müsse wolle solle dürfe heiße gebe wisse hätte hätten wäre wären würde
    """.split()
# Separable verbs of saying in the forms the list above lacks ("lässt mitteilen", "hat mitgeteilt").
SPEECH_VERBS_MORE = """
    mitteilen mitgeteilt teilt hinzugefügt hinzufügen erklärt betont bestätigt
    """.split()
# Words that join a second verb to the subject of the first ("sagt X über Y und erklärt"): the second verb
# has no subject of its own.
COORDINATORS = ["und", "sowie"]
# Verbs of saying whose object is the listener ("erzählte ihm"): none in German; the dative stands after the
# subject ("sagte X dem Y"), which the rules already read.
ADDRESSEE_VERBS: list[str] = []
# Spans before an article's day that name no exact day ("vergangene Woche"): days back to the day taken for
# them (the same weekday a week before, which always lies in the calendar week before the article's).
RELATIVE_SPANS = {"vergangene woche": 7, "vergangenen woche": 7, "letzte woche": 7, "letzten woche": 7,
                  "vorige woche": 7, "vorigen woche": 7, "in der vorwoche": 7}
# "vor zwei Wochen", "vor drei Tagen": a count of these before the article's day
AGO_BEFORE = ["vor"]
AGO_AFTER: list[str] = []
AGO_UNITS = {"tag": 1, "tagen": 1, "woche": 7, "wochen": 7}
# "am Donnerstag vergangener Woche": a weekday of the calendar week before the article's
LAST_WEEK_AFTER = ["vergangener woche", "letzter woche", "voriger woche", "der vorwoche"]
# "in der Nacht von Mittwoch auf Donnerstag": the night ends on the second day
NIGHT_WORDS = ["nacht"]
NIGHT_FROM_TO = [("von", "auf")]
# "heute" is often a comparison ("doppelt so viel wie heute"), not the day something was said: a weekday or
# "gestern" in the same words wins over it (the order of the date rules, see dates.py).
WEAK_TODAY = ["heute"]
# Vague amounts with a clear value (issue 11, part 1): "Dutzende Millionen" is tens of millions (a range from
# two tens to below a hundred of the scale), "Dutzende" alone at least two dozen.
TENS_OF = ["dutzende", "dutzenden"]
TENS_OF_SCALES = ["millionen", "milliarden"]
DOZENS_OF = ["dutzende", "dutzenden"]


# ------------------------------------------------------------------------------------------------------------
# Figures: words the figure rules of articles/extraction/numbers.py and numerals.py read (issue 11, part 4:
# moved here from those modules, unchanged)
# ------------------------------------------------------------------------------------------------------------

# Number words read directly (text2num reads the others; numerals.py): a German grammar's cardinals.
NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
}
# "ein" alone is too common: a number word for 1 counts only before a scale word
WEAK_NUMBER_WORDS = ["ein", "eine", "einen", "einem", "einer", "eins"]
# every German number word contains one of these (text2num's vocabulary, by stem): a cheap test before
# reading words one by one
NUMBER_ROOTS = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
                "zwanzig", "ßig", "ssig", "zig", "hundert", "tausend"]
# words text2num reads that the figure rules treat apart ("ein" before a scale word, "null")
NUMBER_WORDS_KEPT = ["ein", "eine", "eins", "einen", "einem", "einer", "null"]
# "jährlich", "pro Jahr": a figure per period (a rate), not a total
RATE_WORDS = ["jährlich", "pro jahr", "im jahr", "jedes jahr", "monatlich", "pro monat", "p\\.a\\."]
# words before a duration that make it a deadline or a term ("innerhalb von 18 Monaten") (regex stems)
DEADLINE_CUES = ["frist", "innerhalb(?: von)?", "binnen", "laufzeit", "zeitraum von", "über die nächsten",
                 "in den nächsten", "dauer", "befristet auf", "zeit"]
# a number right after one of these is a label, not a count ("Paragraf 7", "Platz 1", "Gleis 4")
LABEL_WORDS = ["nr", "nummer", "platz", "typ", "modell", "version", "paragraf", "artikel", "art", "absatz", "abs",
               "kapitel", "seite", "tweet", "beitrag", "folge", "teil", "punkt", "rang", "stufe", "klasse", "kw",
               "kalenderwoche", "quartal", "linie", "gleis", "zimmer", "raum", "haus", "bus", "tempo", "flug",
               "route"]
# words that end like a declined adjective but are verbs or pronouns ("2.500 sollen Stellen …")
NOT_ADJECTIVES = """
    sollen sollten werden wurden haben hatten können müssen dürfen wollen seien sind waren diese jene alle keine
    andere einer eine einen einem jeder jede
    """.split()

# Speakers: role nouns that may open an apposition in capitals ("Lena Berg, Chefin des Verbands, sagte"), and
# the definite articles before a role noun ("der Minister") (issue 11, part 4: moved from speakers.py).
APPOSITION_ROLES = ["Chef", "Chefin", "CEO", "Gründer", "Gründerin"]
DEFINITE_ARTICLES = ["der", "die", "des", "dem"]
# words joining the parts of an organisation's name ("Verband für Wasser und Boden")
NAME_JOINERS = ["und", "für"]
ATTRIBUTION_PHRASES: list[str] = []

# Organisations speaking (issue 11, part 2): the legal forms that end a company's name (German company law:
# AktG, GmbHG, HGB, GenG) and the nouns for a company as one ("das Unternehmen teilte mit"), also as the end of a
# compound ("der Logistikkonzern Vantor").
LEGAL_FORMS = ["AG", "GmbH", "SE", "KG", "KGaA", "OHG", "eG", "e.V.", "GmbH & Co. KG"]
COMPANY_NOUNS = ["unternehmen", "konzern", "firma", "gruppe", "betreiber", "hersteller", "anbieter", "versorger",
                 "reederei", "bank", "kette"]
# Occasions of speaking that last for a whole story ("bei einer Pressekonferenz am Dienstag"): the day they give
# dates every later quote of that speaker in the article, however far on.
OCCASION_NOUNS = ["pressekonferenz", "pressegespräch", "interview", "rede", "anhörung", "hauptversammlung",
                  "bilanzpressekonferenz", "briefing", "telefonkonferenz", "talkshow"]
# nouns after a number that measure rather than count ("300 Kilometer", "200 Punkte", "100 Mal")
MEASURE_NOUNS = """
    meter metern kilometer kilometern zentimeter millimeter meilen grad punkte punkten mal male uhr stück stunden
    minuten sekunden byte bytes bit volt ampere kalorien seiten zeichen wörter prozentpunkte jahrzehnte aktien
    """.split()
# endings of compounds that look like a counted noun but measure time ("Millisekunden" ends in "kunden")
TIME_ENDINGS = ["sekunden", "stunden", "minuten"]
# what a count may be said of before the number ("die Belegschaft soll auf 1.800 schrumpfen") (regex stems)
COUNT_MEASURES = ["belegschaft", "mitarbeiterzahl", "beschäftigtenzahl", "nutzerzahl", "kundenzahl",
                  "zahl der (?:mitarbeiter|beschäftigten|stellen|arbeitsplätze|nutzer|kunden)"]
# nouns of time before a number that are no label ("im März 2.000 neue Stellen"), beside the months and weekdays
TIME_NOUNS = ["jahr", "monat", "quartal", "halbjahr", "frühjahr", "sommer", "herbst", "winter"]
# words before a year that make a number a date ("ab 2029 Chips")
YEAR_LEADS = ["ab", "seit", "bis", "von", "vor", "nach", "im", "in", "jahr"]
# "zwischen 2 und 3": the words that open a range
RANGE_LEADS = ["zwischen", "von"]
# "jeweils", "pro": a figure for each item of many
PER_ITEM_WORDS = ["jeweils", "je", "pro"]
# "sagt die 61-Jährige": a person named by age stands for the person named before (der: a man, die: a woman)
AGE_NOUNS = ["jährige", "jähriger"]
# "heißt es in einer Mitteilung des Ministeriums": a statement without a person, said in a document
IMPERSONAL_SPEECH = ["heißt es"]
# ================================================================ linking judge (articles/linking/judge/)
# Moved out of articles/linking/judge.py (issue 11, part 5): the words the pairwise judge reads off a claim
# pair. General news German, not the words of any one story; the English lists in en.py have the same names.

# "die haben das Geld nicht", "kein Geld", "das Geld fehlt": words of money as a whole and the verbs around
# it that deny it is there (a German grammar's possession verbs and negation; news words for money).
JUDGE_MONEY_WORDS = ["geld", "gelder", "mittel", "finanzierung"]
JUDGE_HAVE_VERBS = ["haben", "hat", "besitzen"]
JUDGE_NOT = ["nicht"]
JUDGE_LACK_WORDS = ["kein", "keine", "keinerlei"]
JUDGE_MISSING_WORDS = ["fehlt", "fehlen"]
# after a negation, words that make it part of a bound or a limit, not a denial ("nicht mehr als", "nicht nur")
JUDGE_BOUND_AFTER_NEGATION = ["mehr als", "weniger als", "über", "unter", "nur", "zuletzt"]
# a third party's estimate (regex stems): "Kritiker schätzen", "geschätzt"
JUDGE_ESTIMATE = [r"schätz\w*", r"geschätzt\w*", r"analyst\w*", r"kritiker\w*"]
# money only secured ("im Haushalt gesichert") and money only announced ("angekündigt", "geplant")
JUDGE_SECURED = ["gesichert", "abgesichert", "tatsächlich", "im budget", "im haushalt", "zugesagt",
                 "fest zugesagt", "bewilligt", "bisher nur"]
JUDGE_ANNOUNCED = ["angekündigt", "kündigte", "geplant", "plant", "vorgesehen", "versprochen", "versprach",
                   "in aussicht", "ziel"]
# a figure attributed to someone: verbs of saying and estimating, "laut", "zufolge" (regex stems)
JUDGE_ATTRIBUTION = ["sagte", "sagt", "sagten", "teilte", "mitteilte", "erklärte", r"schätzt\w*", r"beziffer\w*",
                     "rechnete", "laut", "zufolge", "warnte"]
# a figure given as someone's own count ("nach Angaben des Betriebsrats", "seinen Angaben zufolge") (regex stems)
JUDGE_SOURCE = [r"angaben"]
# determiners that cite a figure already named („Die 1,6 Milliarden sind …“): articles and demonstratives
JUDGE_CITING = ["die", "der", "das", "den", "diese", "diesen", "dieser", "jene", "jenen"]
# words of a figure's clause that say nothing about what it measures: scale and time words, bounds, verbs of
# saying
JUDGE_NOT_MEASURE = """
    million millionen milliarde milliarden billion billionen tausend euro dollar prozent jahr jahre jahren jahres
    monat monate woche tag tage heute derzeit rund etwa mehr weniger als unter über sagte teilte mitteilte sagt
    erklärte schon bereits nach laut gut fast
    """.split()
# What a sum of money measures, read off the words of its clause (regex stems, matched at a word start; a
# business desk's vocabulary): funding of a project, its owner's investment, state subsidy, jobs, revenue,
# profit, market value, cost, equity, debt, donations, tax.
JUDGE_MEASURES = {
    "funding": [r"plan", r"projekt", r"zusag", r"zugesagt", r"gesichert", r"finanzier", r"bereitstell",
                r"mobilisier", r"geld\b", r"mittel\b", r"paket", r"initiative"],
    "investment": [r"investi", r"ausgeben", r"ausgaben"],
    "subsidy": [r"förder", r"zuschuss", r"zuschüsse", r"beihilfe"],
    "jobs": [r"arbeitspl", r"stellen\b", r"beschäftigt", r"mitarbeiter"],
    "revenue": [r"umsatz", r"umsätze", r"erlös", r"einnahmen", r"eingenommen", r"erwirtschaft"],
    "profit": [r"gewinn", r"verlust", r"defizit", r"verlier"],
    "value": [r"marktkapitalisierung", r"börsenwert", r"marktwert", r"bewertung", r"bewertet"],
    "cost": [r"[a-zäöüß]*kosten", r"kostet", r"preis", r"rechnung"],
    "equity": [r"eigenkapital", r"beteilig"],
    "debt": [r"schulden", r"kredit", r"anleihe"],
    "donation": [r"spende", r"wahlkampf"],
    "tax": [r"steuer"],
}
# a valuation named right before a figure ("Bewertung von 157 Milliarden") or after it ("… Dollar bewertet")
JUDGE_VALUATION_BEFORE = ["bewertung", "bewertet"]
JUDGE_VALUATION_AFTER = ["bewertet", "bewertung"]
# German names of places with their English name (the German exonyms of the Federal Foreign Office's list of
# country names and of European cities and German states), folded without umlauts: a German claim meets its
# English translation.
JUDGE_PLACE_NAMES = {
    "osterreich": "austria", "deutschland": "germany", "brussel": "brussels", "munchen": "munich",
    "wien": "vienna", "schweiz": "switzerland", "koln": "cologne", "nurnberg": "nuremberg",
    "frankreich": "france", "italien": "italy", "spanien": "spain", "polen": "poland",
    "niederlande": "netherlands", "belgien": "belgium", "danemark": "denmark", "schweden": "sweden",
    "norwegen": "norway", "finnland": "finland", "irland": "ireland", "grossbritannien": "britain",
    "tschechien": "czechia", "ungarn": "hungary", "griechenland": "greece", "turkei": "turkey",
    "russland": "russia", "indien": "india", "prag": "prague", "warschau": "warsaw", "rom": "rome",
    "mailand": "milan", "genf": "geneva", "lissabon": "lisbon", "kopenhagen": "copenhagen", "athen": "athens",
    "moskau": "moscow", "peking": "beijing", "europa": "europe", "amerika": "america", "bayern": "bavaria",
    "sachsen": "saxony", "hessen": "hesse", "vereinigte": "united", "staaten": "states", "usa": "united-states",
}
