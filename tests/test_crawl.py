"""What a crawler finds on the demo site: every public page reachable from the timeline answers 200."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from articles.demo import demo_load
from articles.models import Claim

pytestmark = pytest.mark.django_db

PRIVATE = ("/admin/", "/accounts/", "/review/", "/imports/", "/language/")  # /language/ sets a cookie, no page


def crawl(client, start: str = "/") -> dict[str, int]:
    """Breadth-first over the site's own links (pages and feeds; no filter combinations beyond those linked)."""
    seen: dict[str, int] = {}
    queue = [start]
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if not response["Content-Type"].startswith("text/html"):
            continue
        for href in re.findall(r'href="([^"]+)"', response.text):
            href = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(href)
            if parts.scheme not in ("", "http") or (parts.netloc and parts.netloc != "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith("/static/") or path.startswith(PRIVATE) or path in seen:
                continue
            queue.append(path)
    return seen


def test_a_crawler_finds_every_public_page_of_the_demo(client):
    demo_load()
    pages = crawl(client)
    assert all(status == 200 for status in pages.values()), {u: s for u, s in pages.items() if s != 200}
    for prefix in ("/topics/", "/speakers/", "/outlets/", "/articles/", "/feeds/", "/api/v1/docs"):
        assert sum(1 for u in pages if u.startswith(prefix)) >= 2 or prefix == "/api/v1/docs" and prefix in pages
    published = Claim.objects.filter(published=True).count()
    assert sum(1 for u in pages if u.startswith("/claims/")) == published  # every published claim, no other
    assert sum(1 for u in pages if u.endswith(".atom")) >= 3
    print(f"crawler found {len(pages)} pages:", sorted(pages))
    assert len(pages) >= 50
