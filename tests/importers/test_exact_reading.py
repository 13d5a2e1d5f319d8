"""No byte lost: files around the 64 KiB sniff window and large ones are stored exactly as written.

The bodies here are already in the documented normal form (NFC, LF line ends, paragraphs separated by one
empty line, no trailing blanks), so the stored body must equal the source paragraphs character for character.
Before the fix the byte at offset 65,536 of every text or HTML file larger than 64 KiB was dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.import_runner import import_file
from articles.models import Article

KIB = 1024
SIZES = [64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 1024 * KIB, 10 * 1024 * KIB]


def paragraph(n: int, sentences: int = 40) -> str:
    return " ".join(
        f"Absatz {n}, Satz {k}: Die Behörde zählte {k * 7 % 97},{n % 10} Prozent mehr Anträge als im Vorjahr."
        for k in range(sentences)
    )


def filler(length: int, n: int) -> str:
    """ASCII sentences cut to exactly `length` characters, not ending in blank space."""
    text = " ".join(f"Schlussmeldung {n} Teil {k} ohne Umlaut." for k in range(length // 20 + 2))[:length]
    return text[:-1] + "." if text.endswith(" ") else text


def fit(size: int, build, per_paragraph: int) -> tuple[bytes, list[str]]:
    """Paragraphs whose file, as `build` writes them, is exactly `size` bytes; the last one pads."""
    paragraphs: list[str] = []
    used = 4 * KIB  # room for the markup around the paragraphs (at most 100 bytes each) and a padding paragraph
    while True:
        candidate = paragraph(len(paragraphs), per_paragraph)
        if used + len(candidate.encode()) + 100 > size:
            break
        paragraphs.append(candidate)
        used += len(candidate.encode()) + 100
    overhead = len(build([*paragraphs, ""]))
    paragraphs.append(filler(size - overhead, len(paragraphs)))
    data = build(paragraphs)
    assert len(data) == size
    return data, paragraphs


def text_file(paragraphs: list[str]) -> bytes:
    return ("date 2025-01-02\nÜberschrift der Meldung\n\n" + "\n\n".join(paragraphs)).encode()


def html_file(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>Überschrift der Meldung</title></head>'
        f"<body><article><h1>Überschrift der Meldung</h1>\n{body}</article></body></html>\n"
    ).encode()


def jsonl_file(paragraphs: list[str]) -> bytes:
    return "".join(
        json.dumps({"title": f"Meldung {i}", "body": p, "date": "2025-01-02"}, ensure_ascii=False) + "\n"
        for i, p in enumerate(paragraphs)
    ).encode()


@pytest.mark.django_db
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}B")
@pytest.mark.parametrize("kind", ["text", "html"])
def test_single_article_file_is_stored_exactly(tmp_path, kind, size):
    build = text_file if kind == "text" else html_file
    data, paragraphs = fit(size, build, per_paragraph=200)
    path = tmp_path / f"article.{'txt' if kind == 'text' else 'html'}"
    path.write_bytes(data)
    entry = import_file(path, display=path.name, extract=False)
    assert entry.status == "imported", entry.as_dict()
    article = Article.objects.get()
    assert article.title == "Überschrift der Meldung"
    assert article.body == "\n\n".join(paragraphs)


@pytest.mark.django_db
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s}B")
def test_json_lines_file_is_stored_exactly(tmp_path, size):
    data, paragraphs = fit(size, jsonl_file, per_paragraph=200)
    path = tmp_path / "articles.jsonl"
    path.write_bytes(data)
    entry = import_file(path, display=path.name, extract=False)
    assert entry.status == "imported", entry.as_dict()
    stored = dict(Article.objects.values_list("title", "body"))
    assert stored == {f"Meldung {i}": p for i, p in enumerate(paragraphs)}


def test_the_byte_after_the_sniff_window_is_read(tmp_path):
    """The exact case of the old bug, without a database: a distinctive letter at offset 65,536."""
    from articles.importers import read_file

    head = "Überschrift\n\n".encode()
    body = b"a" * (64 * KIB - len(head)) + b"Z" + b" und der Rest."
    path = Path(tmp_path) / "edge.txt"
    path.write_bytes(head + body)
    (draft,) = list(read_file(path))
    assert draft.body == body.decode()


def test_only_json_lines_may_exceed_the_document_cap(tmp_path):
    """Text, HTML, JSON and feeds are parsed in memory, so they are capped; JSON Lines streams past the cap."""
    from articles.importers import ImportFailed, read_file

    text = tmp_path / "lang.txt"
    text.write_bytes(("Überschrift\n\n" + paragraph(1, 200)).encode())
    with pytest.raises(ImportFailed, match=r"too large for a single text document: more than 10.0 KB \(only JSON"):
        list(read_file(text, max_bytes=1_000_000, max_document_bytes=10 * KIB))
    lines = tmp_path / "viele.jsonl"
    lines.write_bytes(jsonl_file([paragraph(n, 10) for n in range(20)]))
    assert lines.stat().st_size > 10 * KIB
    drafts = list(read_file(lines, max_bytes=1_000_000, max_document_bytes=10 * KIB))
    assert len(drafts) == 20 and all(d.body for d in drafts)
