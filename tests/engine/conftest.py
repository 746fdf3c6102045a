"""Engine tests: plain and fast, no app fixture. The JobTech exports are read from
``../shared/jobtech`` beside the checkout (every developer and CI have them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.content.importers.jobtech import catalog_from_jobtech
from app.engine import Catalog

JOBTECH = Path(__file__).parents[2].parent / "shared" / "jobtech"


@pytest.fixture(scope="session")
def jobtech_catalog() -> Catalog:
    assert (JOBTECH / "skills.json").is_file(), f"JobTech exports missing in {JOBTECH}"
    return catalog_from_jobtech(JOBTECH)
