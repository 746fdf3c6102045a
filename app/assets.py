"""Static files with a content hash in their name and long cache headers.

`flask assets build` (run by the set-up) copies app/static/src/* and the npm packages we serve
to app/static/dist/<name>.<hash>.<ext> and writes manifest.json; templates call asset_url().
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import click
from flask import Flask, current_app, url_for

STATIC = Path(__file__).resolve().parent / "static"
SRC = STATIC / "src"
DIST = STATIC / "dist"
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
VENDOR = {"htmx.min.js": NODE_MODULES / "htmx.org" / "dist" / "htmx.min.js"}
YEAR = 60 * 60 * 24 * 365


def build() -> dict[str, str]:
    if DIST.exists():
        shutil.rmtree(DIST)
    DIST.mkdir(parents=True)
    sources = {p.name: p for p in sorted(SRC.iterdir()) if p.is_file()}
    for name, path in VENDOR.items():
        if not path.exists():
            raise click.ClickException(f"{path} missing: run `npm ci` first")
        sources[name] = path
    manifest = {}
    for name, path in sources.items():
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:12]
        stem, _, ext = name.partition(".")
        hashed = f"{stem}.{digest}.{ext}"
        (DIST / hashed).write_bytes(data)
        manifest[name] = hashed
    (DIST / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def load_manifest() -> dict[str, str]:
    path = DIST / "manifest.json"
    if not path.exists():
        build()
    return json.loads(path.read_text())


def asset_url(name: str) -> str:
    manifest = current_app.extensions["vagval_assets"]
    return url_for("static", filename=f"dist/{manifest[name]}")


@click.group("assets")
def assets_cli() -> None:
    """Static asset commands."""


@assets_cli.command("build")
def build_command() -> None:
    """Copy static sources and npm packages to hashed file names."""
    for src, dst in build().items():
        click.echo(f"{src} -> dist/{dst}")


class HashedAssetCache:
    """Flask-Compress cache that remembers compressed hashed assets only (they never change)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if "/static/dist/" in key:
            self._data[key] = value


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_CACHE_BACKEND", HashedAssetCache)
    app.config.setdefault("COMPRESS_CACHE_KEY", lambda request: request.path)
    app.extensions["vagval_assets"] = load_manifest()
    app.jinja_env.globals["asset_url"] = asset_url
    app.cli.add_command(assets_cli)

    @app.after_request
    def _cache_hashed(response):
        from flask import request

        if request.path.startswith("/static/dist/") and response.status_code == 200:
            # Buffer the small hashed file so Flask-Compress compresses it once and caches it.
            response.direct_passthrough = False
            original = response.response
            response.make_sequence()
            if hasattr(original, "close"):
                original.close()
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response


if __name__ == "__main__":   # `python -m app.assets`: build without importing the whole app
    for src, dst in build().items():
        print(f"{src} -> dist/{dst}")
