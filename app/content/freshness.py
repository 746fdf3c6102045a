"""How old the catalogue's facts are: every dated fact, and whether it has expired or soon will.

Facts age every year (Yrkesbarometern twice a year, SCB pay yearly, the prisbasbelopp and so every
CSN amount each January). That is normal life, not a broken file: ``flask content check`` reports
expired and expiring facts apart from errors, ``flask content freshness`` lists them by source, and
the pages mark an expired fact where it is shown (``app.wording.fact``) while the guide keeps
working on the last known figures.

Plain Python over ``app.content.domain`` values; the real date is never read here (callers pass
``today``), so the rules are testable on both sides of every boundary.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Iterator

from app.content.domain import Content, Fact

EXPIRED, EXPIRING, CURRENT = "expired", "expiring", "current"
DEFAULT_WITHIN_DAYS = 60


def state(valid_to: date | None, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> str:
    """``expired`` once the day after ``valid_to`` has come, ``expiring`` when it ends within
    ``within_days`` of ``today`` (inclusive), else ``current`` (also for an open-ended fact)."""
    if valid_to is None:
        return CURRENT
    if valid_to < today:
        return EXPIRED
    if valid_to <= today + timedelta(days=within_days):
        return EXPIRING
    return CURRENT


def is_expired(valid_to: date | None, today: date) -> bool:
    return valid_to is not None and valid_to < today


@dataclass(frozen=True)
class DatedFact:
    """One fact the catalogue states, where it is, and whether it is still a claim about today.

    ``history`` is a fact that is kept on purpose though its period has ended: an amount or a
    prisbasbelopp that a later one of the same kind has replaced, or a rule of a repealed scheme.
    Such a fact is never reported as expired."""

    file: str
    path: str
    fact: Fact
    history: bool = False


def _kind(a) -> tuple:
    return (a.key, a.pace, tuple(sorted((k, str(v)) for k, v in a.qualifiers.items() if not isinstance(v, (dict, list)))))


def _superseded_amounts(amounts: Iterable) -> set[str]:
    """Ids of amounts that a later year's amount of the same key, pace and qualifiers replaces."""
    latest: dict[tuple, int] = {}
    for a in amounts:
        if a.year is not None:
            latest[_kind(a)] = max(latest.get(_kind(a), a.year), a.year)
    return {a.id for a in amounts if a.year is not None and a.year < latest[_kind(a)]}


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()) if value is not None else None
    except ValueError:
        return None          # reported as an error by the loader's own parse


def nested_facts(value, path: str) -> Iterator[tuple[str, dict]]:
    """Mappings nested inside a fact that carry their own source (e.g. a level's course)."""
    if isinstance(value, dict):
        if "source_url" in value or "status" in value:
            yield path, value
        for key, child in value.items():
            yield from nested_facts(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from nested_facts(child, f"{path}[{i}]")


def _inherit(raw: dict, base: Fact) -> Fact:
    return Fact(source_url=raw.get("source_url") or base.source_url,
                source_name=raw.get("source_name") or base.source_name,
                retrieved=_as_date(raw.get("retrieved")) or base.retrieved,
                valid_from=_as_date(raw.get("valid_from")) or base.valid_from,
                valid_to=_as_date(raw.get("valid_to")) or base.valid_to,
                status=raw.get("status") or base.status, formula=raw.get("formula") or base.formula)


def dated_facts(content: Content) -> Iterator[DatedFact]:
    """Every fact with a source in the catalogue, in file order (the walk ``validate`` checks)."""
    for o in content.occupations.values():
        if o.outlook is not None:
            yield DatedFact(o.file, "outlook", o.outlook.fact)
        # a pay entry without a figure ("no statistics") makes no claim to date-check
        if o.pay is not None and o.pay.monthly_average is not None:
            yield DatedFact(o.file, "pay", o.pay.fact)
    for e in content.educations.values():
        yield DatedFact("educations.yaml", f"educations[id={e.id}]", e.fact)
    for s in content.schemes.values():
        for r in s.rules:
            yield DatedFact("financing.yaml", f"schemes[id={s.id}].rules[key={r.key}]", r.fact, s.repealed)
        replaced = _superseded_amounts(s.amounts)
        for a in s.amounts:
            yield DatedFact("financing.yaml", f"schemes[id={s.id}].amounts[{a.id}]", a.fact,
                            s.repealed or a.id in replaced)
    newest = max((p.year for p in content.prisbasbelopp), default=None)
    for p in content.prisbasbelopp:
        yield DatedFact("financing.yaml", f"prisbasbelopp[year={p.year}]", p.fact, p.year != newest)
    for lv in content.language_levels.values():
        yield DatedFact("language_levels.yaml", f"levels[id={lv.id}]", lv.fact)
        if isinstance(lv.course, dict):
            for sub, raw in nested_facts(lv.course, f"levels[id={lv.id}].course"):
                yield DatedFact("language_levels.yaml", sub, _inherit(raw, lv.fact))


@dataclass(frozen=True)
class Aging:
    """A fact that has expired or will within the window: what an operator must update."""

    file: str
    path: str
    state: str                    # expired | expiring
    valid_to: date
    source_name: str
    source_url: str

    def line(self) -> str:
        verb = "expired" if self.state == EXPIRED else "expires"
        return f"{self.file}: {self.path}: {verb} {self.valid_to.isoformat()}"


def aging(content: Content, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> list[Aging]:
    """The facts that have expired or will within ``within_days``, soonest first."""
    out = []
    for d in dated_facts(content):
        if d.history or d.fact.valid_to is None:
            continue
        st = state(d.fact.valid_to, today, within_days)
        if st != CURRENT:
            out.append(Aging(d.file, d.path, st, d.fact.valid_to, d.fact.source_name or d.fact.source_url or "?",
                             d.fact.source_url or ""))
    return sorted(out, key=lambda a: (a.valid_to, a.file, a.path))


def by_source(items: Iterable[Aging]) -> dict[tuple[str, str], list[Aging]]:
    """Grouped by (source name, url), the groups in order of their earliest date."""
    groups: dict[tuple[str, str], list[Aging]] = {}
    for a in sorted(items, key=lambda a: (a.valid_to, a.file, a.path)):
        groups.setdefault((a.source_name, a.source_url), []).append(a)
    return groups
