"""Skill kind classification, with real labels from the JobTech skills export."""
from __future__ import annotations

import collections

import pytest

from app.engine import SKILL_KIND_EXPERIENCE, SKILL_KIND_LICENCE, SKILL_KIND_TAUGHT, classify_skill

LICENCES = [
    "Utbildningsbevis enligt TLP 10 för truckförare",
    "B-truckar",
    "D-truckar",
    "Motorsågskörkort Nivå B",
    "Traktorkort",
    "Certifikat, heta arbeten",
    "Certifierad brandvakt",
    "Legitimation som sjuksköterska",
    "Lärarlegitimation",
    "Frisörlicens",
    "Våtrumsbehörighet/BKR, GBR",
    "Yrkeskompetensbevis för förare (YKB)",
    "ADR-intyg",
    "Arbete på väg steg 1, grundkompetens",
    "Gesällbrev, frisör",
    "Auktoriserad tolk",
    "Sjuksköterskeexamen",
    "Allmänmedicin, specialistkompetens för läkare",
    "Bevis\xa0om skyddad yrkestitel som undersköterska",   # sic: a no-break space in the export
    "IW, Internationell svetsare, yrkesdiplom",
    "Cisco Certified Network Associate/CCNA",
]

EXPERIENCES = [
    "Servicehus/Äldreboende",
    "Hemtjänst",
    "Äldreboende",
    "Sjukhem/Särskilt boende",
    "Korttidshem/Korttidsboende, LSS",
    "Gruppbostad",
    "Läkemedelsindustri",
    "Automotive/Fordonsindustri",
    "Cateringverksamhet",
    "Truckvana",
    "Förhandlingsvana",
    "Försäljning, erfarenhet",
    "Personalansvar",
    "Områdesansvar, äldreomsorg",
    "Verksamhetsledning, bank",
    "Frilansuppdrag",
    "Erfarenhet av att utbilda lokförare",
]

TAUGHT = [
    "Lastning",
    "Gaffeltruck",
    "Ritningsläsning",
    "MS Excel",
    "Omvårdnad",
    "Hemsjukvård",
    "Verksamhetsanalys",
    "Reningsteknik inom gasindustri",
    "Maskinskötsel, glasindustri",
    "Processoptimering inom tillverkningsindustri",
    "Kretskortsmontering",
    "Varumottagning",
    "Diplomutbildning för försäkringsförmedlare",
    "C#, programmeringsspråk",
]


@pytest.fixture(scope="module")
def real_labels(jobtech_catalog):
    return {skill.label for skill in jobtech_catalog.skills.values()}


@pytest.mark.parametrize(("labels", "kind"), [
    (LICENCES, SKILL_KIND_LICENCE),
    (EXPERIENCES, SKILL_KIND_EXPERIENCE),
    (TAUGHT, SKILL_KIND_TAUGHT),
])
def test_real_labels_are_classified(labels, kind, real_labels):
    assert not [label for label in labels if label not in real_labels], "examples must be real labels"
    wrong = {label: classify_skill(label) for label in labels if classify_skill(label) != kind}
    assert wrong == {}


def test_classification_is_case_insensitive_and_stripped():
    assert classify_skill("  b-truckar ") == SKILL_KIND_LICENCE
    assert classify_skill("TRUCKVANA") == SKILL_KIND_EXPERIENCE


def test_from_jobtech_sets_kinds_in_plausible_proportions(jobtech_catalog):
    counts = collections.Counter(skill.kind for skill in jobtech_catalog.skills.values())
    total = sum(counts.values())
    assert total == 6657
    assert counts[SKILL_KIND_TAUGHT] / total > 0.75          # most skills are abilities/knowledge
    assert 300 < counts[SKILL_KIND_LICENCE] < 1200
    assert 200 < counts[SKILL_KIND_EXPERIENCE] < 800
    by_label = {s.label: s.kind for s in jobtech_catalog.skills.values()}
    assert by_label["B-truckar"] == SKILL_KIND_LICENCE
    assert by_label["Servicehus/Äldreboende"] == SKILL_KIND_EXPERIENCE
    assert by_label["Lastning"] == SKILL_KIND_TAUGHT
