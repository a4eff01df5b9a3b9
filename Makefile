# Two commands do all set-up on a fresh machine:
#   make run SNAPSHOT=../shared/snapshot   build the store (offline) and serve the dashboard
#   make test                              install everything and run every test
# Without SNAPSHOT, `make run` fetches live from CBS and PDOK.

PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
SNAPSHOT ?=
STORE    ?= cache/store
HOST     ?= 127.0.0.1
PORT     ?= 8050
WORKERS  ?= 2
GEMEENTE ?= GM0599
TEST_SNAPSHOT ?= ../shared/snapshot
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build serve test install chromium lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Debian's chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

build: install
	$(BIN)/python -m dashboard build $(if $(SNAPSHOT),--snapshot $(SNAPSHOT)) \
	  --gemeente $(GEMEENTE) --out $(STORE)

# Builds the store when there is none yet (or when SNAPSHOT is given), then serves it.
run: install
	@if [ -n "$(SNAPSHOT)" ] || [ ! -f $(STORE)/manifest.json ]; then $(MAKE) --no-print-directory build; fi
	DASHBOARD_STORE=$(STORE) $(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) \
	  --access-logfile - app:server

test: install chromium
	$(BIN)/ruff check .
	DASHBOARD_SNAPSHOT=$(abspath $(TEST_SNAPSHOT)) $(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) cache .pytest_cache .ruff_cache
