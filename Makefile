# Two commands are all the set-up a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LIGHTHOUSE := tools/lighthouse/node_modules/.installed

.PHONY: run test system-packages lint typecheck format bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# npm's Lighthouse audits the pages in the browser tests (npm is in the system-packages list).
$(LIGHTHOUSE): tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
	touch $(LIGHTHOUSE)

run: $(STAMP)
	$(BIN)/sicoach serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# Debian packages the tests need: installed when run as root with apt-get, else one line
# saying what to install (scripts/system_packages.py keeps the list).
system-packages:
	$(PYTHON) scripts/system_packages.py

test: system-packages lint typecheck $(LIGHTHOUSE)
	$(BIN)/pytest -n 2 --dist loadgroup --durations=25

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

bench: $(STAMP) $(LIGHTHOUSE)
	$(BIN)/pip install --quiet -e '.[bench]'
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) tools/lighthouse/node_modules .pytest_cache .ruff_cache .mypy_cache build src/*.egg-info
