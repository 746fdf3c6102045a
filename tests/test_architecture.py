"""Meta-tests: the engine stays pure, views stay thin, fragments are self-contained."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from jinja2 import nodes

APP = Path(__file__).resolve().parents[1] / "app"
FORBIDDEN = ("flask", "sqlmodel", "sqlalchemy", "app.plans", "app.content", "app.db", "werkzeug", "jinja2")


@pytest.mark.parametrize("path", sorted((APP / "engine").rglob("*.py")), ids=lambda p: p.name)
def test_engine_imports_neither_flask_nor_the_database(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


@pytest.mark.parametrize("path", sorted((APP / "flows").glob("*/routes.py")), ids=lambda p: p.parent.name)
def test_views_stay_thin(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef):
            assert node.end_lineno - node.lineno <= 40, f"{node.name} is {node.end_lineno - node.lineno} lines"


def test_blocks_rendered_alone_import_their_macros(app):
    """jinja2-fragments rule: a block rendered on its own must not rely on top-level imports."""
    env = app.jinja_env
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        source = env.loader.get_source(env, name)[0]
        tree = env.parse(source)
        for block in tree.find_all(nodes.Block):
            if block.name not in ("step_form", "results"):
                continue
            imported = {alias if isinstance(alias, str) else alias[1] or alias[0]
                        for imp in block.find_all(nodes.FromImport) for alias in imp.names}
            for call in block.find_all(nodes.Call):
                if isinstance(call.node, nodes.Name) and call.node.name not in env.globals:
                    assert call.node.name in imported or call.node.name in ("_", "csrf_token", "url_for"), \
                        f"{name}: block {block.name} calls {call.node.name} without importing it"
