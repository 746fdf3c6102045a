"""Print the bytes a first visit transfers per page (HTML + CSS + JS, compressed as served).

Run: .venv/bin/python benchmarks/page_weight.py [--encoding gzip]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import create_app  # noqa: E402
from app.weight import PAGES, measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encoding", default="br, gzip", help="Accept-Encoding to send")
    args = parser.parse_args()
    app = create_app()
    print(f"{'page':32} {'lang':12} {'enc':5} {'html':>7} {'css+js':>7} {'total':>7}")
    worst = 0
    for lang in ("sv", "sv@lattlast", "en", "ar"):
        for url in PAGES:
            w = measure(app, url, lang=lang, encoding=args.encoding)
            worst = max(worst, w.total)
            print(f"{url:32} {lang:12} {w.encoding:5} {w.html:7d} {w.assets:7d} {w.total:7d}")
    print(f"heaviest first load: {worst} bytes ({worst / 1024:.1f} KiB); budget 60 KB = 60000 bytes")


if __name__ == "__main__":
    main()
