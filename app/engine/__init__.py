"""Vägval's domain engine: plain Python, no Flask, no database (see docs/ARCHITECTURE.md)."""
from app.engine.catalog import Catalog, Education, Group, Skill

__all__ = ["Catalog", "Education", "Group", "Skill"]
