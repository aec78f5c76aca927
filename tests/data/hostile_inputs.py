"""Hostile data files, as a pull request could bring them (shared by tests and the benchmark)."""

from __future__ import annotations


def billion_laughs(levels: int = 12, width: int = 9) -> str:
    """A status file whose aliases, built out, would hold ``width ** levels`` values (about 18 KB of text)."""
    lines = ["reports: []", f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def deep_nesting(depth: int = 1000, flow: bool = True) -> str:
    """A status file nested ``depth`` levels deep: ``[[[…]]]`` or indented block mappings."""
    if flow:
        return "reports: " + "[" * depth + "]" * depth + "\n"
    return "reports:\n" + "".join("  " * level + f"k{level}:\n" for level in range(1, depth)) + "  " * depth + "x\n"


def huge_file(size: int = 3_000_000) -> str:
    """A syntactically plain status file larger than any plan data file."""
    return "reports: []\n# " + "x" * size + "\n"


def many_values(count: int = 70_000) -> str:
    """A status file of ``count`` one-letter list items (4 bytes each: small, but many values to build)."""
    return "reports:\n" + "- x\n" * count
