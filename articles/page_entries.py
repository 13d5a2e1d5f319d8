"""A rendered page as both page caches keep it (articles/public_cache.py, articles/workspace_cache.py).

The content is stored zlib-compressed: a fifth of the size, and PostgreSQL's cache table then neither
compresses nor decompresses it (a 400 KB page cost 2.3 ms of decompression per read in the database).
"""

from __future__ import annotations

import zlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

MAX_BYTES = 2 * 1024 * 1024  # larger pages are not kept

Frozen = tuple[int, list[tuple[str, str]], bytes]


def enabled() -> bool:
    """FACTCHECK_PAGE_CACHE=0 turns both caches off."""
    return getattr(settings, "FACTCHECK_PAGE_CACHE", True)


def freeze(response: HttpResponse, headers: tuple[str, ...]) -> Frozen:
    kept = [(name, response[name]) for name in headers if response.has_header(name)]
    return response.status_code, kept, zlib.compress(response.content, 6)


def thaw(frozen: Frozen) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(zlib.decompress(content), status=status)
    for name, value in headers:
        response[name] = value
    patch_vary_headers(response, ("Cookie",))  # a page for some cookies (a session, none) and not others
    response["X-Page-Cache"] = "hit"
    return response
