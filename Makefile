# The two set-up commands (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB := out/demo.duckdb

.PHONY: demo test venv models bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/sitrep run examples/articles --db $(DB)
	$(BIN)/sitrep show --db $(DB) 000_4f3246a8c156d27a
	$(BIN)/sitrep export --db $(DB) --format csv --out out/events.csv
	$(BIN)/sitrep export --db $(DB) --format geojson --out out/events.geojson
	$(BIN)/sitrep export --db $(DB) --format jsonl --out out/documents.jsonl
	@echo "output: $(DB), out/events.csv, out/events.geojson, out/documents.jsonl"

test: $(STAMP)
	$(BIN)/python -m pytest -q

models: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[train]'
	$(BIN)/sitrep train all

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf out .pytest_cache
