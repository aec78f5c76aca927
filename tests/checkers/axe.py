"""axe-core (through axe-playwright-python): WCAG 2.x A and AA violations of a page."""

from __future__ import annotations

from dataclasses import dataclass

# WCAG 2.0/2.1/2.2 A and AA rules of axe-core...
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# ...plus best-practice rules that Material's default output is known to
# break (see the design notes), so that they stay fixed.
AXE_EXTRA_RULES = ["aria-dialog-name"]


@dataclass(frozen=True)
class AxeViolation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) {self.help} -> {', '.join(self.targets)}"


def axe_violations(page, label: str | None = None, *, whole_page: bool = True) -> list[AxeViolation]:
    """Run axe-core on the page as it is now; WCAG 2.x A/AA rules (plus
    AXE_EXTRA_RULES).

    axe can only judge the colour contrast of what is inside the viewport
    (elsewhere it answers "needs review", not "violation"), so with
    ``whole_page`` the viewport is made as tall as the page for the run.
    """
    from axe_playwright_python.sync_playwright import Axe

    size = page.viewport_size
    if whole_page and size:
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 20000))})
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES},
            "resultTypes": ["violations"],
        },
    )
    if whole_page and size:
        page.set_viewport_size(size)
    label = label or page.url
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            found.append(
                AxeViolation(
                    page=label,
                    rule=violation["id"],
                    impact=violation.get("impact") or "",
                    help=violation["help"],
                    targets=tuple(str(t) for t in node["target"]),
                )
            )
    return found


def summarize_axe(violations: list[AxeViolation]) -> str:
    """One line per rule and target, with the pages where it occurs."""
    groups: dict[tuple, list[str]] = {}
    for v in violations:
        groups.setdefault((v.rule, v.impact, v.help, ", ".join(v.targets)), []).append(v.page)
    lines = []
    for (rule, impact, help_, target), pages in sorted(groups.items()):
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
        lines.append(f"{rule} ({impact}) {help_} -> {target}  on {len(pages)} page(s): {shown}")
    return "\n".join(lines)


# ------------------------------------------------------------------- vnu ---
