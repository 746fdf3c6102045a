"""The yardstick for benchmarks/pages.py: a bare Flask + Jinja page of a list and a form, with
nothing of Vägval (no database, no sessions, no translations, no CSP). Served by gunicorn the same
way as the app: `gunicorn --workers 2 benchmarks.bare_app:app`."""
from __future__ import annotations

from flask import Flask, render_template_string

app = Flask(__name__)
ITEMS = [{"name": f"Yrke {i}", "text": "En rad text om yrket, vad man gör och var man kan arbeta." * 2} for i in range(20)]
PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
<ul>{% for item in items %}<li><h2>{{ item.name }}</h2><p>{{ item.text }}</p></li>{% endfor %}</ul>
<form method="post" action="/"><label for="q">Sök</label><input id="q" name="q" value="{{ q }}">
<button type="submit">Sök</button></form></main></body></html>"""


@app.route("/")
def index():
    return render_template_string(PAGE, title="En lista och ett formulär", items=ITEMS, q="")
