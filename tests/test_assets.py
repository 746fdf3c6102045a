"""Static files: hashed names, long cache, compression, and the 60 KB first-load budget."""
from __future__ import annotations

import pytest

from app.weight import PAGES, measure


def test_hashed_assets_are_cached_for_a_year_and_compressed(app, client):
    manifest = app.extensions["vagval_assets"]
    assert set(manifest) >= {"app.css", "htmx.min.js"}
    for name, hashed in manifest.items():
        assert hashed != name and len(hashed.split(".")[1]) == 12
        response = client.get(f"/static/dist/{hashed}", headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]
        if not name.endswith(".svg") or len(response.get_data()) > 300:
            assert response.headers.get("Content-Encoding") == "gzip", name


def test_htmx_comes_from_the_npm_package_not_a_cdn(client):
    html = client.get("/").get_data(as_text=True)
    assert "unpkg" not in html and "cdn" not in html.lower()
    assert "/static/dist/htmx." in html


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_first_load_of_every_page_is_under_60_kb(app, encoding, lang):
    for url in PAGES:
        weight = measure(app, url, lang=lang, encoding=encoding)
        assert weight.encoding == encoding
        assert weight.total < 60_000, (url, weight)
