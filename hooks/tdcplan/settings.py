"""The hook's settings, declared once with MkDocs' ``config_options`` (as Material's blog plugin does).

They are read from ``extra:`` in ``mkdocs.yml``, where maintainers edit the site::

    extra:
      data_dir: data        # the data directory, relative to mkdocs.yml (default: data)
      primary_plan: 2026    # the plan whose pages sit at the site root (default: the oldest plan)
      branch: main          # the branch that «xem tệp trên kho mã nguồn» links show (default: main)
      publisher_id: skhcn.hochiminhcity.gov.vn   # required: a domain name the publisher owns; it names
                            # feed ids and calendar UIDs (never the host serving the site)

Other keys of ``extra`` belong to the theme and are left alone. Each problem is
one sentence (:class:`SettingsError`); the hook stops the build with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .identifiers import Identifiers


class _Typed(c.Type):
    """A setting of one type, whose error says in words what was expected and what was found."""

    def __init__(self, type_: type, expected: str, default: object = None) -> None:
        super().__init__(type_, default=default)
        self.expected = expected

    def run_validation(self, value: object) -> object:
        if not isinstance(value, self._type) or isinstance(value, bool):
            raise ValidationError(f"must be {self.expected}, found «{value}»")
        return value


class PlanSiteConfig(Config):
    """The settings' schema: names, types and defaults."""

    data_dir = _Typed(str, "a folder name such as «data»", default="data")
    primary_plan = c.Optional(_Typed(int, "a plan's year such as 2026"))
    branch = _Typed(str, "a branch name such as «main»", default="main")
    publisher_id = c.Optional(_Typed(str, "a domain name the publisher owns, such as «skhcn.hochiminhcity.gov.vn»"))


SETTING_NAMES = tuple(name for name, _ in PlanSiteConfig._schema)


class SettingsError(ValueError):
    """Settings that cannot be used; each problem is one sentence."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class PlanSiteSettings:
    """The validated settings."""

    data_dir: Path  # absolute
    primary_plan: int | None  # None: the oldest plan
    branch: str
    ids: Identifiers  # from publisher_id

    def primary_year(self, years: Iterable[int]) -> int:
        """The primary plan's year among the plans that exist; :class:`SettingsError` if it is not one of them."""
        years = sorted(years)
        if self.primary_plan is None:
            return years[0]
        if self.primary_plan not in years:
            listed = ", ".join(str(year) for year in years)
            raise SettingsError(
                [
                    f"extra.primary_plan in mkdocs.yml is {self.primary_plan}, but no plan of that year exists (plans: {listed})."
                ]
            )
        return self.primary_plan


def read_settings(extra: Mapping[str, object], root: Path) -> PlanSiteSettings:
    """Validate the hook's settings in ``extra`` (paths relative to ``root``, the folder of mkdocs.yml)."""
    config = PlanSiteConfig()
    config.load_dict({name: extra[name] for name in SETTING_NAMES if name in extra})
    failed, _ = config.validate()
    if failed:
        raise SettingsError([f"extra.{name} in mkdocs.yml {error}." for name, error in failed])
    data_dir = root / config.data_dir
    if not data_dir.is_dir():
        raise SettingsError(
            [f"extra.data_dir in mkdocs.yml is «{config.data_dir}», which is not a folder beside mkdocs.yml."]
        )
    if config.publisher_id is None:
        raise SettingsError(
            [
                "extra.publisher_id in mkdocs.yml is missing: set it once to a domain name the publisher owns, "
                "such as «skhcn.hochiminhcity.gov.vn» (feed ids and calendar UIDs are named after it)."
            ]
        )
    try:
        ids = Identifiers(config.publisher_id)
    except ValueError:
        raise SettingsError(
            [
                f"extra.publisher_id in mkdocs.yml is «{config.publisher_id}», which is not a domain name "
                "such as «skhcn.hochiminhcity.gov.vn»."
            ]
        ) from None
    return PlanSiteSettings(data_dir, config.primary_plan, config.branch, ids)
