# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: demo test install clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	@$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB)
	@$(BIN)/tacitus ingest demo/text demo/pages demo/feed --db $(DEMO_DB)
	@$(BIN)/tacitus stats --db $(DEMO_DB)

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
