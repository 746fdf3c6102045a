"""The four theme areas, one blueprint each, registered explicitly (A1, A4)."""
from flask import Flask

from app.flows import agera, besluta, inventera, upptacka
from app.flows.agera.steps import FLOW as AGERA
from app.flows.besluta.steps import FLOW as BESLUTA
from app.flows.inventera.steps import FLOW as INVENTERA
from app.flows.upptacka.steps import FLOW as UPPTACKA

FLOWS = (UPPTACKA, INVENTERA, BESLUTA, AGERA)


def register_flows(app: Flask) -> None:
    for module in (upptacka, inventera, besluta, agera):
        app.register_blueprint(module.bp)
