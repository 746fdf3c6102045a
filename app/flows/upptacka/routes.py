from flask import Blueprint

from app.flows.upptacka.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("upptacka", __name__, url_prefix="/upptacka", template_folder="templates")
add_flow_routes(bp, FLOW)
