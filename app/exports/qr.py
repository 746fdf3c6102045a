"""QR codes (segno): an SVG file served as image/svg+xml (the share link), or a data: URI for an
<img> (codes that should have no URL of their own). Never inline SVG: the CSP allows no inline style."""
from __future__ import annotations

import io

import segno


def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=6, border=4, xmldecl=True, svgns=True,
                                     title=None, dark="#000", light="#fff")
    return out.getvalue()


def qr_data_uri(text: str, scale: int = 5) -> str:
    """A QR code as a ``data:image/svg+xml`` URI for an ``<img>``: no inline style or script, so the
    CSP holds, and no URL of its own (for codes that must not sit in a server log or history)."""
    return segno.make(text, error="m").svg_data_uri(scale=scale, border=4, dark="#000", light="#fff")
