"""Unit symbols written after a number, the same in every language (the SI brochure of the BIPM): symbol ->
(unit, factor to it). The names of units are words and live in de.py and en.py. "m" alone is left out: after a
number it is as often "million" ("5m people")."""

SYMBOLS = {
    "%": ("%", 1), "kw": ("W", 1e3), "mw": ("W", 1e6), "gw": ("W", 1e9), "tw": ("W", 1e12),
    "kwh": ("Wh", 1e3), "mwh": ("Wh", 1e6), "gwh": ("Wh", 1e9), "twh": ("Wh", 1e12), "ha": ("m2", 1e4),
    "m²": ("m2", 1), "m2": ("m2", 1), "qm": ("m2", 1), "km²": ("m2", 1e6), "km2": ("m2", 1e6), "m³": ("m3", 1),
    "m3": ("m3", 1), "kg": ("kg", 1), "km": ("m", 1e3), "cm": ("m", 1e-2), "mm": ("m", 1e-3),
}
