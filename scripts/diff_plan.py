#!/usr/bin/env python3
"""Say in Vietnamese what changed in the plan data between two git versions.

Usage: python scripts/diff_plan.py OLD_REF NEW_REF [--data data] [--markdown]

OLD_REF and NEW_REF are anything git understands (a branch such as
origin/main, a commit, HEAD). The data directory is read at both versions
(git archive), loaded and validated, and compared task by task and field by
field. --markdown writes Markdown for a pull request's job summary.

Exit status 0 with the list of changes (or «Không có thay đổi về nội dung kế
hoạch.»); 2 with a one-line reason when a version cannot be read or its data
is not valid.
"""

from __future__ import annotations

import argparse
import io
import signal
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

try:
    from tdcplan.load import PlanData, load_data
    from tdcplan.plan_diff import diff_plan_data, format_changes
    from tdcplan.problems import PlanDataError
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")


class VersionError(Exception):
    """A version of the data cannot be read or is not valid; the message says why, in Vietnamese."""


def git(*args: str, cwd: Path, binary: bool = False) -> str | bytes:
    """Run git; raise VersionError with git's own message when it fails."""
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=not binary)
    if result.returncode != 0:
        stderr = result.stderr.decode(errors="replace") if binary else result.stderr
        raise VersionError(stderr.strip().splitlines()[-1] if stderr.strip() else f"git {' '.join(args)} failed")
    return result.stdout


def load_version(repository: Path, ref: str, data: str, scratch: Path) -> PlanData:
    """The data directory as it is at ``ref``, extracted into ``scratch`` and loaded."""
    try:
        commit = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=repository).strip()
    except VersionError:
        raise VersionError(f"không tìm thấy phiên bản «{ref}» trong kho git") from None
    try:
        archive = git("archive", "--format=tar", commit, "--", data, cwd=repository, binary=True)
    except VersionError:
        raise VersionError(f"phiên bản «{ref}» không có thư mục «{data}»") from None
    root = scratch / commit
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(root, filter="data")  # refuses links out of the folder, devices, absolute paths
    except tarfile.FilterError as error:
        name = error.tarinfo.name if error.tarinfo else data
        raise VersionError(
            f"phiên bản «{ref}» có «{name}» là liên kết ra ngoài thư mục dữ liệu hoặc tệp đặc biệt; "
            "dữ liệu chỉ gồm các tệp thường"
        ) from None
    except (tarfile.TarError, OSError) as error:
        raise VersionError(f"không đọc được thư mục «{data}» ở phiên bản «{ref}»: {error}") from None
    try:
        return load_data(root / PurePosixPath(data), root=root)
    except PlanDataError as error:
        problems = "\n".join(f"  {problem}" for problem in error.problems)
        raise VersionError(f"dữ liệu ở phiên bản «{ref}» không hợp lệ:\n{problems}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_ref", help="the version before, e.g. origin/main")
    parser.add_argument("new_ref", help="the version after, e.g. HEAD")
    parser.add_argument(
        "--data", default="data", help="the data directory, relative to the repository root (default: data)"
    )
    parser.add_argument("--markdown", action="store_true", help="write Markdown (for $GITHUB_STEP_SUMMARY)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `diff_plan.py … | head` ends quietly
    try:
        try:
            repository = Path(git("rev-parse", "--show-toplevel", cwd=Path.cwd()).strip())
        except VersionError:
            raise VersionError(f"thư mục {Path.cwd()} không nằm trong một kho git") from None
        with tempfile.TemporaryDirectory(prefix="diff-plan-") as scratch:
            old = load_version(repository, args.old_ref, args.data, Path(scratch))
            new = load_version(repository, args.new_ref, args.data, Path(scratch))
    except VersionError as error:
        print(f"diff_plan: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(format_changes(diff_plan_data(old, new), markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
