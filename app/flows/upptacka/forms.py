from flask_babel import lazy_gettext as _l

from app.forms import AppForm, ChoiceField, MultiChoiceField


class GoalForm(AppForm):
    goal = ChoiceField(
        _l("What would you like most right now?"),
        choices=[("job_soon", _l("Get a job soon")),
                 ("change", _l("Change to another occupation")),
                 ("study", _l("Study to get a job")),
                 ("unsure", _l("I don't know yet"))],
        message=_l("Choose what you would like most right now."))


class WorriesForm(AppForm):
    worries = MultiChoiceField(
        _l("Is there something that makes studying feel hard?"),
        choices=[("money", _l("How I would manage financially")),
                 ("swedish", _l("That my Swedish is not enough")),
                 ("age", _l("That I am too old")),
                 ("time", _l("That it takes too long")),
                 ("school", _l("That I have not been to school much")),
                 ("family", _l("Combining studies with family")),
                 ("nothing", _l("No, nothing of this"))],
        message=_l("Choose at least one option, or \u201cNo, nothing of this\u201d."))
