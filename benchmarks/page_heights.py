"""How tall the pages that matter are on a phone (390 × 844 CSS px) and whether the first screen
holds the page's answer and its primary action. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/page_heights.py

Builds a realistic profile through the app's own forms (a newcomer with compulsory school, sfi C,
20 competences from a care profile, 3 targets) on a fresh SQLite database with the curated
content and the full JobTech taxonomy (../shared/jobtech), serves it with a real WSGI server on
127.0.0.1 and measures each page's height in Debian's Chromium, in Swedish.
"""
from __future__ import annotations

import re
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGES = {
    "results": "/inventera/resultat",
    "decision basis": "/besluta/yrke/5321",
    "compare": "/besluta/yrke/5321/jamfor",
}
TARGETS = {"targets": ["jY19_knH_MJp"], "details": [{"group_id": "jY19_knH_MJp", "ssyk": "5321", "label": "Undersköterska"}]}


def main() -> None:
    from flask import session as flask_session
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from app import create_app
    from app.plans import store
    from tests.conftest import load_catalogue, make_config

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'heights.sqlite3'}"
    load_catalogue(url)
    app = create_app(make_config(url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="sv-SE")
        page = ctx.new_page()

        def submit(part):
            page.locator("#step-form button.button[type=submit]").click()
            page.wait_for_url(re.compile(part))

        page.goto(f"{base}/inventera/fraga/education?lang=sv")
        page.locator("input[name=level][value=compulsory]").check()
        page.locator("input[name=country][value=abroad]").check()
        submit(r"/fraga/swedish$")
        page.locator("input[name=level][value=sfi_c]").check()
        submit(r"/fraga/home")
        cookie = next(c for c in ctx.cookies() if c["name"] == app.config.get("SESSION_COOKIE_NAME", "session"))
        with app.test_request_context(headers={"Cookie": f"{cookie['name']}={cookie['value']}"}):
            plan = store.current_plan()
            try:
                from app.content import catalogue
            except ImportError:                  # before the catalogue read model (to measure "before")
                from app.flows.inventera import catalogue

            view = catalogue.current()
            gid = view.by_ssyk["5321"]
            skills = sorted(view.catalog.groups[gid].profile)[:20]
            store.save_answers(plan, "inventera.competences", {"skills": skills})
            store.save_answers(plan, "inventera.interests", {"likes": ["s_care"]})
            store.save_answers(plan, "inventera.targets", TARGETS)
            assert flask_session.get(store.SESSION_KEY)
        page.goto(f"{base}/besluta/fraga/situation")
        page.locator("#birth_year").fill("1988")
        page.locator("input[name=situation][value=unemployed_registered]").check()
        page.locator("#children").fill("2")
        page.locator("#step-form button.button[type=submit]").click()
        page.wait_for_load_state("load")
        print("page at 390 px          height px   screens   answer on 1st screen   primary action on 1st screen")
        for name, path in PAGES.items():
            page.goto(f"{base}{path}")
            height = page.evaluate("document.documentElement.scrollHeight")
            first = page.evaluate("""() => {
              const inFirst = sel => { const el = document.querySelector(sel); return !!el && el.getBoundingClientRect().top < innerHeight; };
              return {answer: inFirst('.target-card__match, .decision-summary, .compare-card dl'),
                      action: inFirst('main .button')};
            }""")
            if len(sys.argv) > 1:                       # a folder: save a screenshot of each first screen
                page.screenshot(path=str(Path(sys.argv[1]) / f"{name.replace(' ', '_')}.png"))
            print(f"{name:22} {height:10d} {height / 844:9.1f}   {str(first['answer']):20} {first['action']}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
