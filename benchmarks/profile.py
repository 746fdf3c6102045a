"""A realistic profile built through the app's own forms, for the speed benchmarks.

A newcomer with compulsory school from abroad, sfi C, living in Västerås (60 minutes' travel),
two earlier jobs, 20 competences ticked on the competences page, care interests, three targets
and a money situation. Every answer goes in through the page's own form (GET, CSRF token, POST),
so the plan is what a real person's would be.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
TARGET_SSYK = ("5321", "9111", "5120")          # undersköterska, städare, kock
JOBS = ("undersköterska", "städare")


@dataclass
class Profile:
    cookie: str           # "name=value" of the session cookie, for a load generator
    chosen: str           # the SSYK code of the first target (decision basis, compare)


def _post(client, url: str, data: dict, page: str | None = None) -> str:
    html = client.get(page or url).get_data(as_text=True)
    token = CSRF_RE.search(html).group(1)
    response = client.post(url, data={"csrf_token": token, **data})
    assert response.status_code in (200, 302, 303), (url, response.status_code)
    return html


def _more_skills(app) -> list[str]:
    """Competences of the target occupations' profiles, in profile order (what a person would
    find with the competence search)."""
    from app.content import catalogue

    with app.test_request_context():
        view = catalogue.current()
        ids = []
        for ssyk in TARGET_SSYK:
            group = view.catalog.groups.get(view.by_ssyk.get(ssyk, ""))
            ids += sorted(group.profile) if group is not None else []
        return list(dict.fromkeys(ids))


def build(app, *, competences: int = 20) -> Profile:
    """Answer every question of a realistic profile through the forms; return its cookie."""
    client = app.test_client()
    _post(client, "/inventera/fraga/education", {"level": "compulsory", "country": "abroad"})
    _post(client, "/inventera/fraga/swedish", {"level": "sfi_c"})
    _post(client, "/inventera/fraga/home", {"municipality": "Västerås", "max_commute": "60"})
    rows = []
    for job in JOBS:
        html = client.get("/inventera/fraga/occupations", query_string={"q": job}).get_data(as_text=True)
        found = re.search(r'name="add" value="([^"]+)"', html)
        if found:                                   # the full taxonomy has occupation names
            _post(client, "/inventera/fraga/occupations", {"add": found.group(1)})
            rows.append(found.group(1))
    data = {"never_worked": "yes"} if not rows else {}
    for i, oid in enumerate(rows):
        data |= {f"occupations-{i}-occupation_id": oid, f"occupations-{i}-years": "3",
                 f"occupations-{i}-where": "abroad"}
    _post(client, "/inventera/fraga/occupations", data)
    html = client.get("/inventera/fraga/competences").get_data(as_text=True)
    skills = list(dict.fromkeys(re.findall(r'name="skills"[^>]*value="([^"]+)"', html)))[:competences]
    for sid in _more_skills(app):                   # beyond what the jobs propose: added by search
        if len(skills) >= competences:
            break
        if sid not in skills:
            _post(client, "/inventera/fraga/competences", {"add_skill": sid, "skills": skills})
            skills.append(sid)
    assert len(skills) == competences, f"only {len(skills)} competences"
    _post(client, "/inventera/fraga/competences", {"skills": skills})
    _post(client, "/inventera/fraga/interests", {"likes": ["s_care", "c_routines", "r_build"]})
    for ssyk in TARGET_SSYK:
        _post(client, f"/besluta/yrke/{ssyk}/mal", {}, page=f"/besluta/yrke/{ssyk}")
    _post(client, "/besluta/fraga/situation",
          {"birth_year": "1988", "situation": "unemployed_registered", "children": "2"})
    name = app.config.get("SESSION_COOKIE_NAME", "session")
    cookie = client.get_cookie(name)
    assert cookie is not None, "no session cookie"
    return Profile(cookie=f"{name}={cookie.value}", chosen=TARGET_SSYK[0])
