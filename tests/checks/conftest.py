# the browser fixtures of tests/browser, for the checks' browser test
from tests.browser.conftest import browser, page_factory  # noqa: F401
