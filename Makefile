# Two commands do all set-up on a fresh machine:
#   make run SNAPSHOT=../shared/snapshot   build the store (offline) and serve the dashboard
#   make test                              install everything and run every test
#                                          (Debian chromium and postgresql via apt-get)
#   make bench / make load                 benchmarks and a load test on loopback
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
USERS    ?= 50,200
THINK    ?= 3,0
RAMP     ?= 10
DURATION ?= 60
BENCH_ARGS ?=
LOAD_ARGS ?=
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The session secret of `make run`: made once for a newcomer, kept, git-ignored.
SECRET_FILE ?= .secret_key

.PHONY: run build serve test install chromium pdflibs postgresql lint clean bench load precompress \
  plotly

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

# The explorer's partial plotly.js bundle (frontend/plotly: the trace types the dashboard
# draws), built with Debian's Node.js from the npm packages pinned in its package-lock.json;
# the app serves it in place of Plotly's full bundle (dashboard/web/delivery.py).
PLOTLY_JS := cache/plotly/plotly.min.js
$(PLOTLY_JS): frontend/plotly/package.json frontend/plotly/package-lock.json \
              frontend/plotly/explorer.js frontend/plotly/build.js
	@command -v npm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix frontend/plotly --no-audit --no-fund --loglevel=error
	node frontend/plotly/build.js cache/plotly/building.min.js
	mv cache/plotly/building.min.js $@

plotly: $(PLOTLY_JS)

# Package JavaScript (Plotly) brotli-compressed once at the strongest level.
precompress: install plotly $(SECRET_FILE)
	DASHBOARD_SECRET_KEY="$${DASHBOARD_SECRET_KEY:-$$(cat $(SECRET_FILE))}" $(BIN)/python app.py precompress

# WeasyPrint (the profile as PDF) needs Pango, HarfBuzz's subsetter and a font from Debian.
pdflibs:
	@ldconfig -p | grep -q libpangoft2-1.0.so.0 && ldconfig -p | grep -q libharfbuzz-subset.so.0 \
	  && fc-list 2>/dev/null | grep -qi dejavu || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpango-1.0-0 \
	    libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null; }

# Debian's PostgreSQL server: the database tests start a throwaway one of their own
# (tests/databases.py), as SQLite's twin; nothing is configured system-wide.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql >/dev/null; }

$(SECRET_FILE):
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(48))' > $@
	@echo "made a session secret in $@ (git-ignored; keep it, share it between instances)"

build: install
	$(BIN)/python -m dashboard build $(if $(SNAPSHOT),--snapshot $(SNAPSHOT)) \
	  --gemeente $(GEMEENTE) --out $(STORE)

# Builds the store when there is none yet (or when SNAPSHOT is given), then serves it.
run: install precompress pdflibs $(SECRET_FILE)
	@if [ -n "$(SNAPSHOT)" ] || [ ! -f $(STORE)/manifest.json ]; then $(MAKE) --no-print-directory build; fi
	DASHBOARD_STORE=$(STORE) DASHBOARD_SECRET_KEY="$${DASHBOARD_SECRET_KEY:-$$(cat $(SECRET_FILE))}" $(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) \
	  --access-logfile - app:server

test: install chromium pdflibs postgresql plotly
	$(BIN)/ruff check .
	DASHBOARD_SNAPSHOT=$(abspath $(TEST_SNAPSHOT)) $(BIN)/python -m pytest -q

# Speed and memory at Rotterdam scale (cold build from the snapshot) and national scale (a
# generated SYNTHETIC store in cache/bench), against gunicorn with 2 workers on 127.0.0.1;
# prints tables and writes JSON to bench-results/ (e.g. BENCH_ARGS="--repeat 50").
bench: install chromium precompress
	$(BIN)/python -m bench.run --snapshot $(abspath $(or $(SNAPSHOT),$(TEST_SNAPSHOT))) $(BENCH_ARGS)

# USERS simulated users for DURATION seconds against gunicorn on 127.0.0.1, once per THINK
# (seconds a user pauses between interactions; 0: a stress test) and RAMP (seconds over
# which the users arrive; RAMP=10,0 also runs every page opened at once); each run stops
# by itself.
load: install precompress
	@if [ ! -f $(STORE)/manifest.json ]; then \
	  $(MAKE) --no-print-directory build SNAPSHOT=$(or $(SNAPSHOT),$(TEST_SNAPSHOT)); fi
	$(BIN)/python -m bench.load --store $(STORE) --users $(USERS) --think $(THINK) --ramp $(RAMP) \
	  --duration $(DURATION) --workers $(WORKERS) $(LOAD_ARGS)

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) cache .pytest_cache .ruff_cache
