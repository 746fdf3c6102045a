"""A QR code as SVG (segno): served as image/svg+xml, never inlined (the CSP allows no inline style)."""
from __future__ import annotations

import io

import segno


def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=6, border=4, xmldecl=True, svgns=True,
                                     title=None, dark="#000", light="#fff")
    return out.getvalue()
