# Two entry points on a fresh machine: `make serve` (the chatbot on the default corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test index install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/qa index

serve: $(STAMP)
	$(BIN)/qa index
	$(BIN)/qa ask "카카오랑 SKT가 지분 바꾼 게 얼마짜리야?"

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .qa-index .pytest_cache
