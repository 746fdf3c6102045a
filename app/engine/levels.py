"""Education levels: what a person has completed, and what an occupation group asks for.

One ordinal scale (``EDUCATION_RANK``) serves both sides:

====================  ====  =================================================================
level id              rank  meaning
====================  ====  =================================================================
none                     0  no completed school / the work needs no formal education
compulsory, short        1  compulsory school (grundskola); the work needs a short course
upper_secondary          2  upper secondary school (gymnasium) or equivalent
vocational_post_…        3  vocational post-secondary (yrkeshögskola)
post_secondary           4  a person's studies after upper secondary (university or vocational college)
university, higher       4  the work asks for a university degree
====================  ====  =================================================================

What a group asks for (``required_education``): the curated ``Group.education_required``
where the catalogue has it; otherwise the skill level of the SSYK major group, as SSYK 2012
and ISCO-08 define them (major group 1 managers and 2 professions requiring a university
degree: 4; 3 professions requiring post-secondary education: 3; 4-8: upper secondary, 2;
9 elementary occupations: 1; 0 armed forces by sub-major group: officers 4, specialist
officers 3, soldiers 2). ``Group.no_education_names`` (the taxonomy's list of occupations
that need no formal education) says that some jobs in the group are open without it.
"""
from __future__ import annotations

from typing import Mapping

from app.engine.catalog import Group

EDUCATION_RANK: Mapping[str, int] = {
    "none": 0,
    "compulsory": 1,
    "short": 1,
    "upper_secondary": 2,
    "vocational_post_secondary": 3,
    "post_secondary": 4,
    "university": 4,
    "higher": 4,
}

HIGHER_EDUCATION = 4

# The Swedish a university education asks for: the general entry requirements (grundläggande
# behörighet, UHR) include Svenska 3 or Svenska som andraspråk 3. Used as a group's Swedish
# requirement when the catalogue has none and the work needs a university degree.
UNIVERSITY_SWEDISH = "sas_3"

SKILL_LEVEL_BY_MAJOR: Mapping[str, str] = {
    "1": "university", "2": "university", "3": "vocational_post_secondary",
    "4": "upper_secondary", "5": "upper_secondary", "6": "upper_secondary", "7": "upper_secondary",
    "8": "upper_secondary", "9": "compulsory",
}
ARMED_FORCES: Mapping[str, str] = {"01": "university", "02": "vocational_post_secondary", "03": "upper_secondary"}


def required_education(group: Group, overrides: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(level id, source) the group's work asks for; source is "curated" or "ssyk"."""
    if overrides and group.ssyk in overrides and overrides[group.ssyk] in EDUCATION_RANK:
        return overrides[group.ssyk], "curated"
    if group.education_required in EDUCATION_RANK:
        return group.education_required, "curated"
    if group.ssyk.startswith("0"):
        return ARMED_FORCES.get(group.ssyk[:2], "upper_secondary"), "ssyk"
    return SKILL_LEVEL_BY_MAJOR.get(group.ssyk[:1], "upper_secondary"), "ssyk"


def requires_higher_education(group: Group, overrides: Mapping[str, str] | None = None) -> bool:
    return EDUCATION_RANK[required_education(group, overrides)[0]] >= HIGHER_EDUCATION
