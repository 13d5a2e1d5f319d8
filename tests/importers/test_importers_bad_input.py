"""Bad input: a clear ImportFailed reason for the whole file, never a traceback, nothing else lost."""

import builtins
import os
from pathlib import Path

import pytest

from articles.importers import ArticleDraft, ImportFailed, ItemError, read_bytes, read_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "importers"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def fails(path_or_bytes, **kwargs) -> str:
    """The ImportFailed message; it must come at the call, before anything is yielded."""
    with pytest.raises(ImportFailed) as info:
        if isinstance(path_or_bytes, bytes):
            read_bytes(path_or_bytes, name="upload", **kwargs)
        else:
            read_file(path_or_bytes, **kwargs)
    return str(info.value)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert fails(path) == "empty file"


def test_file_with_only_blank_space(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\xef\xbb\xbf \r\n\r\n\t \n")
    assert "empty file" in fails(path)


def test_binary_file_png(tmp_path):
    path = tmp_path / "chart.txt"  # the extension does not fool it
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    assert fails(path).startswith("not a text file")


def test_binary_file_without_known_signature():
    data = bytes((i * 37 + 11) % 256 for i in range(4096)) + b"\x00" * 512
    assert fails(data).startswith("not a text file")


def test_truncated_json_document():
    message = fails((FIX / "truncated.json").read_bytes())
    assert message.startswith("not valid JSON")
    assert "cut off" in message and "line 1" in message


def test_truncated_json_array_names_the_place(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('[\n  {"title": "Eins", "body": "Rechenzentrum eins."},\n  {"title": "Zwei", "bo', "utf-8")
    message = fails(path)
    assert message.startswith("not valid JSON") and "line 3" in message


def test_json_without_any_article():
    assert fails(b"[]") == "the JSON array holds no articles"
    assert "no article text" in fails(b'{"title": "Nur ein Titel"}')


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Ein langer Text ueber Rechenzentren.\n" * 100)
    message = fails(path, max_bytes=1024)
    assert message.startswith("file too large") and "1.0 KB" in message
    assert fails(b"x" * 2000, max_bytes=1000).startswith("file too large")


def test_missing_path():
    assert fails(Path("/nonexistent/folder/article.txt")) == "no such file"


def test_a_folder_given_to_read_file(tmp_path):
    assert fails(tmp_path) == "is a folder, not a file"


def test_unreadable_path_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Geheimer Text über Rechenzentren.", "utf-8")
    path.chmod(0)
    real_open = builtins.open

    def deny(file, *args, **kwargs):  # root ignores file modes; simulate what any other user gets
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    assert fails(path) == "permission denied"


def test_path_below_a_file_is_unreadable(tmp_path):
    (tmp_path / "plain.txt").write_text("x", "utf-8")
    message = fails(tmp_path / "plain.txt" / "child.txt")
    assert message.startswith("cannot read the file") or message == "no such file"


def test_feed_without_entries():
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Leer</title></channel></rss>'
    assert fails(feed) == "the feed has no entries"


def test_unknown_format():
    assert fails(b"Text", fmt="pdf").startswith("unknown format 'pdf'")


def test_nul_bytes_are_removed():
    data = b"Serverfarm im Norden\n\nDer Betreiber\x00 investiert 80 Millionen Euro in den Standort.\x00"
    (draft,) = list(read_bytes(data, name="nul.txt"))
    assert "\x00" not in draft.body and "\x00" not in draft.title
    assert draft.body == "Der Betreiber investiert 80 Millionen Euro in den Standort."


def test_nul_bytes_inside_json_lines_values():
    data = (
        b'{"title": "Mit\\u0000Null", "body": "Ein Text\\u0000 \xc3\xbcber Kabel."}\n'
        b'{"title": "Zwei\x00", "body": "Zwei.\x00"}\n'  # raw NUL bytes too
    )
    drafts = [i for i in read_bytes(data, name="n.jsonl") if isinstance(i, ArticleDraft)]
    assert len(drafts) == 2
    assert all("\x00" not in d.body + d.title for d in drafts)
    assert drafts[0].body == "Ein Text über Kabel."


def test_nul_bytes_never_reach_urls_publisher_or_cited_links():
    # PostgreSQL refuses NUL in any text column, not only in the body: a NUL in the url would fail the article
    data = (
        b'{"title": "Kabel", "url": "https://zeitung.example.de/ka\\u0000bel", "publisher": "Ver\\u0000lag",'
        b' "links": ["https://quelle.example.org/a\\u0000b", "https://quelle.example.org/\\u0007c"],'
        b' "body": "Der Netzbetreiber legt neue Kabel, siehe https://amt.example.org/be\\u0000scheid ."}'
    )
    (draft,) = list(read_bytes(data, name="n.json"))
    assert draft.url == "https://zeitung.example.de/kabel"
    assert draft.publisher == "Verlag"
    assert "https://quelle.example.org/ab" in draft.cited_urls
    assert all("\x00" not in u and "\x07" not in u for u in draft.cited_urls)  # other control characters: no URL


def test_script_and_event_handlers_never_reach_stored_text():
    data = (
        b'{"title": "<b onmouseover=\\"steal()\\">Kabel</b> <script>alert(1)</script>f\\u00fcr Rechenzentren",'
        b' "body": "<p onclick=\\"steal()\\">Der Netzbetreiber legt neue Kabel.</p><script>steal()</script>'
        b'<a href=\\"javascript:steal()\\">hier</a>"}'
    )
    (draft,) = list(read_bytes(data, name="x.json"))
    stored = draft.title + " " + draft.body
    for bad in ("<", ">", "script", "steal", "onclick", "onmouseover", "alert", "javascript"):
        assert bad not in stored, bad
    assert draft.title == "Kabel für Rechenzentren"
    assert draft.body.startswith("Der Netzbetreiber legt neue Kabel.")


def test_plain_text_with_markup_is_stored_without_it():
    data = b"Titel\n\nEin Absatz <script>document.cookie</script>mit <b>fett</b> Text ueber Serverfarmen."
    (draft,) = list(read_bytes(data, name="t.txt"))
    assert "<" not in draft.body and "cookie" not in draft.body
    assert "fett" in draft.body


@pytest.mark.parametrize(
    "data",
    [
        b"{",
        b"[",
        b"[1, 2",
        b'{"a": }',
        b"<rss",
        b"<feed><entry>",
        b"<html><body></body></html>",
        b"\xff\xfe\x00",
        b'<?xml version="1.0"?><rss><channel><item><title>x',
        b"\x00\x00\x00\x00",
        b"date 2025-13-45",
        b"[" * 100_000,
        b'{"title": "x", "body": ' + b"[" * 100_000,
        b"\xef\xbb\xbf",
        b"\r\n",
        "Titel\n\n".encode("utf-16-le"),
        b"...",
        b"42",
    ],
)
def test_no_other_exception_escapes(data):
    try:
        items = list(read_bytes(data, name="odd"))
    except ImportFailed as exc:
        assert str(exc)
        return
    assert all(isinstance(i, ArticleDraft | ItemError) for i in items)
    for item in items:
        if isinstance(item, ArticleDraft):
            assert item.title and len(item.title) <= 200


def test_unreadable_file_inside_a_folder_fails_alone(tmp_path):
    (tmp_path / "a.txt").write_text("Erster Text\n\nÜber den Bau eines Rechenzentrums.", "utf-8")
    (tmp_path / "b.png").write_bytes(PNG_HEADER)
    (tmp_path / "c.txt").write_text("Dritter Text\n\nÜber neue Stromleitungen.", "utf-8")
    results = {}
    for name in sorted(os.listdir(tmp_path)):
        try:
            results[name] = [i.title for i in read_file(tmp_path / name)]
        except ImportFailed as exc:
            results[name] = str(exc)
    assert results["a.txt"] == ["Erster Text"]
    assert results["b.png"].startswith("not a text file")
    assert results["c.txt"] == ["Dritter Text"]


def test_unclosed_script_tag_in_text_costs_only_its_own_line():
    data = "Titel\n\nEin Satz mit <script>steal() mittendrin\nDie nächste Zeile bleibt erhalten.".encode()
    (draft,) = list(read_bytes(data, name="t.txt"))
    assert "steal" not in draft.body
    assert draft.body.endswith("Die nächste Zeile bleibt erhalten.")
