"""Besluta's local job tracks (issue 18): the tracks within the person's reach for a target, what
each is, what the person lacks to join one, and the gap against the employer's profile. Inputs
from the plan's answers and the catalogue's read model; the engine decides; ``app.wording`` words."""
from __future__ import annotations

from app.engine.gap import compute_profile_gap
from app.engine.routes import near, track_options
from app.flows.besluta.person import today
from app.plans.answers import Inventera
from app.wording import tracks as words


def home_of(view, answers: dict):
    """(Place of the home municipality or None, the travel limit in minutes or None)."""
    home = Inventera.of(answers).home or {}
    return view.places.get(home.get("kommunkod") or ""), home.get("max_commute")


def _taught(view, route) -> set[str]:
    """The competences a track's steps teach: its free steps' own list and its educations' gives."""
    track = next((t for t in view.route_inputs.tracks if f"track:{t.id}" == route.id), None)
    out: set[str] = set()
    if track is None:
        return out
    gives = {e.id: e.gives for e in view.catalog.educations}
    for step in track.steps:
        out |= set(step.teaches) | set(gives.get(step.education_id or "", ()))
    return out


def context(view, inputs, person, ssyk: str, answers: dict, routes) -> dict:
    """``track_info`` (route id -> what the track is, its employer gap), ``tracks_not_yet`` (tracks
    the person cannot join yet, with what is missing)."""
    home, limit = home_of(view, answers)
    have = frozenset(Inventera.of(answers).skills)
    if inputs is None or person is None:
        return {"track_info": {}, "tracks_not_yet": [], "employer_gaps": _employer_gaps(view, ssyk, have, home, limit, set())}
    options = track_options(inputs, person, ssyk, start=today(), facts=None, home=home, limit_minutes=limit)
    intakes = {f"track:{o.track.id}": o.intake for o in options}
    info = {}
    for route in routes:
        if not route.id.startswith("track:"):
            continue
        details = words.track_details(view, route.id.removeprefix("track:"), words.track_weeks(route), intakes.get(route.id))
        profile = view.employer_needs.get((view.tracks[route.id.removeprefix("track:")].doc or {}).get("profile") or "")
        if details is not None and profile is not None:
            details["gap"] = words.profile_gap_row(view, compute_profile_gap(profile, have, _taught(view, route)))
        info[route.id] = details
    not_yet = [dict(words.track_details(view, o.track.id, None, o.intake) or {}, missing=words.missing_rows(o))
               for o in options if o.route is None]
    linked = {(view.tracks[r.removeprefix("track:")].doc or {}).get("profile") for r in info}
    return {"track_info": info, "tracks_not_yet": not_yet,
            "employer_gaps": _employer_gaps(view, ssyk, have, home, limit, linked)}


def _employer_gaps(view, ssyk: str, have, home, limit, shown: set) -> list[dict]:
    """The gap against each valid employer profile for the occupation near home (those a track
    already shows, inside the track)."""
    return [words.profile_gap_row(view, compute_profile_gap(p, have))
            for p in view.employer_needs.values()
            if p.ssyk == ssyk and p.id not in shown and p.valid_on(today())
            and near(tuple(view.places[c] for c in p.places if c in view.places), home, limit, view.rail, p.id)]
