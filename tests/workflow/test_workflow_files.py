"""The GitHub files that cannot run here, checked for what they must do: parsed, never trusted blindly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import edit
from repository import REPOSITORY
from tdcplan.feedback import ISSUE_FORM, TASK_FIELD, feedback_url
from tdcplan.load import load_data

WORKFLOWS = REPOSITORY / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(document: dict) -> dict:
    return document.get("on", document.get(True))  # PyYAML reads the key «on» as the boolean true


def steps(document: dict, job: str) -> list[dict]:
    return document["jobs"][job]["steps"]


def runs(document: dict, job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(document, job))


def uses(document: dict, job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(document, job) if "uses" in step]


def test_every_action_is_pinned_to_a_commit_with_its_version():
    found = 0
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*(?:- )?uses:\s*(\S+)\s*(#.*)?$", line)
            if not match or match.group(1).startswith("./"):
                continue
            found += 1
            assert PINNED.match(match.group(1)), f"{path.name}: {line.strip()} is not pinned to a commit SHA"
            assert match.group(2) and re.match(r"#\s*v\d+\.\d+\.\d+$", match.group(2)), (
                f"{path.name}: {line.strip()} lacks «# vX.Y.Z»"
            )
    assert found >= 7


def test_checks_validate_build_test_keep_the_site_and_summarise_the_diff():
    checks = workflow("checks.yml")
    assert "workflow_call" in triggers(checks)
    assert checks["permissions"] == {"contents": "read"}
    script = runs(checks, "checks")
    assert "scripts/validate.py --github" in script
    assert "make build" in script and "mkdocs build --strict" in (REPOSITORY / "Makefile").read_text(encoding="utf-8")
    assert "make test" in script
    assert re.search(r'scripts/diff_plan\.py --markdown "origin/\$BASE_REF" HEAD >> "\$GITHUB_STEP_SUMMARY"', script)
    assert uses(checks, "checks") == ["actions/checkout", "actions/cache", "actions/upload-artifact"]
    upload = next(
        step for step in steps(checks, "checks") if step.get("uses", "").startswith("actions/upload-artifact")
    )
    assert upload["with"]["name"] == "site" and upload["with"]["path"] == "site/"
    # The base branch reaches the script through the environment, never pasted into the shell line.
    assert "${{" not in script


def test_pull_requests_run_the_checks_with_their_base_branch():
    pr = workflow("pr.yml")
    assert "pull_request" in triggers(pr)
    assert pr["permissions"] == {"contents": "read"}
    assert pr["jobs"]["checks"]["uses"] == "./.github/workflows/checks.yml"
    assert pr["jobs"]["checks"]["with"]["base_ref"] == "${{ github.base_ref }}"


def test_publishing_needs_every_check_and_only_the_deploy_job_may_write_pages():
    deploy = workflow("deploy.yml")
    assert triggers(deploy)["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"]["group"] and deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["jobs"]["checks"]["uses"] == "./.github/workflows/checks.yml"
    job = deploy["jobs"]["deploy"]
    assert job["needs"] == "checks"
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert uses(deploy, "deploy") == [
        "actions/download-artifact",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert steps(deploy, "deploy")[0]["with"]["name"] == "site"  # the very site the checks built


def test_the_published_site_is_built_for_the_address_github_pages_reports():
    deploy = workflow("deploy.yml")
    address = deploy["jobs"]["address"]
    assert address["permissions"] == {"pages": "read"}
    assert uses(deploy, "address") == ["actions/configure-pages"]
    assert steps(deploy, "address")[0]["id"] == "pages"
    assert address["outputs"]["base_url"] == "${{ steps.pages.outputs.base_url }}"
    checks_call = deploy["jobs"]["checks"]
    assert checks_call["needs"] == "address"
    assert checks_call["with"]["site_url"] == "${{ needs.address.outputs.base_url }}"

    checks = workflow("checks.yml")
    assert triggers(checks)["workflow_call"]["inputs"]["site_url"] == {
        "description": triggers(checks)["workflow_call"]["inputs"]["site_url"]["description"],
        "type": "string",
        "default": "",
    }
    build = next(step for step in steps(checks, "checks") if step.get("run") == "make build")
    assert build["env"] == {
        "SITE_URL": "${{ inputs.site_url }}",
        "PUBLISH": "${{ inputs.site_url != '' && '1' || '' }}",
    }
    # Pull requests pass no address: their preview build keeps the loopback default.
    assert "site_url" not in workflow("pr.yml")["jobs"]["checks"].get("with", {})
    # The tests build their own sites, without the publishing settings.
    test_step = next(step for step in steps(checks, "checks") if step.get("run") == "make test")
    assert "env" not in test_step
    checkout = steps(checks, "checks")[0]
    assert checkout["with"]["fetch-depth"] == 0  # sitemap dates read the whole git history
    install = next(step for step in steps(checks, "checks") if "apt-get install" in step.get("run", ""))
    assert "fonts-dejavu-core" in install["run"]  # the link-preview images are drawn with it


def test_dependabot_watches_pip_npm_and_actions_weekly():
    config = yaml.safe_load((REPOSITORY / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    entries = {(u["package-ecosystem"], u["directory"]): u["schedule"]["interval"] for u in config["updates"]}
    assert entries == {("pip", "/"): "weekly", ("npm", "/tools"): "weekly", ("github-actions", "/"): "weekly"}
    assert (REPOSITORY / "tools" / "package.json").is_file()


def test_issue_form_has_the_fields_the_task_pages_fill():
    form = yaml.safe_load((REPOSITORY / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM).read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert list(fields) == [TASK_FIELD, "loai-gop-y", "noi-dung", "nguon"]
    assert [fields[i]["attributes"]["label"] for i in fields] == ["Nhiệm vụ", "Loại góp ý", "Nội dung", "Nguồn"]
    assert fields["loai-gop-y"]["type"] == "dropdown" and len(fields["loai-gop-y"]["attributes"]["options"]) >= 3


def test_feedback_url_prefills_the_form():
    task = load_data(REPOSITORY / "data", REPOSITORY).plans[0].task("2.đ")
    url = feedback_url("https://github.com/so/ke-hoach/", task, "nhiem-vu/2-dd/")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/so/ke-hoach/issues/new")
    assert not set(" ()<>\"'") & set(url)
    query = parse_qs(parts.query)
    assert query == {
        "template": [ISSUE_FORM],
        "title": ["Góp ý nhiệm vụ 2.đ (kế hoạch năm 2026)"],
        TASK_FIELD: ["Nhiệm vụ 2.đ (kế hoạch năm 2026) — /nhiem-vu/2-dd/"],
    }
    assert feedback_url("", task, "nhiem-vu/2-dd/") is None


def test_every_task_page_links_to_feedback(site_dir):
    page = (site_dir / "nhiem-vu" / "2-dd" / "index.html").read_text(encoding="utf-8")
    assert "/issues/new?template=bao-loi.yml&amp;title=" in page
    assert ">Báo lỗi / góp ý</a>" in page


# --- tools that do run here ------------------------------------------------------------------


def yamllint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", str(REPOSITORY / ".yamllint.yml"), *map(str, paths)],
        capture_output=True,
        text=True,
    )


@pytest.mark.build  # runs make build (refused before anything is built)
@pytest.mark.parametrize(
    ("arguments", "environment", "says"),
    [
        (["PUBLISH=1", "SITE_URL=http://10.0.0.5/"], {}, "10.0.0.5 is a private address"),
        ([], {"PUBLISH": "1"}, "SITE_URL is not set"),
    ],
)
def test_make_build_passes_publish_and_site_url_to_the_build(tmp_path, arguments, environment, says):
    """A refused publishing build proves the settings reached MkDocs; it writes nothing, so it runs in place."""
    env = {key: value for key, value in os.environ.items() if key not in ("PUBLISH", "SITE_URL", "MAKEFLAGS")}
    result = subprocess.run(
        ["make", "-s", "build", *arguments],
        cwd=REPOSITORY,
        env=env | environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert says in result.stdout + result.stderr


def test_yamllint_passes_on_data_and_github_files():
    result = yamllint(
        REPOSITORY / "data",
        REPOSITORY / ".github",
        REPOSITORY / ".pre-commit-config.yaml",
        REPOSITORY / "tests" / "fixtures",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_catches_a_broken_file(tmp_path):
    shutil.copytree(REPOSITORY / "data", tmp_path / "data")
    edit(tmp_path / "data" / "plans" / "2026" / "status.yml", "reports: []", "reports: []\nreports: []")
    result = yamllint(tmp_path / "data")
    assert result.returncode == 1 and "duplication of key" in result.stdout


def test_validator_annotates_a_pull_request_on_the_faulty_line(tmp_path):
    shutil.copytree(REPOSITORY / "data", tmp_path / "data")
    edit(tmp_path / "data" / "plans" / "2026" / "plan.yml", "schedule: Quý IV/2026", "schedule: Quý 4/2026")
    line = next(
        i
        for i, text in enumerate((tmp_path / "data/plans/2026/plan.yml").read_text(encoding="utf-8").splitlines(), 1)
        if "Quý 4/2026" in text
    )
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "scripts" / "validate.py"), "data", "--github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"::error file=data/plans/2026/plan.yml,line={line}::task 2.a: " in result.stdout


def test_pre_commit_runs_yamllint_and_the_validator():
    config = yaml.safe_load((REPOSITORY / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    repos = {repo["repo"]: repo for repo in config["repos"]}
    lint = repos["https://github.com/adrienverge/yamllint"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", lint["rev"]) and lint["hooks"][0]["id"] == "yamllint"
    requirement = next(
        line for line in (REPOSITORY / "requirements.txt").read_text().splitlines() if line.startswith("yamllint==")
    )
    assert requirement == f"yamllint=={lint['rev'][1:]}", "pre-commit and requirements.txt pin the same yamllint"
    local = repos["local"]["hooks"][0]
    assert "scripts/validate.py" in local["entry"] and local["pass_filenames"] is False
