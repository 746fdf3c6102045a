"""Print what a translator still has to translate for one locale (prints; changes nothing).

    .venv/bin/python scripts/translation_worklist.py so [--kind skills|occupations|groups|glossary] [--all]

The work list is fixed by rule (app/content/worklist.py), so translators, `flask i18n report` and
the tests agree:
- skills: the 1,000 taxonomy skills that occur in the most SSYK level-4 group profiles
  (ties broken by concept id), read from ../shared/jobtech (or JOBTECH_DIR);
- occupations: every occupation name in a curated group, plus the taxonomy's
  "no educational requirement" list (310 names);
- groups: each curated group's label, description and competence labels;
- glossary: the terms of app/content/files/glossary.yaml.
Each item is printed as YAML ready to paste into app/content/files/translations/<locale>/,
with the Swedish text as a comment. The taxonomy's Swedish labels are only printed, never
written to the repository (see ../shared/jobtech/README.md).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.content.worklist import (  # noqa: E402 - the repository on the path first
    curated_groups,
    glossary_terms,
    top_skills,
    worklist_occupations,
)
from app.content.worklist import load_translations as _load  # noqa: E402


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("locale")
    ap.add_argument("--kind", choices=["skills", "occupations", "groups", "glossary"], action="append")
    ap.add_argument("--all", action="store_true", help="also items already translated")
    args = ap.parse_args(argv)
    kinds = args.kind or ["groups", "occupations", "skills", "glossary"]
    out = sys.stdout
    if "skills" in kinds:
        have = _load(args.locale, "skills.yaml")
        out.write("# skills.yaml  (concept id: label)\n")
        for cid, sv in top_skills():
            if args.all or cid not in have:
                out.write(f"{cid}: {_q(have.get(cid, ''))}  # {sv}\n")
    if "occupations" in kinds:
        have = _load(args.locale, "occupations.yaml")
        out.write("# occupations.yaml  (concept id: [shown name, search variant, ...])\n")
        for cid, sv in worklist_occupations():
            if args.all or cid not in have:
                out.write(f"{cid}: {_q(have.get(cid, []))}  # {sv}\n")
    if "groups" in kinds:
        have = _load(args.locale, "groups.yaml")
        out.write("# groups.yaml  (ssyk: label, description, competences {key: label})\n")
        for g in curated_groups():
            mine = have.get(g["ssyk"], {})
            loc = args.locale
            out.write(f"# --- {g['ssyk']}: {g['label']['sv']}\n")
            out.write(f'"{g["ssyk"]}":\n')
            if args.all or not (g["label"].get(loc) or mine.get("label")):
                out.write(f"  label: {_q(mine.get('label', ''))}  # {g['label']['sv']}\n")
            if args.all or not ((g.get("description") or {}).get(loc) or mine.get("description")):
                out.write(f"  description: {_q(mine.get('description', ''))}\n  # sv: {g['description']['sv']}\n")
            out.write("  competences:\n")
            for c in g.get("competences") or []:
                done = (mine.get("competences") or {}).get(c["key"], "") or c["label"].get(loc, "")
                if args.all or not done:
                    out.write(f"    {c['key']}: {_q(done)}  # {c['label']['sv']}\n")
    if "glossary" in kinds:
        have = _load(args.locale, "glossary.yaml")
        out.write("# glossary.yaml  (key: {term, text})\n")
        terms = glossary_terms()
        if terms is not None:
            for key, term in terms.items():
                if args.all or key not in have:
                    out.write(f"{key}:\n  term: \"\"  # {term['term']['sv']}\n  text: \"\"  # {term['text']['sv']}\n")
        else:
            out.write("# (app/content/files/glossary.yaml does not exist yet)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
