"""The one definition of the repository's root for tests (``tests/`` is on ``sys.path``), and its scripts as modules."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPOSITORY = Path(__file__).resolve().parents[1]


def script_module(name: str) -> ModuleType:
    """``scripts/<name>.py`` imported as a module (once; scripts/ is no package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPOSITORY / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # before running it: dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]
