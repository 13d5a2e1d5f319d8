"""English words extraction and linking look for. Where each list comes from is said above it.

Entries are folded to lower case. Lists marked "regex stems" hold regular-expression fragments; all others are
plain words.
"""

# Function words, months and weekdays: never a name, never a salient term (English closed word classes).
FUNCTION_WORDS = """
    the and but if when as he she it we they a an in on at by for from to of with so how what who then today
    now here said says may will can could would should not no yes this that these those there their his her
    its our your my all many more most some any every each one two three after before since until while
    january february march april june july august september october november december feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
    """.split()

# Capitalised English words that the first-name dictionary also lists as a name (checked against
# gender-guesser's nam_dict.txt): they must not start a person's name.
NOT_FIRST_NAMES = """
    will grant mark bill hope faith grace rose summer sky star king queen prince duke earl lord sen rep gov
    president chief judge justice major general senator governor mayor long art chip page price house
    white black brown green young little north south east west new old saint st christian august may june
    april don van von del la le
    """.split()

# Capitalised words that are never a first name nor a surname: office titles and words of the names of
# newspapers, buildings and projects ("White House", "Street Journal").
NEVER_NAMES = """
    president ceo minister chief white house news times post street journal project plan mission
    """.split()

ABBREVIATIONS = """
    mr mrs ms dr prof st no jr inc corp co etc vs e g i ex jan feb mar apr jun jul aug sep sept oct nov dec
    sen rep gov gen col lt capt
    """.split()

# Verbs of saying (the reporting verbs of a style guide's attribution section, past and present).
SPEECH_VERBS = """
    said says wrote writes told tells added adds stated states posted tweeted argued warned claimed explained
    insisted noted replied asked promised announced countered cautioned acknowledged admitted remarked
    commented responded stressed emphasised emphasized predicted conceded declared confirmed recalled observed
    reported testified remembers recalls notes explains argues warns insists adds
    """.split()
ATTRIBUTION_WORDS = ["according"]
SPEECH_ACT_NOUNS = """
    interview memo speech statement letter remarks press conference presented unveiled
    """.split()
PRONOUNS = {"he": "m", "she": "f", "they": ""}
TITLES = {"mrs": "f", "ms": "f", "miss": "f", "mr": "m"}
ACADEMIC_TITLES = ["dr", "prof", "professor", "sir", "dame"]
ARTICLES = ["the", "a", "an"]

# Role words before a name ("Governor Wade Kessler", "chief executive Jonas Berg"), from the titles of
# offices and jobs in English news style guides (regex stems: "gov\." is an abbreviation).
ROLE_WORDS = r"""
    governor gov\. senator sen\. rep\. representative minister president chancellor spokesperson spokesman
    spokeswoman analyst economist executive officer ceo cfo cto coo chairman chairwoman chair founder director
    leader secretary commissioner mayor professor prof\. dr\. researcher investor lawmaker mr\. mrs\. ms\. head
    boss chief manager partner strategist adviser advisor councillor councilor councilman councilwoman
    congressman congresswoman judge ambassador envoy premier official regulator planner scientist hydrologist
    engineer expert
    """.split()
INSTITUTION_ENDINGS = """
    office agency commission ministry institute association court group university council department
    authority bureau capital partners research holdings board league union company corporation
    """.split()
# "the company said in a statement": an organisation speaking as one
ORGANISATION_NOUNS = """
    company firm group ministry government agency association union council board operator department
    authority league
    """.split()

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_LEADS = ["on", "last"]
RELATIVE_DAYS = {"yesterday": -1, "today": 0}
RELATIVE_WEEKS = ["last week"]
NEXT_DAY = ["the next day", "the following day"]

SCALES = [
    (r"billions|billion", 1e9),
    (r"millions|million|mln\.?", 1e6),
    (r"trillions|trillion|tn", 1e12),
    (r"thousand", 1e3),
]
HALF = ["half a", "half"]
DOZEN = ["a dozen", "dozen"]
DOZENS = ["dozens"]

# Currency names in English; ISO codes and symbols of every currency are in articles/extraction/currency.py.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "pound": "GBP", "francs": "CHF", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB",
    "rubles": "RUB", "rupees": "INR", "won": "KRW", "rand": "ZAR", "pesos": "MXN",
}
# Currency names with the country word that fixes them (ISO 4217 currency names).
QUALIFIED_CURRENCIES = {
    ("syrian", "pounds"): "SYP", ("egyptian", "pounds"): "EGP", ("lebanese", "pounds"): "LBP",
    ("australian", "dollars"): "AUD", ("canadian", "dollars"): "CAD", ("new zealand", "dollars"): "NZD",
    ("singapore", "dollars"): "SGD", ("hong kong", "dollars"): "HKD", ("taiwan", "dollars"): "TWD",
    ("us", "dollars"): "USD", ("swedish", "kronor"): "SEK", ("norwegian", "kroner"): "NOK",
    ("danish", "kroner"): "DKK", ("czech", "koruna"): "CZK", ("mexican", "pesos"): "MXN",
    ("indian", "rupees"): "INR", ("turkish", "lira"): "TRY", ("russian", "roubles"): "RUB",
    ("swiss", "francs"): "CHF", ("chinese", "yuan"): "CNY", ("japanese", "yen"): "JPY",
    ("brazilian", "reais"): "BRL", ("south african", "rand"): "ZAR", ("polish", "zloty"): "PLN",
    ("singapore", "cents"): "SGD",
}

UNIT_WORDS = {
    "percent": ("%", 1), "per cent": ("%", 1), "percentage points": ("%", 1), "watts": ("W", 1),
    "kilowatts": ("W", 1e3), "megawatts": ("W", 1e6), "gigawatts": ("W", 1e9), "terawatts": ("W", 1e12),
    "kilowatt hours": ("Wh", 1e3), "megawatt hours": ("Wh", 1e6), "gigawatt hours": ("Wh", 1e9),
    "terawatt hours": ("Wh", 1e12), "hectares": ("m2", 1e4), "hectare": ("m2", 1e4),
    "square metres": ("m2", 1), "square meters": ("m2", 1), "square kilometres": ("m2", 1e6),
    "square kilometers": ("m2", 1e6), "square miles": ("m2", 2589988.110336), "acres": ("m2", 4046.8564224),
    "cubic metres": ("m3", 1), "cubic meters": ("m3", 1), "litres": ("m3", 1e-3), "liters": ("m3", 1e-3),
    "gallons": ("m3", 0.003785411784), "barrels": ("m3", 0.158987294928), "tonnes": ("kg", 1e3),
    "tons": ("kg", 1e3), "kilograms": ("kg", 1), "kilometres": ("m", 1e3), "kilometers": ("m", 1e3),
    "metres": ("m", 1), "meters": ("m", 1), "centimetres": ("m", 1e-2), "centimeters": ("m", 1e-2),
    "millimetres": ("m", 1e-3), "millimeters": ("m", 1e-3), "miles": ("m", 1609.344), "mile": ("m", 1609.344),
    "feet": ("m", 0.3048), "foot": ("m", 0.3048), "inches": ("m", 0.0254), "inch": ("m", 0.0254),
    "yards": ("m", 0.9144),
}
DIRECTION_WORDS = ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away",
                   "from", "off", "outside", "inland", "offshore"]
DURATION_WORDS = {
    "days": ("d", 1), "day": ("d", 1), "weeks": ("d", 7), "week": ("d", 7), "months": ("a", 1 / 12),
    "month": ("a", 1 / 12), "years": ("a", 1), "year": ("a", 1), "decades": ("a", 10), "hours": ("h", 1),
    "hour": ("h", 1), "minutes": ("h", 1 / 60),
}
COUNT_NOUNS = [
    r"jobs?", r"employees", r"workers", r"people", r"users", r"customers", r"cars", r"vehicles",
    r"data cent(?:er|re)s", r"servers", r"households", r"companies", r"firms", r"homes", r"residents",
    r"robots", r"students", r"subscribers", r"accounts", r"racks", r"accelerators", r"processors", r"reactors",
    r"turbines", r"staffers", r"engineers", r"positions", r"posts", r"staff", r"deaths", r"victims",
    r"patients", r"cases", r"warehouses", r"projects", r"substations", r"plants", r"sites",
]
REMAINDER_ADJECTIVES = ["remaining", "other", "last", "first"]
NOT_COUNTED_NOUNS = [
    "thirds", "quarters", "fifths", "halves", "things", "votes", "points", "goals", "wins", "losses", "times",
    "degrees", "odds", "lengths"]
# plurals without an -s (a grammar's irregular plurals of countable nouns)
IRREGULAR_PLURALS = ["men", "women", "children", "people", "staff", "police", "sheep", "fish", "cattle", "mice",
                     "geese", "teeth", "feet", "personnel", "aircraft"]
JOB_NOUNS = [r"jobs?$", r"employees", r"workers", r"headcount", r"head count", r"workforce", r"staff",
             r"payroll", r"positions", r"posts"]

COUNT_KINDS = {
    "jobs": ["jobs", "job", "employees", "workers", "headcount", "head count", "workforce", "staff", "payroll",
             "positions", "posts", "roles"],
    "people": ["people", "persons", "residents", "citizens", "inhabitants"],
    "households": ["household"],
    "companies": ["companies", "firms", "businesses"],
    "vehicles": ["vehicle", "cars"],
    "data centres": ["data cent"],
    "substations": ["substation"],
    "users": ["users", "customers", "subscribers"],
    "homes": ["homes", "houses"],
    "deaths": ["deaths", "dead", "fatalities"],
}

BOUNDS = {
    "lt": ["well under", "far under", "just under", "slightly under", "well below", "just below", "less than",
           "fewer than", "under", "below"],
    "le": ["up to", "no more than", "at most", "not more than", "as many as", "as much as"],
    "ge": ["at least", "no less than", "not less than", "no fewer than"],
    "gt": ["more than", "over", "above", "upwards of", "in excess of"],
    "approx": ["about", "around", "almost", "nearly", "roughly", "approximately", "close to", "some",
               "an estimated", "estimated"],
}

NEGATIONS = ["no", "not", "never", "none", "nothing", "cannot"]
DENIAL_WORDS = ["wrong", "false", "untrue", "made up", "fabricated", "nonsense", "exaggerated", "not true",
                "inaccurate", "rejected", "denied", "denies",
                # verbs of denying (a thesaurus's synonyms of "deny"), in the forms quotes use
                "deny", "dispute", "disputes", "disputed", "refute", "refutes", "refuted", "misleading"]
REVISION_WORDS = ["revised", "revises", "now expects", "now sees", "now estimates", "raised", "raises", "cut its",
                  "lowered", "lowers", "up from", "down from", "corrected", "instead of"]

GENERIC_TERMS = ["usa", "us", "investment", "investments", "money", "project", "plan", "ai", "government",
                 "company", "companies"]


# ------------------------------------------------------------------------------------------------------------
# Speakers and dates said (issue 11, parts 2 and 3; added by the quotes work, kept apart from the judge's lists)
# ------------------------------------------------------------------------------------------------------------

# Demonstratives that open a sentence ("This was confirmed by …"): never a speaker's name.
DEMONSTRATIVES = ["this", "that", "these", "those"]
# Written channels a statement is made in ("an email from X"), beside SPEECH_ACT_NOUNS.
MESSAGE_NOUNS = ["email", "e-mail", "message", "text message", "tweet", "post"]
# English marks indirect speech with no verb form of its own.
REPORTED_SPEECH: list[str] = []
SPEECH_VERBS_MORE: list[str] = []
# Words that join a second verb to the subject of the first ("said X of Y and added").
COORDINATORS = ["and"]
# Verbs of saying whose object is the listener, not the speaker ("told Reuters", "tells a reporter"), from the
# reporting verbs of a style guide that take an indirect object.
ADDRESSEE_VERBS = ["told", "tells", "tell", "telling"]
RELATIVE_SPANS = {"last week": 7, "the previous week": 7, "the week before": 7}
AGO_BEFORE: list[str] = []
AGO_AFTER = ["ago"]
AGO_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
LAST_WEEK_AFTER = ["last week", "of last week", "the previous week"]
NIGHT_WORDS = ["night", "overnight"]
NIGHT_FROM_TO = [("from", "to"), ("from", "into")]
WEAK_TODAY = ["today"]
# Vague amounts with a clear value: "tens of millions" a range, "dozens of" alone at least two dozen.
TENS_OF = ["tens of", "dozens of"]
TENS_OF_SCALES = ["millions", "billions"]
DOZENS_OF = ["dozens of"]


# ------------------------------------------------------------------------------------------------------------
# Figures: words the figure rules of articles/extraction/numbers.py and numerals.py read (issue 11, part 4:
# moved here from those modules, unchanged)
# ------------------------------------------------------------------------------------------------------------

# Number words read directly (text2num reads the others): English cardinals; "a" for "a million".
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "a": 1, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
WEAK_NUMBER_WORDS = ["one", "a"]
NUMBER_ROOTS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "teen",
                "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"]
NUMBER_WORDS_KEPT = ["one", "a", "an", "zero", "nil"]
RATE_WORDS = ["per year", "a year", "annually", "each year", "yearly", "per month", "a month", "per annum"]
DEADLINE_CUES = ["deadline", "within", "for the next", "in the next"]
LABEL_WORDS = ["no", "number", "type", "model", "version", "paragraph", "chapter", "section", "page", "part", "level",
               "room", "flight"]
NOT_ADJECTIVES: list[str] = []

# Speakers: the definite article before a role noun ("the minister"); words joining the parts of an
# organisation's name ("Universities and Colleges Association", "Bank of England"); the attribution said in
# two words ("according to").
APPOSITION_ROLES = ["CEO"]
DEFINITE_ARTICLES = ["the"]
NAME_JOINERS = ["and", "of", "for", "&"]
ATTRIBUTION_PHRASES = ["according to"]

# Organisations speaking: the legal forms that end a company's name (company registers of the UK and US) and the
# nouns for a company as one ("the company said in a statement").
LEGAL_FORMS = ["Inc", "Inc.", "Ltd", "Ltd.", "plc", "PLC", "Corp", "Corp.", "LLC", "Co.", "Group", "Holdings"]
COMPANY_NOUNS = ["company", "firm", "group", "operator", "maker", "manufacturer", "provider", "utility", "carrier",
                 "lender", "chain", "retailer", "insurer"]
# Occasions of speaking that last for a whole story ("said in a media briefing on Tuesday").
OCCASION_NOUNS = ["press conference", "news conference", "briefing", "interview", "speech", "hearing",
                  "conference call", "earnings call", "town hall", "testimony"]
MEASURE_NOUNS = """
    miles times points degrees hours minutes seconds metres meters kilometres kilometers feet inches yards pounds
    bytes gigabytes terabytes petabytes votes pages words ounces gallons barrels basis years months weeks days
    decades euros dollars cents lakhs crores shares
    """.split()
TIME_ENDINGS: list[str] = []
COUNT_MEASURES = ["headcount", "head count", "workforce",
                  "number of (?:employees|staff|jobs|users|customers|workers)"]
TIME_NOUNS: list[str] = []
YEAR_LEADS = ["from", "since", "by", "until", "before", "after", "in", "year"]
RANGE_LEADS = ["between", "from"]
PER_ITEM_WORDS = ["each", "per", "apiece"]
AGE_NOUNS = ["year-old"]
IMPERSONAL_SPEECH: list[str] = []
# ================================================================ linking judge (articles/linking/judge/)
# Moved out of articles/linking/judge.py (issue 11, part 5): the words the pairwise judge reads off a claim
# pair. General news English, not the words of any one story; the German lists in de.py have the same names.

# "they don't have the money", "no funding", "the money is missing" (an English grammar's possession verbs
# and negation; news words for money)
JUDGE_MONEY_WORDS = ["money", "funds", "funding", "cash", "financing"]
JUDGE_HAVE_VERBS = ["has", "have", "had"]
JUDGE_NOT = ["not"]
JUDGE_LACK_WORDS = ["no", "don't have", "doesn't have", "do not have", "does not have", "haven't got", "lack"]
JUDGE_MISSING_WORDS = ["is missing", "isn't there", "is not there"]
# the contracted negation ("isn't", "don't") and the words after it that make it part of a bound
JUDGE_NEGATION_CLITIC = "n't"
JUDGE_BOUND_AFTER_CLITIC = ["more", "less", "only"]
# after a negation, words that make it part of a bound or a limit, not a denial ("not more than", "not only")
JUDGE_BOUND_AFTER_NEGATION = ["more than", "less than", "fewer than", "only", "least", "most"]
# a third party's estimate (regex stems): "analysts estimate", "critics say"
JUDGE_ESTIMATE = [r"estimat\w*", r"critics?"]
# money only secured ("in the budget") and money only announced ("pledged", "plans")
JUDGE_SECURED = ["secured", "actually", "in the budget", "budgeted", "committed", "on hand", "in hand",
                 "so far only"]
JUDGE_ANNOUNCED = ["announced", "announces", "plans?", "planned", "promised", "promises", "pledged", "pledges",
                   r"earmark\w*", "target"]
# a figure attributed to someone: verbs of saying and estimating, "according to" (regex stems)
JUDGE_ATTRIBUTION = ["said", "says", "told", "estimates?", "estimated", "according to", "claims?", "put the",
                     "puts the", "reckons?", "warned"]
# a figure given as someone's own count ("by the union's count", "by its own estimate") (regex stems)
JUDGE_SOURCE = [r"by (?:its|their|his|her|the \w+'s) (?:own )?(?:count|estimate|figures?|tally)"]
# determiners that cite a figure already named ("the $4bn is …"): the article and demonstratives
JUDGE_CITING = ["the", "these", "those", "this", "that"]
# words of a figure's clause that say nothing about what it measures
JUDGE_NOT_MEASURE = """
    thousand percent year years month months week day days today about around more less than over said says
    already according nearly
    """.split()
# What a sum of money measures, read off the words of its clause (regex stems, matched at a word start; a
# business desk's vocabulary); the kinds are those of de.JUDGE_MEASURES.
JUDGE_MEASURES = {
    "funding": [r"project", r"commit", r"secured", r"funding", r"fund", r"pledg", r"raise", r"package"],
    "investment": [r"invest", r"spend", r"capex", r"capital expenditure"],
    "subsidy": [r"subsid", r"grant"],
    "jobs": [r"jobs?\b", r"employ", r"workers\b", r"staff\b"],
    "revenue": [r"revenue", r"sales\b", r"brought in", r"brings? in", r"took in", r"takes in", r"generat"],
    "profit": [r"profit", r"earnings", r"loss", r"deficit", r"lose\b", r"loses\b", r"losing\b"],
    "value": [r"market cap", r"market value", r"valuation", r"valued\b", r"valuing\b"],
    "cost": [r"cost", r"price", r"bill\b", r"price tag"],
    "equity": [r"stake\b", r"equity"],
    "debt": [r"debt", r"loan", r"bond"],
    "donation": [r"donat", r"campaign"],
    "tax": [r"tax"],
}
# a valuation named right before a figure ("valued at $157bn") or after it ("a $157bn valuation")
JUDGE_VALUATION_BEFORE = ["valued", "valuing", "valuation"]
JUDGE_VALUATION_AFTER = ["valuation"]
# other forms of English place names the judge folds to one ("Austrian" is Austria; "usa" the United States)
JUDGE_PLACE_NAMES = {
    "austrian": "austria", "german": "germany", "swiss": "switzerland", "united-states": "united-states",
}
