"""Bytes in: binary check, encoding detection and format sniffing from the first bytes only."""

from __future__ import annotations

import codecs
import json
import re

from .types import ImportFailed

SNIFF_BYTES = 64 * 1024
FORMATS = ("auto", "text", "html", "json", "jsonl", "feed")

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"RIFF", "a media file"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "an audio file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a database"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a font"),
    (b"\x00asm", "a program"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer often names a Central European code page for German text in Windows-1252;
# the letters newsroom texts use decode the same, and cp1252 gets „ “ ‚ ‘ and € right.
_WESTERN = {
    "cp1250",
    "cp1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "iso8859_2",
    "mac_roman",
    "mac_latin2",
    "cp850",
    "cp437",
    "iso8859_9",
    "cp1254",
}
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")


def check_binary(head: bytes) -> None:
    """Raise ImportFailed('not a text file …') for images, archives, programs and other binary data."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise ImportFailed(f"not a text file (looks like {what})")
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return
    sample = head[:8192]
    if not sample:
        return
    nul = sample.count(0)
    if nul and _utf16_without_bom(sample):
        return
    controls = len(_CONTROL_BYTES.findall(sample))
    if nul / len(sample) > 0.05 or controls / len(sample) > 0.05:
        raise ImportFailed("not a text file (binary data)")


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    sample = data[: 1024 * 1024].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = sum(1 for c in sample if c > "\x7f" and c != "\ufffd")
    return good >= 5 and good >= 3 * bad


def detect_encoding(data: bytes, *, complete: bool) -> str:
    """A Python codec name for these bytes; `complete` is False when `data` is only the file's beginning."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    guess = _utf16_without_bom(data[:8192]) if 0 in data[:8192] else None
    if guess:
        return guess
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8"  # a few broken bytes in UTF-8 text: keep the rest right, replace those
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            (data if complete else data[: len(data) - 8]).decode(declared)
            return declared
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        sample = data[: 1024 * 1024]
        if sample.decode("utf-8", errors="replace").count("\ufffd") <= len(sample) / 100:
            return "utf-8"  # text with a few damaged bytes
        raise ImportFailed("not a text file (no known character encoding fits)")
    encoding = best.encoding
    if encoding in _WESTERN:
        try:
            data[: 1024 * 1024].decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return encoding
    return encoding


_CHARSET = re.compile(rb"""<\?xml[^>]*encoding=["']([\w.:-]+)|<meta[^>]*charset=["']?([\w.:-]+)""", re.I)


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML file declares for itself, as a Python codec name."""
    m = _CHARSET.search(head)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    if name in ("utf-8", "utf8", "utf-16", "utf-32"):
        return None  # already tried, or contradicted by the bytes
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> str:
    """The whole content as text (NUL bytes dropped where the encoding is byte-oriented)."""
    encoding = detect_encoding(data, complete=True)
    if not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
        data = data.replace(b"\x00", b"")
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def decode_head(head: bytes, *, complete: bool) -> tuple[str, str]:
    encoding = detect_encoding(head, complete=complete)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(head, final=complete), encoding


_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf|channel)\b", re.I)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|h[1-6]|span|a|"
    r"br|table|ul|ol|script|style|link)\b",
    re.I,
)


def sniff_format(head: str, name: str = "", *, complete: bool = True) -> str:
    """text | html | json | jsonl | feed, judged by the content; the file name only breaks ties."""
    s = head.lstrip("\ufeff \t\r\n\x00")
    lower_name = name.lower()
    if s.startswith("["):
        return "json"
    if s.startswith("{"):
        if lower_name.endswith((".jsonl", ".ndjson", ".jsonlines", ".ldjson")):
            return "jsonl"
        lines = s.split("\n")
        if not complete and len(lines) > 1:
            lines = lines[:-1]  # the last line may be cut by the sniff window
        if sum(1 for line in lines if line.startswith("{")) >= 2:
            return "jsonl"
        first = lines[0].strip()
        rest = any(line.strip() for line in lines[1:])
        try:
            json.loads(first)
            return "jsonl" if rest else "json"
        except ValueError:
            return "json"
    if s.startswith("<"):
        probe = re.sub(r"<!--.*?-->|<\?.*?\?>|<!doctype[^>]*>", "", s[:8192], flags=re.S | re.I).lstrip()
        if re.match(r"<(?:rss|feed|rdf:rdf)\b", probe, re.I):
            return "feed"
        if _HTML_START.match(probe) or re.search(r"<!doctype\s+html", s[:2048], re.I):
            return "html"
        if _FEED_ROOT.search(probe[:2048]):
            return "feed"
        return "html"
    return "text"
