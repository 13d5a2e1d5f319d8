"""Which code is running: a digest of the source, templates, translations and static files, the same on every
app server that runs the same release.

The page caches (articles/public_cache.py, articles/workspace_cache.py) are shared by every app server and
survive a deploy; their keys carry this digest, so pages rendered by the old code are never served by the new.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.conf import settings

SOURCE_DIRS = ("articles", "factcheck", "templates", "static", "locale")
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".js", ".css", ".svg", ".mo", ".json"}


@functools.cache
def release() -> str:
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in SOURCE_DIRS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
