"""Classify a competence by how a person gains it, from its Swedish JobTech label.

``classify_skill(label)`` returns one of the kind constants defined here (``SKILL_KIND_*``):

``licence``
    A licence, certificate, authorisation or formal qualification: it is *issued* after a
    course, a test or a whole programme (körkort, truckkort, "B-truckar", behörighet,
    certifikat, legitimation, licens, utbildningsbevis, yrkesbevis, kompetensintyg,
    auktorisation, gesällbrev/mästarbrev, yrkesdiplom, examen, specialistkompetens,
    ADR, YKB, "Arbete på väg steg 1", ID06, hygienpass, heta arbeten ...).
``experience``
    Gained by working: a workplace or setting ("Servicehus/Äldreboende", "Hemtjänst",
    "Läkemedelsindustri", "Cateringverksamhet"), practice and habit ("Truckvana",
    "Förhandlingsvana", "..., erfarenhet"), responsibility ("Personalansvar",
    "Områdesansvar, omsorg", "Verksamhetsledning, bank"), assignments ("Frilansuppdrag").
``taught``
    Everything else: an ability, method, tool or body of knowledge an education teaches.

The rules are ordered: licence patterns win over experience patterns (so
"Certifierad kontrollansvarig" is a licence, "Erfarenhet av att utbilda lokförare" is
experience). They were written against the real ``skills.json`` labels; see
``tests/engine/test_kinds.py`` for the examples they must get right.
"""
from __future__ import annotations

import re
from functools import lru_cache

# What kind of competence a skill is: it decides how a missing one is closed.
SKILL_KIND_TAUGHT = "taught"          # an ability or method an education teaches
SKILL_KIND_LICENCE = "licence"        # a licence, certificate or authorisation (körkort, truckkort, legitimation)
SKILL_KIND_EXPERIENCE = "experience"  # gained by working (a workplace type, a setting)
SKILL_KINDS = (SKILL_KIND_TAUGHT, SKILL_KIND_LICENCE, SKILL_KIND_EXPERIENCE)

_LICENCE = re.compile(
    r"""
      körkort | truckkort | \w*kort\b(?!s)          # Traktorkort, Sprängkort, Borrkort, Traverskort
    | ^[a-e]-truckar$                               # truck classes A-D
    | behörig                                       # behörighet, behörighetsbevis, "Behörig installatör"
    | certifi | certificate | certified             # certifikat, certifierad, certifiering
    | legitimation | licens | licence | license
    | \w*bevis\b                                    # utbildnings-, yrkes-, kompetens-, förar-, specialistbevis
    | \w*intyg\b                                    # utbildningsintyg, kompetensintyg, ADR-intyg
    | auktoris                                      # auktorisation, auktoriserad
    | gesällbrev | mästarbrev | \w*diplom\b | diplomerad
    | examen\b | examen, | \w+examen\b               # Sjuksköterskeexamen, "Maskinbefäl klass VII, examen"
    | specialistkompetens\ för
    | \badr\b | \bykb\b | id\ ?06 | hygienpass | heta\ arbeten
    | arbete\ på\ väg\ steg
    | ^godkänd\ (?!.*utbildning)                    # "Godkänd revisor", not "Godkänd VVS-utbildning"
    | tillstånd\ som | rekvisitionsrätt | förskrivningsrätt
    | ^visum\b | säkerhetsprövning
    """,
    re.IGNORECASE | re.VERBOSE,
)

_EXPERIENCE = re.compile(
    r"""
      erfarenhet                                    # "..., erfarenhet", omsorgserfarenhet
    | vana\b                                        # Truckvana, "..., reparationsvana", "Presskontakter, vana"
    | ansvar\b | ansvarig\b                         # Personalansvar, Områdesansvar, Gassäkerhetsansvarig
    | ^verksamhetsledning\b | verksamhet(,|$)       # "Verksamhetsledning, bank", Cateringverksamhet
    | uppdrag\b                                     # Frilansuppdrag
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A label that *names a workplace or setting*: every "/"-separated part ends in one of these.
_SETTING_PART = re.compile(
    r"""(
        boende | servicehus | hemtjänst | (sjuk|behandlings|korttids|fritids)hem | sjukhem
      | internatskola | \w*industri | ^mottagning | gruppbostad | ^bostad\ med\ särskild\ service
      | (förlossnings|bb-|vård)avdelning
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


_MULTIWORD_SETTINGS = {"bostad med särskild service"}
_QUALIFIER = re.compile(r",\s*(lss|sol|hsl)$", re.IGNORECASE)


def _is_setting(label: str) -> bool:
    # A bare noun phrase ("Hemtjänst", "Sjukhem/Särskilt boende", "Automotive/Fordonsindustri"),
    # not a task in a setting ("Reningsteknik inom gasindustri", "Maskinskötsel, glasindustri").
    label = _QUALIFIER.sub("", label)   # "Korttidshem/Korttidsboende, LSS"
    parts = [p.strip() for p in label.split("/")]
    if any("," in p or (len(p.split()) > 2 and p.lower() not in _MULTIWORD_SETTINGS) for p in parts):
        return False
    hits = [bool(_SETTING_PART.search(p)) for p in parts]
    return any(hits) and all(hit or len(p.split()) == 1 for hit, p in zip(hits, parts))


@lru_cache(maxsize=16384)
def classify_skill(label: str) -> str:
    """Return the kind (``taught``, ``licence`` or ``experience``) of a skill label."""
    text = label.strip()
    if _LICENCE.search(text):
        return SKILL_KIND_LICENCE
    if _EXPERIENCE.search(text) or _is_setting(text):
        return SKILL_KIND_EXPERIENCE
    return SKILL_KIND_TAUGHT
