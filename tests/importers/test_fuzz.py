"""Fuzzing the importers with hypothesis: whatever the bytes, a clear per-file error or clean drafts.

`make test` runs a short version (FACTCHECK_FUZZ_EXAMPLES, default 60 inputs per importer);
`make fuzz` runs 10,000 per importer. Inputs: random bytes, valid files of every format truncated and mutated,
huge lines, and valid text in odd encodings. What must hold for every input:

- reading raises nothing but ImportFailed, with a one-line message a user can act on (no exception class
  names from inside a parser: those mean an error we did not anticipate);
- every item is an ArticleDraft with a non-empty title and body, or an ItemError with its reason;
- stored through the import runner, a file that fails whole leaves no row behind, and every article it
  reports is in the database.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importers import ArticleDraft, ImportFailed, ItemError, read_bytes

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "60"))
IMPORTERS = ["auto", "text", "html", "json", "jsonl", "feed"]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

# Short articles of our own, one per format, for the mutations to start from.
ARTICLE = (
    "Die Stadtwerke wollen bis 2030 rund 1,2 Milliarden Euro in neue Leitungen stecken. "
    "„Das ist die größte Investition seit Jahrzehnten“, sagte die Geschäftsführerin am Montag."
)
VALID = {
    "text": f"date 2025-03-04\nStadtwerke planen Milliarden für Leitungen\n\n{ARTICLE}\n",
    "html": (
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Leitungen für Milliarden</title>'
        '<meta property="article:published_time" content="2025-03-04"></head><body><article>'
        f"<h1>Leitungen für Milliarden</h1><p>{ARTICLE}</p><p>Der Rat entscheidet im Mai.</p></article></body></html>"
    ),
    "json": json.dumps(
        [{"title": "Leitungen", "body": ARTICLE, "date": "2025-03-04", "url": "https://example.org/leitungen"},
         {"title": "Rat", "body": "Der Rat entscheidet im Mai über 40 Millionen Euro.", "date": "2025-03-05"}],
        ensure_ascii=False,
    ),
    "jsonl": "\n".join(
        json.dumps({"title": f"Meldung {i}", "body": f"{ARTICLE} Nachtrag {i}.", "date": f"2025-03-0{i + 1}"},
                   ensure_ascii=False)
        for i in range(3)
    ) + "\n",
    "feed": (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Stadtnachrichten</title>'
        "<link>https://example.org/</link><item><title>Leitungen für Milliarden</title>"
        "<link>https://example.org/leitungen</link><pubDate>Tue, 04 Mar 2025 09:00:00 +0100</pubDate>"
        f"<description>{ARTICLE}</description></item></channel></rss>"
    ),
}
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "iso8859-15", "cp850", "mac_roman", "koi8-r", "shift_jis", "gb18030", "utf-7"]

# A message that names a Python exception class came from a catch-all: an input nobody anticipated.
UNANTICIPATED = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|Traceback")


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(VALID[draw(st.sampled_from(sorted(VALID)))].encode())
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "truncate":
            del data[at:]
        elif op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 32))]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
    return bytes(data)


@st.composite
def huge_line(draw) -> bytes:
    unit = draw(st.sampled_from(["Wort ", "ä", "{", "[", "<p>", '"x":', "\\u00e4", "9,5 ", "\t", "\r"]))
    line = unit * draw(st.integers(1_000, 120_000))
    kind = draw(st.sampled_from(["plain", "jsonl", "html"]))
    if kind == "jsonl":
        return (json.dumps({"title": "Lang", "body": line}) + "\n" + VALID["jsonl"]).encode()
    if kind == "html":
        return f"<html><body><p>{line}</p></body></html>".encode()
    return f"Lange Zeile\n\n{line}".encode()


@st.composite
def odd_encoding(draw) -> bytes:
    text = VALID[draw(st.sampled_from(sorted(VALID)))]
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


INPUTS = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    mutated(),
    huge_line(),
    odd_encoding(),
)


def check_read(data: bytes, fmt: str) -> list[ArticleDraft | ItemError] | str:
    """The drafts read, or the ImportFailed message; fails the test on anything else."""
    try:
        items = list(read_bytes(data, name="upload.bin", fmt=fmt))
    except ImportFailed as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message, repr(message)
        assert not UNANTICIPATED.search(message), message
        return message
    for item in items:
        if isinstance(item, ItemError):
            assert item.item >= 1 and item.error.strip(), item
            assert not UNANTICIPATED.search(item.error), item.error
        else:
            assert isinstance(item, ArticleDraft), type(item)
            assert item.title.strip() and item.body.strip(), item
            assert "\x00" not in item.body and len(item.title) <= 200
    return items


@pytest.mark.parametrize("fmt", IMPORTERS)
def test_every_importer_survives_any_input(fmt):
    @FUZZ
    @given(INPUTS)
    def run(data: bytes) -> None:
        check_read(data, fmt)

    run()


@pytest.mark.django_db
def test_import_of_fuzzed_files_is_all_or_reported(tmp_path):
    """Through the runner and the database: failures leave no rows, reported articles exist."""
    from articles.import_runner import import_file
    from articles.models import Article

    @settings(FUZZ, max_examples=max(10, EXAMPLES // 6))
    @given(st.one_of(mutated(), odd_encoding(), st.binary(max_size=512)))
    def run(data: bytes) -> None:
        path = tmp_path / "fuzzed.bin"
        path.write_bytes(data)
        before = set(Article.objects.values_list("id", flat=True))
        entry = import_file(path, display="fuzzed.bin", extract=True)
        after = set(Article.objects.values_list("id", flat=True))
        assert after - before == set(entry.articles), entry.as_dict()
        if entry.status == "failed":
            assert after == before
            assert entry.error or entry.errors
        Article.objects.filter(id__in=after - before).delete()

    run()
