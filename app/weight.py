"""Page weight: the bytes a phone transfers on a first visit (HTML + CSS + JS, compressed)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Flask

ASSET_RE = re.compile(r'(?:src|href)="(/static/dist/[^"]+\.(?:css|js))"')
PAGES = ("/", "/upptacka/", "/upptacka/fraga/goal", "/inventera/fraga/education", "/inventera/fraga/swedish",
         "/inventera/fraga/home", "/inventera/svar", "/besluta/fraga/priorities", "/agera/fraga/commitment",
         "/spara", "/fortsatt", "/integritet")


@dataclass(frozen=True)
class PageWeight:
    url: str
    encoding: str
    html: int
    assets: int

    @property
    def total(self) -> int:
        return self.html + self.assets


def measure(app: Flask, url: str, lang: str = "sv", encoding: str = "br, gzip") -> PageWeight:
    client = app.test_client()
    headers = {"Accept-Encoding": encoding}
    page = client.get(url, query_string={"lang": lang}, headers=headers)
    assert page.status_code == 200, (url, page.status_code)
    used = page.headers.get("Content-Encoding", "identity")
    html = len(page.get_data())
    assets = 0
    for asset in sorted(set(ASSET_RE.findall(page.get_data(as_text=False).decode() if used == "identity"
                                             else client.get(url, query_string={"lang": lang}).get_data(as_text=True)))):
        assets += len(client.get(asset, headers=headers).get_data())
    return PageWeight(url=url, encoding=used, html=html, assets=assets)
