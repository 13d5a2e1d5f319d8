"""axe-core in the browser tests: every page a test visits can be checked for accessibility violations.

axe-core is vendored from the npm package (tests/browser/vendor/). It is evaluated through the DevTools
protocol, which the page's strict CSP does not govern, so the site needs no exception for it.
"""

from __future__ import annotations

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """The WCAG 2.x A/AA violations axe finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'best-practice']}, resultTypes: ['violations']})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, "axe-core violations on " + page.url + ":\n" + "\n".join(map(str, violations))


def assert_accessible_without_js(page, url: str) -> None:
    """The page as a browser with JavaScript off gets it: DevTools evaluation hangs in a context with
    JavaScript disabled, so the page's own scripts are blocked instead and axe runs on the server's HTML."""
    page.route("**/*.js", lambda route: route.abort())
    page.goto(url)
    assert_accessible(page)
