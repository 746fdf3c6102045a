from flask import Blueprint

from app.flows.inventera.steps import FLOW
from app.flows.wizard import add_flow_routes

bp = Blueprint("inventera", __name__, url_prefix="/inventera", template_folder="templates")
add_flow_routes(bp, FLOW)
