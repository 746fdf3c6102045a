from flask import Blueprint

from app.flows.agera.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("agera", __name__, url_prefix="/agera", template_folder="templates")
add_flow_routes(bp, FLOW)
