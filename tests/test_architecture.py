"""The shape of the code: imports run one way, the rules stay plain, routes hold no SQL.

Read from the source with ``ast`` (nothing is imported), so a deferred import
inside a function counts as much as one at the top of a module.
"""

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WEBAPP = ROOT / "webapp"
SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(WEBAPP.rglob("*.py"))}


def imports_of(name):
    """The webapp modules one module imports, anywhere in it."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base]).strip(".")
            # ``from webapp import labels`` imports the module webapp.labels.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def unit(name):
    """An area package counts as one unit; a shared module counts on its own."""
    parts = name.split(".")
    if len(parts) >= 2 and (WEBAPP / parts[1]).is_dir():
        return ".".join(parts[:2])
    return name


def cycles(graph):
    """Strongly connected components with more than one member (Tarjan)."""
    sys.setrecursionlimit(10_000)
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back():
    assert cycles(GRAPH) == []


def test_no_two_areas_import_each_other():
    by_unit = {}
    for name, targets in GRAPH.items():
        by_unit.setdefault(unit(name), set()).update(unit(t) for t in targets if unit(t) != unit(name))
    # The application factory (``webapp``) wires every area; it is the top, not a cycle.
    by_unit = {name: {t for t in targets if t != "webapp"} for name, targets in by_unit.items()}
    assert cycles(by_unit) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


DOMAIN = sorted(name for name in MODULES if name.startswith("webapp.domain."))


@pytest.mark.parametrize("name", DOMAIN)
def test_the_rules_import_only_other_rules(name):
    path = MODULES[name]
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    forbidden = {
        module
        for module in imported
        if module.split(".")[0]
        in {
            "flask",
            "flask_babel",
            "flask_login",
            "flask_wtf",
            "wtforms",
            "jinja2",
            "werkzeug",
            "sqlite3",
            "sqlite_utils",
            "markupsafe",
        }
        or (module.startswith("webapp") and not module.startswith("webapp.domain"))
    }
    assert forbidden == set(), f"{name} imports {sorted(forbidden)}"


ROUTE_MODULES = sorted(
    path for path in WEBAPP.rglob("*.py") if path.name == "routes.py" or path.parent.name == "routes"
)


def test_every_area_has_its_routes_in_routes():
    areas = {path.parent.name for path in WEBAPP.glob("*/__init__.py")} - {"domain", "seed"}
    with_routes = {path.relative_to(WEBAPP).parts[0] for path in ROUTE_MODULES}
    assert areas <= with_routes


@pytest.mark.parametrize("path", ROUTE_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_routes_hold_no_sql(path):
    strings = [
        node.value
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert [text for text in strings if SQL.search(text)] == []


@pytest.mark.parametrize("path", sorted(WEBAPP.glob("*/__init__.py")), ids=lambda path: path.parent.name)
def test_an_area_package_only_makes_its_blueprint(path):
    tree = ast.parse(path.read_text())
    routes = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any(
            "route" in ast.unparse(decorator)
            or ".get" in ast.unparse(decorator)
            or ".post" in ast.unparse(decorator)
            for decorator in node.decorator_list
        )
    ]
    assert routes == []


def test_the_sql_pattern_sees_sql():
    assert SQL.search("SELECT id FROM users") and SQL.search("DELETE FROM votes")
    assert not SQL.search("Select a buurt")
