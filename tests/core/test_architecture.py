"""The layout a newcomer can guess, kept by tests: imports point down, every app is in the contract,
no project import hides inside a function, no module grows past 400 lines.

`make lint` runs `lint-imports` itself (every import, including those inside functions, must
respect the layers); these tests make sure the contract cannot silently leave an app out.
"""

import ast
import tomllib
from pathlib import Path

from django.conf import settings

import pytest

from core.apps import project_app_configs

ROOT = Path(settings.BASE_DIR)
PROJECT_PACKAGES = ("config", "core", "home", "resources", "community")
MAX_LINES = 400


def project_modules():
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def contracts():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def layer_modules(contract):
    containers = contract.get("containers") or [""]
    for layer in contract["layers"]:
        for name in layer.replace("|", ":").split(":"):
            for container in containers:
                yield f"{container}.{name.strip()}" if container else name.strip()


def test_every_app_of_the_project_is_named_in_a_layers_contract():
    named = {module for contract in contracts() for module in layer_modules(contract)}
    ours = [config.name for config in project_app_configs()]
    assert {"core", "core.taxonomy", "home", "community.members", "resources.search"} <= set(ours)
    missing = [name for name in ours if name not in named]
    assert not missing, f"apps absent from the import-linter layers: {missing}"


def test_the_top_contract_orders_the_layers_of_the_architecture():
    top = contracts()[0]
    assert top["type"] == "layers"
    assert top["layers"][0] == "config" and top["layers"][1] == "home" and top["layers"][-1] == "core"
    features = next(layer for layer in top["layers"] if "resources.guides" in layer)
    assert features.count("|") == 4, "features are independent siblings: they never import each other"


def function_level_project_imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["." * node.level]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith(".") or name.split(".")[0] in PROJECT_PACKAGES:
                    yield function.name, node.lineno, name


def test_no_project_import_inside_a_function_except_app_ready():
    found = []
    for path in project_modules():
        for function, line, name in function_level_project_imports(path):
            if path.name == "apps.py" and function == "ready":
                continue  # signals are connected once the app registry is ready
            found.append(f"{path.relative_to(ROOT)}:{line} {function}() imports {name}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("folder", [*PROJECT_PACKAGES, "tests", "bench"])
def test_no_python_file_over_400_lines(folder):
    too_long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts and (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not too_long, too_long


def test_page_models_import_no_view_module():
    """A routable page's route calls a function handed the page; page models never import views."""
    offenders = []
    for path in project_modules():
        if path.name == "models.py" or "models" in path.parent.parts[-1:]:
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                modules = []
                if isinstance(node, ast.ImportFrom):
                    modules = [node.module or ""] + [alias.name for alias in node.names]
                elif isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                if any(module == "views" or module.endswith(".views") for module in modules):
                    offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders
