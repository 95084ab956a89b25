# Two entry points on a fresh machine: `make serve` (the chatbot on the default corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test bench index install browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/qa index

serve: $(STAMP)
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

# The browser test drives Debian's Chromium: Playwright cannot download a browser of its own here.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Speed, memory and scale figures (about 15 minutes; needs ../shared/corpora/wikinews-ko).
bench: $(STAMP)
	$(BIN)/pip install -q -e ".[test,bench]"
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .qa-index .pytest_cache test-artifacts
