# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: demo test install clean

LOG    := $(VENV)/install.log

$(BIN)/python:
	@echo "creating $(VENV) ..."
	@$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes. pip's chatter goes to the log, which is
# printed only when the install fails.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "installing Tacitus and its dependencies into $(VENV) (log: $(LOG)) ..."
	@$(BIN)/python -m pip install --upgrade pip > $(LOG) 2>&1 || (cat $(LOG); exit 1)
	@$(BIN)/python -m pip install -e '.[test]' >> $(LOG) 2>&1 || (cat $(LOG); exit 1)
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB)
	@$(BIN)/tacitus code demo/text demo/pages demo/feed --db $(DEMO_DB) --format table --require-dyad
	@$(BIN)/tacitus stats --db $(DEMO_DB)

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
