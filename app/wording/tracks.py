"""Local job tracks and employer profiles in words (issue 18): what a track is, who may join,
when it starts, how to apply, who owns it and until when it holds; the gap against an employer's
profile. Takes the catalogue's read model and engine results; reads no plan, imports no flow."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from app.content import catalogue
from app.engine.gap import ProfileGap
from app.wording.sentences import NOTES, date_text, listed, period, say


def _sv_tagged(value) -> str:
    """Text an organisation wrote (Swedish, maybe with translations), marked lang="sv" when Swedish."""
    if not value:
        return ""
    texts = value if isinstance(value, dict) else {"sv": str(value)}
    return catalogue.tagged(catalogue.localised(texts, ""), texts)


def track_details(view: catalogue.CatalogueView, track_id: str, weeks: int | None = None, intake=None) -> dict | None:
    """What a track is, for the decision page and the comparison."""
    row = view.tracks.get(track_id)
    if row is None:
        return None
    doc = row.doc or {}
    eligibility = doc.get("eligibility") or {}
    contact = doc.get("contact") or {}
    who = []
    if eligibility.get("registered_af", True):
        who.append(_("You are registered as a job seeker at Arbetsförmedlingen."))
    if eligibility.get("swedish_level"):
        who.append(_("Swedish at least at the level %(level)s.",
                     level=catalogue.level_label(view, eligibility["swedish_level"])))
    other = _sv_tagged(eligibility.get("other"))
    continuous = bool((doc.get("intake") or {}).get("continuous"))
    if continuous:
        starts = _("Continuous intake: you can start when there is a place.")
    elif intake is not None:
        starts = _("Next intake: %(date)s.", date=date_text(intake.start))
        if intake.apply_by:
            starts += " " + _("Apply by %(date)s.", date=date_text(intake.apply_by))
    else:
        starts = ""
    places = [view.municipality_names.get(c, c) for c in doc.get("municipalities") or ()]
    return {
        "id": row.id, "example": bool(doc.get("example")),
        "title": _sv_tagged(doc.get("title")), "description": _sv_tagged(doc.get("description")),
        "employers": listed([str(e) for e in doc.get("employers") or ()]) if doc.get("employers") else "",
        "industry": str(doc.get("industry") or ""), "place": str(doc.get("place") or ""),
        "serves": listed(places) if places else "",
        "length": ngettext("About %(num)s week in all", "About %(num)s weeks in all", weeks) if weeks else "",
        "starts": starts, "who": who, "other": other,
        "leads_to_job": str(say(NOTES, "track_normally_leads_to_employment")),
        "contact": {"name": str(contact.get("name") or ""), "email": str(contact.get("email") or ""),
                    "phone": str(contact.get("phone") or ""), "url": str(contact.get("url") or ""),
                    "how": _sv_tagged(contact.get("how"))},
        "owner": row.organisation, "period": period(row.valid_from, row.valid_to),
        "source_url": str(doc.get("source_url") or ""), "source_name": str(doc.get("source_name") or ""),
        "gap": None,
    }


def track_weeks(route) -> int:
    """The calendar weeks of the track's own steps (the employer's hiring not counted)."""
    return sum(s.calendar_weeks for s in route.steps if s.kind == "track_step")


def missing_rows(option) -> list[str]:
    return [str(say(NOTES, key)) for key in option.missing]


def profile_gap_row(view: catalogue.CatalogueView, gap: ProfileGap) -> dict:
    """"For this employer you already have 9 of the 11 competences they need; the other two are
    taught in the track." Beside the national gap."""
    needs = view.employer_needs.get(gap.profile_id)
    n, had = len(gap.needed), len(gap.have)
    headline = ngettext("For this employer you already have %(num)s of the %(all)s competences they need.",
                        "For this employer you already have %(num)s of the %(all)s competences they need.",
                        had, all=n)
    if gap.missing and not gap.still_missing:
        headline += " " + ngettext("The other one is taught in the job track or at work.",
                                   "The other %(num)s are taught in the job track or at work.", len(gap.missing))

    def labels(ids):
        return [catalogue.skill_label(view, s, html=True) for s in ids]

    return {"employer": needs.employer if needs else "", "example": bool(needs and needs.example),
            "headline": headline, "have": labels(gap.have), "in_track": labels(gap.taught_in_track),
            "at_work": labels(gap.learned_on_job), "still_missing": labels(gap.still_missing),
            "swedish": catalogue.level_label(view, needs.swedish_level) if needs and needs.swedish_level else "",
            "period": period(view.profiles[gap.profile_id].valid_from, view.profiles[gap.profile_id].valid_to)
            if gap.profile_id in view.profiles else ""}
