"""Unit tests: modules of ``tdcplan`` called directly on a small plan made in code (no MkDocs, no browser)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # small_plan
