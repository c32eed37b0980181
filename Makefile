# ATMP cluster dashboard. `make run` serves it; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8050
export PORT

.PHONY: run serve test fast lint lock browser nginx office clean sample check-data bench plotly-bundle

# Serve the dashboard on http://127.0.0.1:$(PORT) with gunicorn and the published data.
run: $(VENV)/.installed
	@$(BIN)/atmp settings >/dev/null
	$(BIN)/gunicorn app:server --config gunicorn.conf.py --bind 127.0.0.1:$(PORT)

# As in production: nginx on $(PORT) in front of the gunicorn workers (docs/deployment.md).
serve: $(VENV)/.installed nginx
	@$(BIN)/atmp settings >/dev/null
	$(BIN)/python deploy/serve.py

# Run every test: lint, unit tests and browser tests in headless Chromium.
# The fast tier first, on every core; then the tests with browsers and processes, one at a
# time (they take ports and time).
test: $(VENV)/.installed browser nginx office
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto -m "not browser and not server"
	$(BIN)/pytest -m "browser or server"

# The fast tier: no browser, no app in other processes, on every core (under a minute).
fast: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto -m "not browser and not server"

# Lint and format check only (`.venv/bin/ruff format .` formats).
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Benchmarks of docs/performance.md (about 11 minutes); ARGS=--quick for a short look.
bench: $(VENV)/.installed browser nginx
	$(BIN)/python -m bench $(ARGS)

# Write synthetic data (not real figures) to sample-data/; ARGS='--seed 3 --trials 100000'.
sample: $(VENV)/.installed
	$(BIN)/atmp sample sample-data $(ARGS)

# Check a data folder as the app does at start-up: `make check-data DIR=path/to/folder`.
check-data: $(VENV)/.installed
	$(BIN)/atmp check-data $(or $(DIR),data)

# Rebuild assets/05-plotly-<version>-atmp.min.js, plotly.js with only the trace types the
# dashboard draws, and assets/01-regenerator-runtime-<version>.min.js, from the versions
# locked in plotly-bundle/package-lock.json (npm ci).
plotly-bundle:
	cd plotly-bundle && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

# Debian's Chromium and its driver for the browser tests, installed when missing.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

# Debian's LibreOffice Impress: the tests open the deck's PowerPoint file in it (to PDF).
office:
	@command -v soffice >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     --no-install-recommends libreoffice-impress)

# Debian's nginx (and its brotli module) for `make serve` and its tests, installed when missing.
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	     nginx libnginx-mod-http-brotli-filter)

# The virtual environment, remade when pyproject.toml or requirements.lock changes;
# every package, transitive ones too, at the version the lock names.
$(VENV)/.installed: pyproject.toml requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

# Rewrite requirements.lock from a fresh venv of pyproject.toml (runtime and test extras):
# run it after changing a dependency there.
lock:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --upgrade pip
	$(VENV)-lock/bin/python -m pip install --quiet -e '.[test]'
	{ echo '# Every package of `pip install -e ".[test]"`, pinned; written by `make lock`.'; \
	  $(VENV)-lock/bin/python -m pip freeze --exclude-editable; } > $(VENV)-lock/requirements.lock
	mv $(VENV)-lock/requirements.lock requirements.lock
	rm -rf $(VENV)-lock

# Remove the virtual environment and caches.
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
