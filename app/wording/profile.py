"""What a person has told about themselves, in words: the meeting's screens and a shared link
(when the person agreed) show it the same way."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.content import catalogue

EDUCATION = {
    "none": _l("No completed school"),
    "compulsory": _l("Compulsory school (grundskola), 9 years or equivalent"),
    "upper_secondary": _l("Upper secondary school (gymnasium) or equivalent"),
    "post_secondary": _l("Studies after upper secondary school (university, vocational college)"),
}


def profile_summary(inv, view: catalogue.CatalogueView) -> dict:
    """``inv`` is ``app.plans.answers.Inventera`` of the person's answers."""
    home = inv.home or {}
    return {
        "education": EDUCATION.get(inv.education_level or "", ""),
        "swedish": catalogue.level_label(view, inv.swedish_level) if inv.swedish_level else "",
        "jobs": [{"label": j.get("label") or catalogue.group_label(view, j.get("group_id") or ""),
                  "years": j.get("years")} for j in inv.jobs],
        "skills": [catalogue.skill_label(view, s) for s in inv.skills[:12]],
        "n_skills": len(inv.skills),
        "n_likes": len(inv.likes),
        "home": home.get("municipality") or "",
        "max_commute": home.get("max_commute"),
    }
