# vendorgraph: all set-up happens here. Needs only Python 3.11+ on the PATH.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast venv bench clean lab

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,report,notebooks]'
	touch $(STAMP)

venv: $(STAMP)

## Ingest the bundled samples, write the graph page and the usa-paths table to out/.
demo: $(STAMP)
	$(BIN)/vendorgraph demo --out out

## Run the whole test suite (what .ci/run runs).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Tests without the slow ones (packaging, browser, notebooks, Virtuoso).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --sizes 100

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) out .vendorgraph build dist
