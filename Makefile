# Set-up and checks of the 2026 TĐC plan site.
#
#   make serve   install the Python dependencies and Pagefind (once per change
#                of requirements.txt / pyproject.toml / tools/pagefind/) and
#                preview the site at http://127.0.0.1:8000/
#   make build   build the site into site/ with --strict (PUBLISH=1 and
#                SITE_URL=https://… from the environment or the command line:
#                a publishing build refuses a local address)
#   make test    install the Python dependencies, Pagefind and the test tools
#                (Debian chromium and fonts-dejavu-core, npm vnu-jar and lighthouse into .tools/,
#                checks java), then run pytest
#   make test-fast  the tests that need no browser and no site build
#                (unit, data and workflow tests; under a minute, no test tools
#                but Pagefind)
#   make lint    ruff check and ruff format --check
#   make audit   Lighthouse scores of the home page and a task page
#   make clean   remove site/, test-artifacts/, the build cache .cache/ and the install stamps
#
# Every step that installs something is guarded by a stamp file, so running a
# target again only reinstalls what changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed-requirements
TOOLS := .tools
TOOLS_STAMP := $(TOOLS)/.installed-package-lock
# Pagefind, the search's indexer, from npm into the virtual environment: the build runs the
# binary linked at $(PAGEFIND) (tdcplan.search_index.pagefind_executable).
PAGEFIND_DIR := $(VENV)/pagefind
PAGEFIND_STAMP := $(PAGEFIND_DIR)/.installed-package-lock
PAGEFIND := $(VENV)/bin/pagefind
CHROMIUM := /usr/bin/chromium
# The link-preview images are drawn in DejaVu Sans (Vietnamese glyphs), from Debian's fonts-dejavu-core.
PREVIEW_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build test test-fast lint audit python-deps test-tools chromium fonts java node debian-npm clean

help:
	@sed -n '3,17p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- Python ---

$(PY):
	$(PYTHON) -m venv $(VENV)

$(PY_STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

# Pagefind comes from npm: its newest release on PyPI is 1.5.2, whose ranking walks every
# matching word of every matching page for each result (slow for broad queries; README,
# "Performance"). The binary is the one Pagefind's own resolver picks for this platform.
$(PAGEFIND_STAMP): tools/pagefind/package.json tools/pagefind/package-lock.json | $(PY) node
	mkdir -p $(PAGEFIND_DIR)
	cp tools/pagefind/package.json tools/pagefind/package-lock.json $(PAGEFIND_DIR)/
	npm ci --prefix $(PAGEFIND_DIR) --ignore-scripts --no-audit --no-fund --loglevel=error
	ln -sf "$$(cd $(PAGEFIND_DIR) && node --input-type=module -e \
	  'import { resolveBinaryPath } from "./node_modules/pagefind/lib/resolveBinary.js"; \
	   console.log(resolveBinaryPath(["pagefind_extended", "pagefind"]))')" $(PAGEFIND)
	$(PAGEFIND) --version
	touch $@

python-deps: $(PY_STAMP) $(PAGEFIND_STAMP)

serve: python-deps fonts
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

# SITE_URL and PUBLISH reach MkDocs through the environment (make exports
# variables given on its command line too): mkdocs.yml reads SITE_URL with !ENV.
build: python-deps fonts
	$(PY) -m mkdocs build --strict

# A Debian package installed when a file it provides is missing (as root, or with sudo);
# a clear error when this user or this system cannot. $(call debian_package,TEST,FILE,PACKAGE,WHY):
# TEST is the test(1) flag that FILE must pass (-f, -x).
define debian_package
	@if [ ! $(1) $(2) ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "error: $(2) is missing and this user cannot install it." >&2; \
	       echo "       Install it as root: apt-get update && apt-get install -y $(3)" >&2; exit 1; fi; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "error: $(2) is missing and apt-get is not available." >&2; \
	    echo "       Install Debian's $(3) package (apt-get install -y $(3)) so that $(2) exists." >&2; exit 1; fi; \
	  echo "Installing Debian $(3) ($(4))..."; \
	  $$sudo apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $(3) >/dev/null; \
	fi
endef

fonts:
	$(call debian_package,-f,$(PREVIEW_FONT),fonts-dejavu-core,the link-preview images are drawn with it)

# ------------------------------------------------------------ test tools ---

chromium:
	$(call debian_package,-x,$(CHROMIUM),chromium,needed by the browser tests)
	@$(CHROMIUM) --version >/dev/null 2>&1 || { echo "error: $(CHROMIUM) does not run; reinstall it: apt-get install --reinstall -y chromium" >&2; exit 1; }

java:
	@command -v java >/dev/null 2>&1 || { echo "error: java is missing (the Nu HTML Checker needs Java 11 or newer)." >&2; \
	  echo "       Install it: apt-get install -y default-jre-headless" >&2; exit 1; }
	@v=$$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1); \
	if [ -z "$$v" ] || [ "$$v" -lt 11 ]; then \
	  echo "error: java $$v is too old for the Nu HTML Checker (11 or newer needed)." >&2; \
	  echo "       Install it: apt-get install -y default-jre-headless" >&2; exit 1; fi

# Node.js and npm install Pagefind (into $(PAGEFIND_DIR)/) and the test tools (into $(TOOLS)/):
# Debian's nodejs and npm when npm is missing.
node:
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory debian-npm
	@v=$$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0); \
	if [ "$$v" -lt 18 ]; then echo "error: Node.js $$v is too old for Pagefind's installer and lighthouse 12 (18.16 or newer needed)." >&2; exit 1; fi

debian-npm:
	$(call debian_package,-x,/usr/bin/npm,nodejs npm,Pagefind and the test tools are installed with npm)

# vnu-jar's postinstall script would download a JDK; the jar itself is in the
# package, and java comes from the system, hence --ignore-scripts.
$(TOOLS_STAMP): tools/package.json tools/package-lock.json | node
	mkdir -p $(TOOLS)
	cp tools/package.json tools/package-lock.json $(TOOLS)/
	npm ci --prefix $(TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error
	test -f $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
	test -x $(TOOLS)/node_modules/.bin/lighthouse
	touch $@

test-tools: chromium fonts java $(TOOLS_STAMP)

# ------------------------------------------------------------------ tests ---

# ruff: the linter and the formatter (settings in pyproject.toml).
lint: $(PY_STAMP)
	$(VENV)/bin/ruff check hooks scripts tests
	$(VENV)/bin/ruff format --check hooks scripts tests

# pytest's exit code 5 means it collected no test: that is a failure here.
test: python-deps test-tools lint
	@rc=0; $(PY) -m pytest || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests; that is a failure." >&2; fi; \
	exit $$rc

# Markers in pyproject.toml; the property tests run Hypothesis' "fast" profile (tests/conftest.py).
test-fast: python-deps fonts
	$(PY) -m pytest -q -m "not browser and not build" --hypothesis-profile=fast

audit: python-deps test-tools
	$(PY) scripts/audit.py

clean:
	rm -rf site test-artifacts .cache $(PY_STAMP) $(PAGEFIND_STAMP) $(TOOLS_STAMP)
