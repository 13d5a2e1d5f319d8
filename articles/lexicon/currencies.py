"""Currencies independent of language: ISO 4217 codes and symbols.

CODES: the currencies of the ECB's euro foreign exchange reference rates (30 currencies and the euro), plus
a few more ISO 4217 codes news quote often. SYMBOLS: the signs written before an amount, from ISO 4217's
usual symbols; "$" alone is the US dollar unless the article names another dollar (see
articles/extraction/currency.py).
"""

ECB_CODES = """
    EUR USD JPY BGN CZK DKK GBP HUF PLN RON SEK CHF ISK NOK TRY AUD BRL CAD CNY HKD IDR ILS INR KRW MXN MYR
    NZD PHP SGD THB ZAR
    """.split()
OTHER_CODES = "RUB UAH SAR AED EGP SYP LBP NGN KES ARS CLP COP PEN VND TWD PKR QAR KWD".split()
CODES = [*ECB_CODES, *OTHER_CODES]

SYMBOLS = {
    "us$": "USD", "s$": "SGD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₩": "KRW", "₺": "TRY", "₽": "RUB", "₪": "ILS", "₱": "PHP", "฿": "THB", "zł": "PLN",
}
# a hundredth of the currency: "5.5 cents", "20 Cent", "50 Rappen", "10 pence"
MINOR_UNITS = ["cents", "cent", "rappen", "pence", "penny"]
