"""Between the counsellor's forms and the stored documents: choices from the catalogue's read
model, form → document, document → form data, and each validation problem put at its field
with a translated message (what was typed stays in the form)."""
from __future__ import annotations

import re
import secrets

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from app.content import catalogue, local
from app.content.local import CLOSED, DRAFT, PUBLISHED

MESSAGES = {
    "required": _l("Fill this in."),
    "bad_id": _l("This item cannot be saved: start again from the list."),
    "unknown_ssyk": _l("Choose an occupation from the catalogue."),
    "unknown_education": _l("Choose an education from the list."),
    "unknown_municipality": _l("Choose a municipality from the list."),
    "outside_area": _l("Your organisation does not publish for this municipality."),
    "unknown_level": _l("Choose a level of Swedish from the list."),
    "unknown_competence": _l("Choose competences from the list."),
    "unknown_profile": _l("Choose a profile from the list."),
    "bad_weeks": _l("Enter the length in weeks, from 1 to 104."),
    "bad_kind": _l("Choose a kind of step."),
    "dates_order": _l("The end must be on or after the start."),
    "expired": _l("The end date has passed: choose a date ahead, or close the item."),
    "no_intake": _l("Give at least one start date, or tick continuous intake."),
    "continuous_with_dates": _l("With continuous intake, leave the start dates empty."),
    "apply_after_start": _l("The last day to apply must be on or before the start."),
    "intake_outside_validity": _l("The start must be inside the period the track is valid."),
    "overlapping_intakes": _l("This start comes before the group before it has finished the track."),
    "bad_url": _l("Write the web address starting with https://"),
    "needs_source": _l("Give the address where this can be checked."),
    "learned_not_needed": _l("Only competences the employer needs can be learned at work."),
    "too_many": _l("At most 12 steps."),
    "too_long": _l("Shorten the text to at most 2000 characters."),
    "bad_status": _l("Choose draft or publish."),
}
FIELD_OF = {  # a document path (its first parts) -> the form field
    "title": "title", "description": "description", "employers": "employers", "municipalities": "municipalities",
    "eligibility.swedish_level": "swedish_level", "swedish_level": "swedish_level", "contact": "contact_email",
    "contact.url": "contact_url", "valid_from": "valid_from", "valid_to": "valid_to", "profile": "profile",
    "intake": "continuous", "intake.dates": "continuous", "employer": "employer", "needed": "needed",
    "learned_on_job": "learned_on_job", "ssyk": "title",
}


def new_id(kind: str, title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", catalogue.fold(title))[:40].strip("-") or kind
    return f"{slug}-{secrets.token_hex(3)}"


def set_choices(form, view, area: list[str], ssyk: str, profiles=()) -> None:
    names = view.municipality_names
    form.municipalities.choices = choices([(c, names.get(c, c)) for c in area])
    form.swedish_level.choices = choices([("", _l("No particular level"))] + [
        (lv, catalogue.level_label(view, lv)) for lv in view.levels if view.levels[lv].family in ("sfi", "sas", "svenska")])
    if hasattr(form, "steps"):
        educations = choices([("", _l("– none –"))] + [(e, catalogue.education_label(view, e)) for e in view.educations])
        for entry in form.steps:
            entry.form.education.choices = educations
        form.profile.choices = choices([("", _l("– none –"))] + [
            (p.id, catalogue.localised((p.doc or {}).get("title"), p.id)) for p in profiles if p.ssyk == ssyk])
    if hasattr(form, "needed"):
        comps = national_profile(view, ssyk)
        form.needed.choices = choices(comps)
        form.learned_on_job.choices = choices(comps)


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def national_profile(view, ssyk: str) -> list[tuple[str, str]]:
    """The occupation's national profile to start from: its curated competences, else the
    taxonomy's skills for the group (at most 40)."""
    rows = view.competence_rows.get(ssyk) or []
    if rows:
        return [(c.skill_id, catalogue.skill_label(view, c.skill_id)) for c in rows]
    group = view.catalog.groups.get(view.by_ssyk.get(ssyk, ""))
    ids = sorted(group.profile)[:40] if group else []
    return [(s, catalogue.skill_label(view, s)) for s in ids]


def track_doc(form, item_id: str, ssyk: str, publish: bool) -> dict:
    steps = []
    for entry in form.steps:
        f = entry.form
        if f.education.data:
            steps.append({"education": f.education.data})
        elif f.label.data or f.weeks.data:
            steps.append({"kind": f.kind.data or "training", "label": {"sv": f.label.data or ""}, "weeks": f.weeks.data})
    dates = [{"start": i.form.start.data.isoformat(), **({"apply_by": i.form.apply_by.data.isoformat()}
                                                         if i.form.apply_by.data else {})}
             for i in form.intakes if i.form.start.data]
    return {
        "id": item_id, "ssyk": ssyk, "status": PUBLISHED if publish else DRAFT,
        "title": {"sv": form.title.data}, "description": {"sv": form.description.data or ""},
        "employers": [e.strip() for e in (form.employers.data or "").split(",") if e.strip()],
        "industry": form.industry.data or "", "place": form.place.data or "",
        "municipalities": list(form.municipalities.data or []), "steps": steps,
        "intake": {"continuous": bool(form.continuous.data), "dates": dates},
        "eligibility": {"registered_af": bool(form.registered_af.data), "swedish_level": form.swedish_level.data or None,
                        "other": {"sv": form.other.data or ""}},
        "contact": _contact(form, how=True), "profile": form.profile.data or None,
        "valid_from": form.valid_from.data.isoformat(), "valid_to": form.valid_to.data.isoformat(),
    }


def profile_doc(form, item_id: str, ssyk: str, publish: bool) -> dict:
    return {
        "id": item_id, "ssyk": ssyk, "status": PUBLISHED if publish else DRAFT,
        "title": {"sv": form.title.data}, "employer": form.employer.data,
        "municipalities": list(form.municipalities.data or []), "swedish_level": form.swedish_level.data or None,
        "needed": list(form.needed.data or []), "learned_on_job": list(form.learned_on_job.data or []),
        "contact": _contact(form), "valid_from": form.valid_from.data.isoformat(), "valid_to": form.valid_to.data.isoformat(),
    }


def _contact(form, how: bool = False) -> dict:
    out = {"name": form.contact_name.data or "", "email": form.contact_email.data or "",
           "phone": form.contact_phone.data or "", "url": form.contact_url.data or ""}
    if how:
        out["how"] = {"sv": form.how.data or ""}
    return out


def form_data(kind: str, doc: dict) -> dict:
    """A stored document as the form's data (editing starts from the latest version)."""
    contact = doc.get("contact") or {}
    data = {"title": local.sv_text(doc.get("title")), "municipalities": list(doc.get("municipalities") or []),
            "contact_name": contact.get("name", ""), "contact_email": contact.get("email", ""),
            "contact_phone": contact.get("phone", ""), "contact_url": contact.get("url", ""),
            "valid_from": local.as_date(doc.get("valid_from")), "valid_to": local.as_date(doc.get("valid_to"))}
    if kind == local.TRACK:
        eligibility = doc.get("eligibility") or {}
        intake = doc.get("intake") or {}
        data.update(
            description=local.sv_text(doc.get("description")), employers=", ".join(doc.get("employers") or []),
            industry=doc.get("industry", ""), place=doc.get("place", ""),
            steps=[{"education": s["education"]} if s.get("education") else
                   {"label": local.sv_text(s.get("label")), "weeks": s.get("weeks"), "kind": s.get("kind", "training")}
                   for s in doc.get("steps") or []],
            continuous=bool(intake.get("continuous")),
            intakes=[{"start": local.as_date(i.get("start")), "apply_by": local.as_date(i.get("apply_by"))}
                     for i in intake.get("dates") or []],
            registered_af=bool(eligibility.get("registered_af", True)), swedish_level=eligibility.get("swedish_level") or "",
            other=local.sv_text(eligibility.get("other")), how=local.sv_text(contact.get("how")),
            profile=doc.get("profile") or "")
    else:
        data.update(employer=doc.get("employer", ""), swedish_level=doc.get("swedish_level") or "",
                    needed=list(doc.get("needed") or []), learned_on_job=list(doc.get("learned_on_job") or []))
    return data


def place_problems(form, problems) -> None:
    """Each problem at its field (steps and intakes at their row); the rest above the form."""
    for p in problems:
        message = MESSAGES.get(p.code, MESSAGES["required"])
        parts = p.path.split(".")
        field = None
        if parts[0] == "steps" and len(parts) >= 3 and hasattr(form, "steps") and int(parts[1]) < len(form.steps.entries):
            sub = form.steps.entries[int(parts[1])].form
            field = getattr(sub, parts[2] if parts[2] in ("education", "label", "weeks", "kind") else "label", None)
        elif parts[:2] == ["intake", "dates"] and len(parts) >= 4 and hasattr(form, "intakes"):
            index = _intake_row(form, int(parts[2]))
            if index is not None:
                field = getattr(form.intakes.entries[index].form, parts[3], None)
        if field is None:
            name = FIELD_OF.get(".".join(parts[:2])) or FIELD_OF.get(parts[0])
            field = getattr(form, name, None) if name else None
        if field is None:
            form.form_errors.append(message)
        elif message not in field.errors:
            field.errors = list(field.errors) + [message]


def _intake_row(form, n: int) -> int | None:
    """The form row of the n-th filled-in intake (empty rows are not in the document)."""
    filled = [i for i, entry in enumerate(form.intakes.entries) if entry.form.start.data]
    return filled[n] if n < len(filled) else None


STATUS_LABELS = {DRAFT: _l("Draft"), PUBLISHED: _l("Published"), CLOSED: _l("Closed")}
ACTION_LABELS = {"created": _l("Created"), "updated": _l("Changed"), "published": _l("Published"),
                 "closed": _l("Closed"), "loaded": _l("Loaded from a content file")}
