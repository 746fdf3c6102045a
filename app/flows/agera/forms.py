from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from app.forms import AppForm


class CommitmentForm(AppForm):
    when = StringField(
        _l("When \u2026"),
        description=_l("A moment in your week, for example \u201con Monday after breakfast\u201d."),
        validators=[InputRequired(message=_l("Write when you will do it.")),
                    Length(max=200, message=_l("Write at most 200 characters."))])
    then = StringField(
        _l("\u2026 I will"),
        description=_l("One concrete thing, for example \u201ccall the adult education centre\u201d."),
        validators=[InputRequired(message=_l("Write what you will do.")),
                    Length(max=200, message=_l("Write at most 200 characters."))])
