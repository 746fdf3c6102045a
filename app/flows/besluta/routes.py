from flask import Blueprint

from app.flows.besluta.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("besluta", __name__, url_prefix="/besluta", template_folder="templates")
add_flow_routes(bp, FLOW)
