"""The module API: folders, encodings, uploads and the duplicate hash."""

import os
from pathlib import Path

import pytest

from articles.importers import ArticleDraft, ImportFailed, content_hash, iter_input_files, read_bytes, read_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "importers"

GERMAN = "Größere Rechenzentren für „KI“\n\nBürger äußern Zweifel an der Förderung über 5 Mio. €, sagte die Ärztin."


def only(items) -> ArticleDraft:
    items = list(items)
    assert len(items) == 1, items
    assert isinstance(items[0], ArticleDraft), items[0]
    return items[0]


def test_folder_is_read_recursively_sorted_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", "utf-8")
    (tmp_path / "a.txt").write_text("a", "utf-8")
    (tmp_path / "c.json").write_text("{}", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x", "utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "b" / ".draft.txt").write_text("x", "utf-8")
    single = tmp_path / "b" / "z.txt"
    found = list(iter_input_files([tmp_path, single, str(tmp_path / "missing.txt")]))
    assert found == [
        tmp_path / "a.txt",
        tmp_path / "b" / "z.txt",
        tmp_path / "c.json",
        single,  # files are passed through as given
        tmp_path / "missing.txt",  # so that read_file can report it
    ]


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    # chmod 000 does not stop root, so the refusal is simulated where os.walk and read_file ask for it
    (tmp_path / "gesperrt").mkdir()
    (tmp_path / "gesperrt" / "a.txt").write_text("Ein Text.")
    (tmp_path / "offen.txt").write_text("Noch ein Text.")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "gesperrt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_input_files([tmp_path]))
    assert found == [tmp_path / "gesperrt", tmp_path / "offen.txt"]
    with pytest.raises(ImportFailed, match=r"^permission denied \(the folder cannot be read\)$"):
        read_file(tmp_path / "gesperrt")


def test_utf8_with_bom():
    draft = only(read_bytes(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), name="bom.txt"))
    assert draft.title == "Größere Rechenzentren für „KI“"
    assert "\ufeff" not in draft.title + draft.body


def test_windows_1252_bytes_come_out_right():
    draft = only(read_bytes(GERMAN.encode("cp1252"), name="legacy.txt"))
    assert draft.title == "Größere Rechenzentren für „KI“"
    assert draft.body == "Bürger äußern Zweifel an der Förderung über 5 Mio. €, sagte die Ärztin."


def test_latin1_bytes_come_out_right():
    text = "Neue Kühlung für Serverräume\n\nDie Größe der Anlage überrascht die Behörden im Süden."
    draft = only(read_bytes(text.encode("latin-1"), name="l.txt"))
    assert draft.title == "Neue Kühlung für Serverräume"
    assert "Größe" in draft.body and "Süden" in draft.body


def test_crlf_line_ends():
    draft = only(read_bytes(GERMAN.replace("\n", "\r\n").encode("utf-8"), name="crlf.txt"))
    assert "\r" not in draft.title + draft.body
    assert draft.title == "Größere Rechenzentren für „KI“"


def test_same_article_in_any_encoding_has_the_same_content_hash():
    variants = [
        GERMAN.encode("utf-8"),
        b"\xef\xbb\xbf" + GERMAN.encode("utf-8"),
        GERMAN.replace("\n", "\r\n").encode("cp1252"),
    ]
    hashes = {content_hash(only(read_bytes(v, name="v.txt")).body) for v in variants}
    assert len(hashes) == 1


def test_content_hash_normalises_case_space_quotes_and_unicode_forms():
    a = "Der „Plan“ kostet\n500 Milliarden."
    b = 'der "plan"  kostet 500 MILLIARDEN.'
    c = "Der \u201ePlan\u201c kostet 500 Milliarden."
    decomposed = "Die Fo\u0308rderung"
    assert content_hash(a) == content_hash(b) == content_hash(c)
    assert content_hash(decomposed) == content_hash("Die Förderung")
    assert content_hash(a) != content_hash("Der Plan kostet 600 Milliarden.")
    assert len(content_hash(a)) == 64 and int(content_hash(a), 16) >= 0


def test_read_bytes_gives_the_same_as_read_file():
    for name in ("page_de.html", "articles.jsonl", "feed_rss.xml", "text_repeated_title.txt", "article.json"):
        path = FIX / name
        assert list(read_bytes(path.read_bytes(), name=name)) == list(read_file(path)), name


def test_reading_twice_gives_identical_drafts():
    assert list(read_file(FIX / "page_de.html")) == list(read_file(FIX / "page_de.html"))


def test_language_is_detected_not_guessed():
    english = only(read_bytes(b"Grid upgrade\n\nThe utility will spend two billion dollars on new lines.", name="e"))
    german = only(
        read_bytes("Netzausbau\n\nDer Versorger gibt zwei Milliarden für neue Leitungen aus.".encode(), name="g")
    )
    assert (english.language, german.language) == ("en", "de")


def test_title_never_empty_and_never_longer_than_200_characters():
    for data in (b"https://example.org/only-a-link and words after it", ("Wort " * 300).encode(), b"x"):
        draft = only(read_bytes(data, name="t.txt"))
        assert 0 < len(draft.title) <= 200


def test_one_broken_byte_in_utf8_text_does_not_garble_the_rest():
    data = GERMAN.encode("utf-8") + b" Ein kaputtes Byte \xff am Ende."
    draft = only(read_bytes(data, name="mixed.txt"))
    assert draft.title == "Größere Rechenzentren für „KI“"
    assert "Bürger äußern Zweifel" in draft.body and "Ã" not in draft.body


def test_html_page_in_its_declared_legacy_charset():
    page = (
        '<html><head><meta charset="iso-8859-15"><title>Förderung für Serverräume</title></head><body>'
        "<p>Die Förderung über 5 Mio. € löst Ärger aus. Bürger äußern Zweifel an der Größe der Anlage.</p>"
        "</body></html>"
    ).encode("iso8859_15")
    draft = only(read_bytes(page, name="legacy.html"))
    assert draft.title == "Förderung für Serverräume"
    assert "5 Mio. € löst Ärger aus" in draft.body
