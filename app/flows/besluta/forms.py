from flask_babel import lazy_gettext as _l

from app.forms import AppForm, MultiChoiceField


class PrioritiesForm(AppForm):
    priorities = MultiChoiceField(
        _l("What matters most to you in your choice?"),
        choices=[("quick_job", _l("Getting a job quickly")),
                 ("pay", _l("Good pay")),
                 ("outlook", _l("Many jobs now and later")),
                 ("near_home", _l("Studying and working near home")),
                 ("short_education", _l("A short education")),
                 ("paid_study", _l("Being paid while I study")),
                 ("swedish_in_study", _l("Learning Swedish at the same time")),
                 ("interest", _l("Work I find interesting"))],
        max_choices=3,
        message=_l("Choose at least one thing that matters to you."),
        max_message=_l("Choose at most 3 things, the ones that matter most."))
