"""Inventera: every new question (valid -> saved -> next, invalid -> 422 with the message at the
field and the input kept), the catalogue search and competence proposals, and the results page
ranked on the real catalogue (curated content + the JobTech exports)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session

from app.content.importers.jobtech import import_jobtech
from app.content.load import load_curated
from app.content.loaders import CONTENT_DIR, check
from app.db import make_engine, upgrade
from tests.conftest import csrf_token
from tests.pages import assert_page_invariants, soup, text_of

JOBTECH_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "jobtech"


@pytest.fixture(scope="session")
def catalogue_url(tmp_path_factory):
    """A migrated SQLite database with the curated default and the full taxonomy (once)."""
    assert (JOBTECH_DIR / "skills.json").is_file(), f"JobTech exports not found in {JOBTECH_DIR}"
    url = f"sqlite:///{tmp_path_factory.mktemp('inventera') / 'catalogue.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    content, _problems = check(CONTENT_DIR)
    with Session(engine) as session:
        load_curated(session, content)
        import_jobtech(session, JOBTECH_DIR)
    engine.dispose()
    return url


@pytest.fixture
def cclient(create_app_for, catalogue_url):
    """A client on the app with the real catalogue."""
    return create_app_for(catalogue_url).test_client()


def post(client, url, data, **kw):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, url.split("#")[0])), **kw)
