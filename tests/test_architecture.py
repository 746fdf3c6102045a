"""Meta-tests: the engine stays pure, each flow stays in its own room, the content files are read
in one place, views stay thin, fragments are self-contained."""
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


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, at the top or inside a function (``from x import y`` gives x.y too)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]
    return out


def _module(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FLOW_NAMES = sorted(p.name for p in (APP / "flows").iterdir() if (p / "__init__.py").is_file())
FLOW_FILES = sorted(p for name in FLOW_NAMES for p in (APP / "flows" / name).rglob("*.py"))
NO_DATABASE = ("sqlalchemy", "sqlmodel", "app.db", "app.content.models")


@pytest.mark.parametrize("path", FLOW_FILES, ids=lambda p: str(p.relative_to(APP / "flows")))
def test_a_flow_imports_no_other_flow(path):
    own = path.relative_to(APP / "flows").parts[0]
    for name in _imports(path):
        for other in FLOW_NAMES:
            if other != own:
                assert not (name == f"app.flows.{other}" or name.startswith(f"app.flows.{other}.")), \
                    f"{path.relative_to(APP)} imports {name}: what two flows share belongs one floor down"


@pytest.mark.parametrize("path", FLOW_FILES + [APP / "forms.py", APP / "pages.py", APP / "flows" / "wizard.py"]
                         + sorted((APP / "wording").rglob("*.py")), ids=lambda p: str(p.relative_to(APP)))
def test_flows_forms_and_wording_use_no_database_layer(path):
    for name in _imports(path):
        assert not name.startswith(NO_DATABASE), \
            f"{path.relative_to(APP)} imports {name}: read the catalogue through app.content.catalogue"


def test_content_files_are_read_only_by_content_load_and_check():
    """One source of truth at request time: the YAML parser is in app/content/loaders.py only, and
    the content files are parsed (load_content / check) only by `flask content load|check`."""
    for path in sorted(APP.rglob("*.py")):
        names = _imports(path)
        rel = str(path.relative_to(APP))
        if rel != "content/loaders.py":
            assert not any(n == "yaml" or n.startswith("yaml.") for n in names), f"{rel} imports yaml"
        if rel not in ("content/loaders.py", "content/cli.py"):
            parsed = {n.rsplit(".", 1)[1] for n in names if n.startswith("app.content.loaders.")}
            assert not parsed & {"load_content", "check", "validate"}, f"{rel} parses the content files"


def _engine_graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in (APP / "engine").rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = set()
        for imported in _imports(path):
            for candidate in (imported, imported.rsplit(".", 1)[0]):
                if candidate in modules and candidate != name and candidate != "app.engine":
                    graph[name].add(candidate)
    return graph


def test_engine_has_no_import_circle():
    graph = _engine_graph()
    assert "app.engine.kinds" in graph["app.engine.catalog"]          # the graph sees imports
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            assert state.get(nxt) != 1, "import circle: " + " -> ".join(path + [node, nxt])
            if nxt not in state:
                visit(nxt, path + [node])
        state[node] = 2
    for node in sorted(graph):
        if node not in state:
            visit(node, [])


@pytest.mark.parametrize("path", sorted((APP / "flows").glob("*/routes.py")), ids=lambda p: p.parent.name)
def test_the_route_decorator_sits_on_the_view(path):
    """One name per page: no route in routes.py forwarding to a ``*_view`` elsewhere."""
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.FunctionDef) or not node.decorator_list:
            continue
        body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
        if len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Call):
            func = body[0].value.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(getattr(func, "value", None), "id", "")
            assert not called.endswith("_view") and owner != "views", f"{node.name} forwards to {owner}.{called}"
    assert not (path.parent / "views.py").exists() or path.parent.name == "inventera", \
        "views live in routes.py (inventera/views.py holds the step views the wizard calls)"


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
