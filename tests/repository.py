"""The one definition of the repository's root for tests (``tests/`` is on ``sys.path``)."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
