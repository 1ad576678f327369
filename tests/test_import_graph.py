"""The ui package's modules import one another without a circle, at the top of the file or inside a function."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ui_imports(path: Path) -> set[str]:
    """The ui modules a file imports anywhere in it ('ui.state', 'ui.render', ...)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "ui":
            found |= {f"ui.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ui."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("ui.")}
    return found


def test_ui_has_no_import_circle():
    graph = {f"ui.{p.stem}": ui_imports(p) for p in (ROOT / "ui").glob("*.py") if p.stem != "__init__"}
    done, path = set(), []

    def visit(module):
        assert module not in path, " -> ".join(path[path.index(module):] + [module])
        if module in done:
            return
        path.append(module)
        for other in sorted(graph.get(module, ())):
            visit(other)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
