"""Every key the engine can emit, as a translated sentence, and the formatting every page,
the PDF and the .ics share (money, dates, periods, lists).

docs/DECISION.md and docs/ENGINE.md list the keys. Views and templates never show a raw key:
``say`` falls back to a neutral sentence, and tests/flows/test_besluta.py checks that every key
has its own."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.lists import format_list
from flask_babel import format_date, format_decimal, format_percent, get_locale
from markupsafe import Markup, escape

from app.content import catalogue
from app.engine import Explanation
from app.i18n import gettext as _
from app.i18n import lazy_gettext as _l
from app.i18n import ngettext

# Step kinds (route steps, plan steps, and the person's own steps)
KINDS = {
    "language": _l("Swedish"), "preparatory": _l("Preparatory studies"),
    "recognition": _l("Recognition of your foreign education"), "education": _l("Education"),
    "validation": _l("Validation of what you already know"), "licence": _l("Licence or certificate"),
    "job_search": _l("Looking for work"), "apply_financing": _l("Apply for money for your studies"),
    "apply_licence": _l("Apply for your licence or certificate"), "own": _l("Your own step"),
    "track_step": _l("Step in the job track"), "apply_track": _l("Apply to the job track"),
}

# Who a step is with
WITH_WHOM = {
    "person": _l("You yourself"), "municipality_adult_education": _l("Adult education in your municipality (komvux)"),
    "folkhogskola": _l("A folk high school (folkhögskola)"), "university": _l("A university or vocational college"),
    "arbetsformedlingen": _l("Arbetsförmedlingen (the Swedish Public Employment Service)"),
    "csn": _l("CSN (the Swedish Board of Student Finance)"),
    "forsakringskassan": _l("Försäkringskassan (the Swedish Social Insurance Agency)"),
    "municipality": _l("Your municipality"), "socialstyrelsen": _l("Socialstyrelsen (the National Board of Health and Welfare)"),
    "skolverket": _l("Skolverket (the Swedish National Agency for Education)"),
    "transportstyrelsen": _l("Transportstyrelsen (the Swedish Transport Agency)"),
    "uhr": _l("UHR (the Swedish Council for Higher Education)"), "employer": _l("Employers"),
}

# Why a step is not in the route
SKIPPED = {
    "swedish_enough": _l("Your Swedish is already enough for this."),
    "swedish_enough_check_merit": _l("Your Swedish seems enough, but you may need to show it with a grade or a test."),
    "has_grundskola": _l("You have compulsory school, so you do not need these subjects."),
    "alongside_sas_grund": _l("You study these subjects at the same time as Swedish at basic level."),
    "has_gymnasieexamen": _l("You already have the upper secondary education that is needed."),
    "already_has": _l("You already have it."),
    "swedish_unknown": _l("We do not know your Swedish yet: the school tests it when you start."),
}

# Why an education is not offered as a route
EXCLUDED = {
    "needs_foreign_degree_in_field": _l("This education is for people with a foreign degree in the field."),
    "needs_experience_to_validate": _l("Validation needs experience from this kind of work."),
    "needs_registration_at_arbetsformedlingen": _l("Only for people registered as job seekers at Arbetsförmedlingen."),
    "has_degree_complement_instead": _l("You already have a degree in the field: a shorter complementary education fits better."),
    "swedish_already_enough_for_the_job": _l("Your Swedish is already enough for the job, so a course with Swedish built in is not needed."),
}

# Notes on a step, a route or a plan step
NOTES = {
    "starts_later_age_rule": _l("This cannot start earlier because of an age rule: komvux, and student finance for it, are for adults from 1 July of the year they turn 20."),
    "utbildningsplikt": _l("You are in the introduction programme and have a short education, so Arbetsförmedlingen can require you to study (utbildningsplikt): sfi, civic orientation and komvux. The studies are then part of your programme and you keep your introduction benefit."),
    "financing_after_programme": _l("The introduction programme ends before this education does: apply in time for the support that pays after it."),
    "financing_changes": _l("From this date another support pays for your studies: apply for it in time."),
    "runs_alongside": _l("This runs at the same time as your other steps."),
    "driving_school_self_paid": _l("You take the driving licence at a driving school and pay for it yourself."),
    "complete_missing_parts_at_school": _l("Parts you are missing can be completed at the school afterwards."),
    "apply_when_education_done": _l("Apply when the education is done; it gives what you need."),
    "licence_course_unknown": _l("We do not know of a course for this yet: ask Arbetsförmedlingen or an employer."),
    "practice_via_arbetsformedlingen": _l("Arbetsförmedlingen can help you with work practice."),
    "apply_before_the_studies_start": _l("Apply at the same time as you apply for the studies."),
    "apply_each_month": _l("Apply every month, afterwards, for the month that has passed."),
    "swedish_unknown_assessed_at_admission": _l("The school tests your Swedish when you start and places you at the right level."),
    "must_turn_21_before_finishing": _l("You must be 21 or older when the education ends."),
    "swedish_continues_in_the_programme_check_level_with_school":
        _l("You keep learning Swedish in the programme: check with the school which level you reach."),
    "b-licence": _l("You need a driving licence for cars (B) to start."),
    "age_21_at_end": _l("You must be 21 or older when the education ends."),
    "foreign_nursing_degree": _l("You need a nursing degree from another country."),
    "socialstyrelsen_decision": _l("You need a decision from Socialstyrelsen first."),
    # local job tracks (issue 18)
    "track_apply_through_contact": _l("Contact the job track as it says below; participants are chosen together with the employer."),
    "track_step_language": _l("Swedish for the work, as part of the job track."),
    "track_step_training": _l("Training as part of the job track."),
    "track_step_praktik": _l("Work practice at the employer, as part of the job track."),
    "track_step_education": _l("An education as part of the job track."),
    "track_normally_leads_to_employment": _l("A local job track normally ends in a job with the employer."),
    "example_track": _l("Example: this job track is invented, for trying the service."),
    "register_at_arbetsformedlingen_first": _l("Register at Arbetsförmedlingen first: the job track is for registered job seekers."),
    "swedish_level_asked": _l("The job track asks for more Swedish than you have now: take the Swedish steps first."),
    "swedish_level_check_with_contact": _l("The job track asks for a level of Swedish: check with the contact whether yours is enough."),
}

# Language path sentences (LanguagePath.message_key)
LANGUAGE = {
    "swedish_enough": _l("Your Swedish is enough for this step."),
    "swedish_enough_check_merit": _l("Your Swedish seems enough for this step; you may need to show it with a grade or a test."),
    "swedish_unknown": _l("We do not know your level yet, so we count from the beginning; the school tests you when you start."),
    "first_then": None,     # built with the levels: "First …, then …"
}

# Financing: schemes and options, parts of the money, who decides
SCHEMES = {
    "csn-studiemedel": _l("Student finance from CSN (studiemedel)"),
    "omstallningsstudiestod": _l("Transition study support (omställningsstudiestöd)"),
    "aktivitetsstod": _l("Activity support from Arbetsförmedlingen (aktivitetsstöd)"),
    "utvecklingsersattning": _l("Development allowance from Arbetsförmedlingen (utvecklingsersättning)"),
    "etableringsersattning": _l("Introduction benefit (etableringsersättning)"),
    "studiestartsstod": _l("Study start support (studiestartsstöd)"),
}
PARTS = {
    "generellt_bidrag": _l("grant"), "hogre_bidrag": _l("higher grant"), "lan": _l("loan"),
    "tillaggsbidrag": _l("extra grant for children"), "tillaggslan": _l("extra loan"),
    "aktivitetsstod": _l("activity support"), "utvecklingsersattning": _l("development allowance"),
    "etableringsersattning": _l("introduction benefit"), "etableringstillagg": _l("extra for children"),
    "studiestartsstod": _l("study start support"),
    "omstallningsstudiebidrag": _l("transition study grant"), "omstallningsstudielan": _l("transition study loan"),
}
LINE_KINDS = {"grant": _l("grant, not paid back"), "loan": _l("loan, paid back"),
              "benefit": _l("benefit, not paid back")}
CHECK_WITH = {
    "csn": _l("Check with CSN."), "arbetsformedlingen": _l("Check with Arbetsförmedlingen."),
    "forsakringskassan": _l("Check with Försäkringskassan."), "municipality": _l("Check with your municipality."),
}

# Why a scheme does not pay, and notes on the options
REASONS = {
    "sfi_no_studiemedel": _l("Sfi gives no student finance from CSN."),
    "etableringsprogram_pays_instead": _l("In the introduction programme you get the introduction benefit instead."),
    "af_programme_pays_instead": _l("Arbetsförmedlingen pays for this course instead."),
    "not_offered_for_education": _l("Not available for this education."),
    "pace_not_allowed": _l("Not available at this pace of study."),
    "too_short": _l("The studies are too short for this support."),
    "too_young_grund_gymnasial": _l("You are too young for this support for these studies yet."),
    "too_old": _l("You are above the age limit for this support."),
    "residence_permit": _l("Your residence permit may not give the right to this support."),
    "hogre_bidrag_budget_limited": _l("The higher grant has a limited budget: not everyone who applies gets it."),
    "loan_weeks_limited_by_age": _l("At your age you can borrow for fewer weeks."),
    "hogre_bidrag_not_lacking_education": _l("No higher grant: you already have this level of education."),
    "hogre_bidrag_has_university_credits": _l("No higher grant: you have university studies."),
    "hogre_bidrag_youth_exception": _l("You may get the higher grant even though you are under 25."),
    "hogre_bidrag_from_year_turning_25": _l("The higher grant is for people from the year they turn 25."),
    "tillaggslan_check": _l("You may be able to borrow extra: it depends on your income last year."),
    "tillaggslan_income_over_threshold": _l("Your income last year was high enough for an extra loan."),
    "omstallning_work_conditions_not_met": _l("You have not worked long enough in Sweden for this support."),
    "omstallning_not_for_this_education": _l("This support is not given for this education."),
    "budget_limited": _l("The support has a limited budget: not everyone who applies gets it."),
    "omstallning_max_10_weeks_from_62": _l("From the year you turn 62 the grant is for at most 10 weeks."),
    "af_decides_forberedande_max_12_months": _l("Arbetsförmedlingen decides, for at most 12 months."),
    "aktivitetsstod_income_based_may_be_higher": _l("If you have unemployment insurance the support may be higher."),
    "etablering_ends": _l("The introduction programme ends during this step; after that other support applies."),
    "studiestartsstod_repealed": _l("Study start support was abolished on 1 January 2026."),
    "decided_by_home_municipality": _l("Your home municipality decides."),
    "only_weeks_before_repeal": _l("Only for the weeks before the support was abolished."),
    "af_programme_needs_registration": _l("You need to be registered as a job seeker at Arbetsförmedlingen."),
    "etablering_end_unknown": _l("We do not know when your introduction programme ends, so we have assumed it lasts through this step. It lasts at most 24 months: check the date with Arbetsförmedlingen."),
    "temporary_protection_first_months": _l("With temporary protection you can get student finance from CSN only after your first 12 months with the permit."),
    "temporary_protection_check_months": _l("With temporary protection, student finance from CSN starts only after 12 months with the permit: check the date with CSN."),
}

# Why the money changes inside a step (financing periods)
CHANGES = {
    "etablering_ends": _l("the introduction programme has ended"),
    "new_year": _l("a new year: new amounts and age rules"),
    "child_age_band": _l("a child has had a birthday that changes the supplement"),
    "child_tillagg_ends": _l("a child is no longer counted for the supplement"),
    "permit_months_passed": _l("you have had your permit for 12 months"),
    "studiemedel_age": _l("you have reached the age for student finance for these studies"),
}

GENERIC = _l("See the source for details.")


def say(table: dict, key: str | None):
    """The sentence for ``key`` in ``table``; a neutral sentence for a key we do not know."""
    value = table.get(key or "")
    return value if value is not None else GENERIC


def language_sentence(path, level_label) -> str | None:
    """"Your Swedish is enough for this step" / "First sfi D, then Swedish basic level"."""
    if path is None:
        return None
    if path.enough or not path.steps:
        return str(say(LANGUAGE, path.message_key))
    levels = [level_label(s.level) for s in path.steps]
    first, rest = levels[0], levels[1:]
    sentence = (_("First %(first)s, then %(then)s.", first=first, then=listed(rest))
                if rest else _("First %(first)s, then the next step.", first=first))
    if path.unknown:
        sentence += " " + str(LANGUAGE["swedish_unknown"])
    return sentence


def date_text(d) -> str:
    return _date_text(d, str(get_locale() or "sv")) if d else ""


@lru_cache(maxsize=4096)
def _date_text(d, _locale: str) -> str:
    """date_text() once per date and language (Babel's date formatting is slow to ask)."""
    return format_date(d, "long")


def listed(items) -> str:
    """"A, B och C" / "A وB وC": the locale's own list pattern (HTML-safe when an item is markup)."""
    items = list(items)
    if not items:
        return ""
    if any(isinstance(i, Markup) for i in items):
        return Markup(format_list([str(escape(i)) for i in items], locale=get_locale() or "sv"))
    return format_list([str(i) for i in items], locale=get_locale() or "sv")


def kr(amount: int | float | None) -> str | None:
    """"12 345 kr" (rounded to whole kronor, the locale's digit grouping)."""
    return None if amount is None else _kr(round(amount), str(get_locale() or "sv"))


@lru_cache(maxsize=8192)
def _kr(amount: int, _locale: str) -> str:
    """kr() once per amount and language (a decision basis writes a few thousand amounts)."""
    return _("%(amount)s kr", amount=format_decimal(amount))


def left_to_right(text: str) -> str:
    """Latin-script data inside a sentence (an ISO date, a code), isolated left to right on a
    right-to-left page (Unicode LRI … PDI: plain text, so it works in a page, the PDF and the .ics).
    Without it a date after Arabic letters turns into Arabic digits' order: "31-12-2026"."""
    locale = get_locale()
    if locale is not None and locale.text_direction == "rtl":
        return f"\u2066{text}\u2069"
    return text


def period(valid_from: date | None, valid_to: date | None, year: int | None = None) -> str:
    """When a fact holds: "valid 2026-01-01–2026-12-31", else "figures for 2025"."""
    if valid_from and valid_to:
        return _("valid %(start)s–%(end)s", start=left_to_right(valid_from.isoformat()),
                 end=left_to_right(valid_to.isoformat()))
    if year:
        return _("figures for %(year)s", year=year)
    return ""


# --- Competences by kind, the work's outlook -----------------------------------------------------

KIND_ORDER = ("taught", "licence", "experience")
KIND_TITLES = {"taught": lambda: _("Learned in an education"), "licence": lambda: _("Licences and certificates"),
               "experience": lambda: _("Learned by working")}


# --- Inventera's ranking: one sentence per explanation key (docs/ENGINE.md) ----------------------

def explain(e: Explanation, view: catalogue.CatalogueView) -> str | None:
    """One translated sentence per explanation key (docs/ENGINE.md lists the keys)."""
    p = e.params
    key = e.key
    if key == "have_n_of_m":
        return ngettext("You already have %(have)s of the %(num)s core competence (%(share)s).",
                        "You already have %(have)s of the %(num)s core competences (%(share)s).",
                        p["total"], have=p["have"], share=format_percent(p.get("share", 0)))
    if key == "have_all_of_m":
        return ngettext("You already have the %(num)s core competence.", "You already have all %(num)s core competences.",
                        p["total"])
    if key == "have_none_of_m":
        return ngettext("You do not yet have the %(num)s core competence.",
                        "You do not yet have any of the %(num)s core competences.", p["total"])
    if key == "named_goal":
        return _("You named this occupation as your goal.")
    if key == "education_level_above":
        return _("The work usually asks for more education than you have; there are ways to study for it.")
    if key == "education_level_ok":
        return _("Your education is enough to start on this road.")
    if key == "no_education_needed":
        return ngettext("Some jobs here need no formal education (%(names)s of %(num)s occupation).",
                        "Some jobs here need no formal education (%(names)s of %(num)s occupations).",
                        p["total"], names=p["names"])
    if key == "same_work":
        return ngettext("The same kind of work in another setting: you would have %(have)s of its %(num)s core competence.",
                        "The same kind of work in another setting: you would have %(have)s of its %(num)s core competences.",
                        p["total"], have=p["have"])
    if key == "has_core":
        return ngettext("You would already have %(have)s of its %(num)s core competence.",
                        "You would already have %(have)s of its %(num)s core competences.", p["total"], have=p["have"])
    if key == "shares_skills":
        return ngettext("It shares %(num)s competence with this work.", "It shares %(num)s competences with this work.",
                        p["count"])
    if key == "missing_taught":
        return _("To learn in an education: %(count)s.", count=p["count"])
    if key == "missing_licence":
        return _("Licences or certificates to get: %(count)s.", count=p["count"])
    if key == "missing_experience":
        return _("Learned by working: %(count)s.", count=p["count"])
    if key == "education_covers":
        return ngettext("%(education)s (%(num)s week) teaches %(n)s of the things you are missing.",
                        "%(education)s (%(num)s weeks) teaches %(n)s of the things you are missing.",
                        p["weeks"], education=catalogue.education_label(view, p["education"]), n=len(p["skills"]))
    if key == "interest_fit":
        fit = float(p["fit"])
        if fit >= 0.6:
            return _("It fits well with what you like to do.")
        if fit >= 0.3:
            return _("It fits partly with what you like to do.")
        return _("It fits little with what you like to do.")
    if key == "outlook":
        value = float(p["outlook"])
        if value > 0:
            return _("There are many jobs compared with the number of job seekers.")
        if value < 0:
            return _("There are few jobs compared with the number of job seekers.")
        return _("There are about as many jobs as job seekers.")
    if key == "education_too_long":
        return ngettext("The shortest education we know of takes %(num)s week, longer than you wanted.",
                        "The shortest education we know of takes %(num)s weeks, longer than you wanted.", p["weeks"])
    if key == "education_fits":
        return ngettext("There is an education of %(num)s week, within the time you wanted.",
                        "There is an education of %(num)s weeks, within the time you wanted.", p["weeks"])
    if key == "swedish_below":
        return _("The work asks for Swedish at the level \u201c%(required)s\u201d; you are at \u201c%(level)s\u201d. "
                 "You can study Swedish at the same time.",
                 required=catalogue.level_label(view, p["required"]), level=catalogue.level_label(view, p["level"]))
    if key == "swedish_ok":
        return _("Your Swedish is enough for this work (\u201c%(required)s\u201d).",
                 required=catalogue.level_label(view, p["required"]))
    if key == "commute":
        share = float(p["reachable"])
        if share >= 1:
            return _("You can reach the educations for this work within your travel time, or study at a distance.")
        if share > 0:
            return _("Some of the educations for this work are within your travel time.")
        return _("The educations for this work are further away than you want to travel.")
    return None
