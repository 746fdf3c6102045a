"""htmx: when to answer with a fragment, and how (A2 idea, jinja2-fragments mechanism)."""
from __future__ import annotations

from flask import Flask, render_template, request
from jinja2_fragments import BlockNotFoundError
from jinja2_fragments.flask import render_block


def is_partial() -> bool:
    """A fragment only for a plain htmx request: not boosted, not a history restore."""
    h = request.headers
    return (h.get("HX-Request") == "true" and h.get("HX-Boosted") != "true"
            and h.get("HX-History-Restore-Request") != "true")


def render(template: str, block: str = "step_form", **context) -> str:
    if is_partial():
        try:
            return render_block(template, block, **context)
        except BlockNotFoundError:
            pass      # the block lives in a parent layout: the whole page is a fine answer
    return render_template(template, **context)


def _vary(response):
    response.vary.add("HX-Request")
    return response


def init_app(app: Flask) -> None:
    app.after_request(_vary)
