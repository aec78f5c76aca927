"""CONTRIBUTING.md: its data examples are valid data, and its glossary names every key the loader reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from repository import REPOSITORY
from tdcplan.fields import FieldReader
from tdcplan.load import load_data

GUIDE = REPOSITORY / "CONTRIBUTING.md"
EXAMPLE = re.compile(r"^```yaml example=(\w+)\n(.*?)^```$", re.S | re.M)
# example kind -> (file under data/, top-level key, the keys that identify an entry)
TARGETS = {
    "status": ("plans/2026/status.yml", "reports", ("task", "as_of")),
    "corrections": ("plans/2026/corrections.yml", "corrections", ("task", "field", "original")),
    "units": ("units.yml", "units", ("id",)),
    "references": ("references.yml", "references", ("id",)),
}


def examples() -> dict[str, object]:
    found = {kind: yaml.safe_load(text) for kind, text in EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))}
    assert found, "CONTRIBUTING.md has no ```yaml example=… block"
    return found


def test_every_yaml_block_is_a_checked_example():
    text = GUIDE.read_text(encoding="utf-8")
    assert len(re.findall(r"^```yaml", text, re.M)) == len(EXAMPLE.findall(text))
    assert set(examples()) == set(TARGETS) | {"task"}


def splice(data: Path, kind: str, example: object) -> None:
    """Put the example's entries into the data file it is for, replacing an entry with the same identity."""
    if kind == "task":
        path = data / "plans" / "2026" / "plan.yml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["groups"][0]["tasks"][0] = example[0]  # the example is task 1.a's shape
    else:
        name, key, identity = TARGETS[kind]
        path = data / name
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = document[key] or []
        for entry in example[key]:
            same = [i for i, old in enumerate(entries) if all(old.get(k) == entry.get(k) for k in identity)]
            if same:
                entries[same[0]] = entry
            else:
                entries.append(entry)
        document[key] = entries
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(set(TARGETS) | {"task"}))
def test_example_is_valid_data(kind, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPOSITORY / "data", data)
    example = examples()[kind]
    splice(data, kind, example)
    loaded = load_data(data, tmp_path)  # raises PlanDataError, with every problem, if the example is wrong
    plan = loaded.plans[0]
    if kind == "status":
        assert plan.task("2.đ").status_label == "Đang thực hiện"
    elif kind == "corrections":
        assert any(c.corrected == "năng suất" for c in plan.task("2.d").corrections)
    elif kind == "units":
        assert loaded.units["so-cong-thuong"].aliases
    elif kind == "references":
        assert loaded.references["nghi-dinh-vi-du-2026"].mentions
    else:
        assert plan.task("1.a").schedule.quarters == (1, 2, 3)


def loader_keys(monkeypatch: pytest.MonkeyPatch, data: Path) -> set[str]:
    """Every key the loader asks for (required and optional) while it reads the data with every example in."""
    shutil.copytree(REPOSITORY / "data", data)
    for kind, example in examples().items():
        splice(data, kind, example)
    keys: set[str] = set()
    mapping = FieldReader.mapping

    def recording(self, value, line, what, required, optional=()):
        keys.update(required, optional)
        return mapping(self, value, line, what, required, optional)

    monkeypatch.setattr(FieldReader, "mapping", recording)
    load_data(data, root=data.parent)
    return keys


def test_glossary_names_every_key_the_loader_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    keys = loader_keys(monkeypatch, tmp_path / "data")
    assert {"units", "references", "plan", "groups", "mentions", "issued_with", "as_of", "recorded"} <= keys
    glossary = GUIDE.read_text(encoding="utf-8").split("## 11.")[1]
    missing = sorted(key for key in keys if not re.search(rf"`(?:[\w\[\]]+\.)?{key}`", glossary))
    assert not missing, f"keys missing from the glossary of CONTRIBUTING.md: {missing}"
