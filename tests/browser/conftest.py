"""Browser fixtures: the app served on 127.0.0.1 by a real WSGI server, Debian's Chromium
driven by Playwright at phone size, axe-core on every page (see ../shared/browser-testing.md)."""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app
from app.db import get_engine, upgrade
from tests.conftest import IN_CI, make_config

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.browser


@contextmanager
def serve(database_url: str):
    """The app on `database_url`, served by a real WSGI server on 127.0.0.1: (base url, app)."""
    app = create_app(make_config(database_url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app
    finally:
        server.shutdown()
        get_engine(app).dispose()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """(base url, app) on a migrated database without catalogue."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'vagval.sqlite3'}"
    upgrade(url)
    with serve(url) as pair:
        yield pair


@pytest.fixture(scope="session")
def live_server(app_server):
    return app_server[0]


@pytest.fixture(scope="session")
def catalogue_server(catalogue_url):
    """(base url, app) on a database with the curated content and the JobTech taxonomy."""
    with serve(catalogue_url) as pair:
        yield pair


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} missing: browser tests never skip in CI")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatcher:
    """Collects console errors (a CSP violation shows up there) for a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


@pytest.fixture
def new_page(browser):
    contexts = []

    def _new(javascript: bool = True):
        context = browser.new_context(java_script_enabled=javascript, **PHONE)
        context.set_default_timeout(8000)
        contexts.append(context)
        page = context.new_page()
        page.watcher = PageWatcher(page)
        page.javascript = javascript
        return page

    yield _new
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def check_a11y(axe, browser):
    def _check(page):
        if not page.javascript:
            # axe needs JavaScript: look at the same page, same cookies, in a JS-enabled context.
            context = browser.new_context(storage_state=page.context.storage_state(), **PHONE)
            try:
                twin = context.new_page()
                twin.goto(page.url)
                twin.watcher = page.watcher
                twin.javascript = True
                return _check(twin)
            finally:
                context.close()
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                         "resultTypes": ["violations"]})
        assert results.violations_count == 0, results.generate_report()
        errors = [e for e in page.watcher.errors if not e.startswith("Failed to load resource")]
        assert not errors, errors
    return _check


os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", "0")


def submit_step(page, url_part: str) -> None:
    """Press the question page's main button and wait for the page it leads to."""
    import re

    page.locator("#step-form button.button[type=submit]").click()
    page.wait_for_url(re.compile(url_part))
