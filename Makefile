# Our Say: two commands. `make run` starts the kiosk on the demo home; `make test` checks it all.
# Both set up what they need: a virtual environment from pinned versions, and Debian packages.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

# What the kiosk needs on a Debian machine: speech, Qt's X11/EGL libraries, a fallback font
# and colour emoji (a resident's "🍕" shows as a pizza on screen, not a box).
RUN_DEBS := espeak-ng libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core \
	fonts-noto-color-emoji
# And what the tests use: PDF to text and pictures, a virtual screen, sound measurements,
# CUPS with its PDF printer (tests/test_print_output.py prints through a real queue), and a
# PostgreSQL server (tests/helpers/postgres.py starts a private one on loopback).
TEST_DEBS := $(RUN_DEBS) poppler-utils xvfb xauth sox cups printer-driver-cups-pdf postgresql

.PHONY: help run test soak lint demo bench messages clean

help:
	@echo "make run    start the kiosk in a window on the demo home (sets everything up)"
	@echo "make test   lint, import rules and the whole test suite (sets everything up)"
	@echo "make demo   (re)seed the demo home only"
	@echo "make bench  run the benchmarks (and the soak, ~25 min); prints a table, writes bench-results.json"
	@echo "make soak   10,000 navigations and speech requests: memory, widgets, threads, files"
	@echo "make messages  extract words to translate and update every language's catalogue"
	@echo "make clean  remove the virtual environment and caches"

run: $(VENV)/.run-ready
	@scripts/ensure-debian-packages.sh $(RUN_DEBS)
	$(BIN)/kiosk --demo --windowed

test: $(VENV)/.test-ready
	@scripts/ensure-debian-packages.sh $(TEST_DEBS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup

# About six minutes on two cores, so it is kept out of make test; make bench runs it too.
soak: $(VENV)/.test-ready
	@scripts/ensure-debian-packages.sh $(TEST_DEBS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m soak -s tests/test_soak.py

lint: $(VENV)/.test-ready
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

demo: $(VENV)/.run-ready
	$(BIN)/kiosk demo-data

bench: $(VENV)/.test-ready
	@scripts/ensure-debian-packages.sh $(TEST_DEBS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench bench-results.json

# Keywords: words.gettext(...), words.ngettext(...), and N_(...) for words marked early.
messages: $(VENV)/.run-ready
	$(BIN)/pybabel extract --mapping babel.cfg --no-default-keywords --keyword gettext \
		--keyword ngettext:1,2 --keyword N_ --sort-by-file --no-location \
		--project "Our Say" --copyright-holder "Our Say developers" -o locales/kiosk.pot .
	for dir in locales/*/LC_MESSAGES; do \
		language=$$(basename $$(dirname $$dir)); \
		$(BIN)/pybabel update --domain kiosk --input-file locales/kiosk.pot --locale $$language \
			--output-file $$dir/kiosk.po --no-fuzzy-matching --ignore-obsolete; \
	done

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtual environment." \
		"On Debian: apt-get install python3-venv" >&2; exit 1; }

$(VENV)/.run-ready: $(BIN)/python pyproject.toml requirements/run.txt
	$(PIP) install --require-virtualenv -r requirements/run.txt
	$(PIP) install --require-virtualenv --no-deps --no-build-isolation \
		--config-settings editable_mode=compat -e .
	@touch $@

$(VENV)/.test-ready: $(VENV)/.run-ready requirements/test.txt
	$(PIP) install --require-virtualenv -r requirements/test.txt
	@touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache *.egg-info
