"""Article importers: files or uploaded bytes in, ArticleDraft / ItemError out. No ORM here.

    for path in iter_input_files(paths):
        try:
            for item in read_file(path):        # ArticleDraft, or ItemError for one bad entry
                ...
        except ImportFailed as exc:             # the whole file: str(exc) is the reason for the report
            ...

read_file / read_bytes check the whole file eagerly (size, emptiness, binary data, encoding, format, JSON
syntax, feed entries) and raise ImportFailed at the call, before anything is yielded. Only JSON Lines is
read lazily, line by line, in constant memory; an I/O error in the middle of such a file is raised as
ImportFailed from the iterator. No other exception escapes for bad input.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .build import NoText
from .types import ArticleDraft, ImportFailed, ItemError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "FORMATS",
    "ArticleDraft",
    "ImportFailed",
    "ItemError",
    "content_hash",
    "iter_input_files",
    "read_bytes",
    "read_file",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Text, HTML, JSON and feeds are parsed whole, in memory; only JSON Lines streams. A cap on those keeps a
# worker's memory bounded whatever the file size (JSON Lines up to max_bytes, everything else up to this).
DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
FORMATS = ("auto", "text", "html", "json", "jsonl", "feed")
Item = ArticleDraft | ItemError


# --- files -------------------------------------------------------------------------------------------


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given (even missing ones, so read_file can report them); folders recursively, sorted,
    hidden files and folders skipped. A folder that cannot be listed is yielded too, so read_file reports it
    instead of its files vanishing without a word."""
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=unreadable.append, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(root) / f for f in files if not f.startswith("."))
        found.extend(Path(exc.filename) for exc in unreadable if exc.filename)
        yield from sorted(found, key=lambda p: p.relative_to(path).parts)


def read_file(path: str | Path, *, fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
              max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> Iterator[Item]:
    path = Path(path)
    _check_format(fmt)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImportFailed("no such file") from None
    except PermissionError:
        raise ImportFailed("permission denied") from None
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None
    if path.is_dir():
        try:
            os.scandir(path).close()
        except PermissionError:
            raise ImportFailed("permission denied (the folder cannot be read)") from None
        except OSError as exc:
            raise ImportFailed(f"cannot read the folder ({exc.strerror or exc})") from None
        raise ImportFailed("is a folder, not a file")
    if not path.is_file():
        raise ImportFailed("not a regular file")
    _check_size(st.st_size, max_bytes)

    def opener() -> BinaryIO:
        try:
            return open(path, "rb")
        except PermissionError:
            raise ImportFailed("permission denied") from None
        except OSError as exc:
            raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None

    return _read(opener, name=path.name, fmt=fmt, max_bytes=max_bytes, max_document_bytes=max_document_bytes)


def read_bytes(data: bytes, *, name: str, fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
               max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> Iterator[Item]:
    """The same as read_file, for bytes already in memory (browser uploads); `name` only breaks ties."""
    _check_format(fmt)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ImportFailed("not a file")
    data = bytes(data)
    _check_size(len(data), max_bytes)
    return _read(lambda: io.BytesIO(data), name=name, fmt=fmt, max_bytes=max_bytes,
                 max_document_bytes=max_document_bytes)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ImportFailed(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")


def _check_size(size: int, max_bytes: int) -> None:
    if size == 0:
        raise ImportFailed("empty file")
    if size > max_bytes:
        raise ImportFailed(f"file too large: {_human(size)}, the limit is {_human(max_bytes)}")


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


# --- the pipeline --------------------------------------------------------------------------------------


def _read(opener: Callable[[], BinaryIO], *, name: str, fmt: str, max_bytes: int,
          max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> Iterator[Item]:
    from . import sniff

    try:
        with opener() as fh:
            head = fh.read(sniff.SNIFF_BYTES)
            # the probe byte that tells whether more follows is part of the content: it is kept, not dropped
            probe = fh.read(1) if len(head) == sniff.SNIFF_BYTES else b""
            complete = not probe
            if len(head) > max_bytes:  # a file that grew after stat, or a limit below the sniff window
                _check_size(len(head) + len(probe), max_bytes)
            if complete and not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
                raise ImportFailed("empty file (only blank space)")
            sniff.check_binary(head)
            head_text, encoding = sniff.decode_head(head, complete=complete)
            kind = sniff.sniff_format(head_text, name, complete=complete) if fmt == "auto" else fmt
            if kind == "jsonl":
                return _jsonl(opener, encoding)
            limit = min(max_bytes, max_document_bytes)
            data = head if complete else head + probe + fh.read(max(0, limit - len(head)))
        if len(data) > limit:
            if limit < max_bytes:
                raise ImportFailed(f"file too large for a single {kind.upper() if kind == 'json' else kind} "
                                   f"document: more than {_human(limit)} (only JSON Lines files may be larger)")
            _check_size(len(data), max_bytes)
        if kind == "feed":
            from .feed import parse_feed

            return parse_feed(data if not encoding.startswith("utf-16") else data.decode(encoding).encode())
        text = sniff.decode(data)
        if not text.strip(" \t\r\n\ufeff\x00"):
            raise ImportFailed("empty file (only blank space)")
        if kind == "json":
            return _json(text, opener, encoding)
        if kind == "html":
            from .htmlpage import parse_html

            return iter([_single(parse_html, text)])
        from .text import parse_text

        return iter([_single(parse_text, text)])
    except ImportFailed:
        raise
    except MemoryError:
        raise ImportFailed("file too large to read") from None
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None
    except Exception as exc:
        raise ImportFailed(f"could not be read ({type(exc).__name__}: {exc})") from None


def _single(parse: Callable[[str], ArticleDraft], text: str) -> ArticleDraft:
    try:
        return parse(text)
    except NoText:
        raise ImportFailed("no article text found") from None
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None


def _json(text: str, opener: Callable[[], BinaryIO], encoding: str) -> Iterator[Item]:
    from .jsonfile import parse_json_document

    try:
        result = parse_json_document(text)
    except ImportFailed as exc:
        # several JSON documents one after another are JSON Lines after all
        if "Extra data" in str(exc) and _first_line_is_json(text):
            return _jsonl(opener, encoding)
        raise
    if isinstance(result, ArticleDraft):
        return iter([result])
    return _guarded(result)


def _first_line_is_json(text: str) -> bool:
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    try:
        json.loads(first)
        return True
    except ValueError:
        return False


def _guarded(items: Iterator[Item]) -> Iterator[Item]:
    n = 0
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:
            yield ItemError(n + 1, f"item {n + 1}: could not be read ({exc})")
            return
        n += 1
        yield item


def _jsonl(opener: Callable[[], BinaryIO], encoding: str) -> Iterator[Item]:
    """JSON Lines, streamed: one line in memory at a time. item = line number, source_index = item - 1."""
    from .jsonfile import parse_json_line

    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        with opener() as raw:
            reader = io.TextIOWrapper(raw, encoding=codec, errors="replace", newline=None)
            for number, line in enumerate(reader, 1):
                line = line.replace("\x00", "").strip(" \t\r\n\ufeff")
                if not line:
                    continue
                try:
                    yield parse_json_line(line, number, number - 1)
                except Exception as exc:
                    yield ItemError(number, f"line {number}: could not be read ({type(exc).__name__}: {exc})")
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror or exc})") from None


# --- duplicates ------------------------------------------------------------------------------------------

_QUOTES = re.compile("[\"'`´′″„“”‟«»‚‘’‛›‹]")
_DASHES = re.compile("[‐‑‒–—―−]")
_INVISIBLE = re.compile("[\u0000\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def content_hash(body: str) -> str:
    """sha256 hex of the normalised text: NFC, casefolded, whitespace collapsed, quotes and dashes unified,
    invisible characters dropped; the same article re-imported (other encoding, line ends) hashes the same."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", body or ""))
    text = _DASHES.sub("-", _QUOTES.sub('"', text))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
