# Two entry points on a fresh machine: `make serve` (the chatbot on the default corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SERVE_STAMP := $(VENV)/.serve-stamp
TEST_STAMP := $(VENV)/.test-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test bench index install browser clean

# Serving installs only what serving needs; the test tools (schemathesis, playwright, hypothesis) come with `make test`.
$(SERVE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e .
	touch $(SERVE_STAMP)

$(TEST_STAMP): $(SERVE_STAMP)
	$(BIN)/pip install -e ".[test]"
	touch $(TEST_STAMP)

install: $(SERVE_STAMP)

index: $(SERVE_STAMP)
	$(BIN)/qa index

serve: $(SERVE_STAMP)
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

# The browser test drives Debian's Chromium: Playwright cannot download a browser of its own here. Korean fonts
# make its screenshots readable.
browser:
	@{ command -v chromium && fc-list :lang=ko | grep -q . ; } >/dev/null 2>&1 || { $(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium fonts-noto-cjk; }

test: $(TEST_STAMP) browser
	$(BIN)/python -m pytest

# Speed, memory and scale figures (about 15 minutes; needs ../shared/corpora/wikinews-ko).
bench: $(TEST_STAMP)
	$(BIN)/pip install -q -e ".[test,bench]"
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.segments
	$(BIN)/python -m benchmarks.ray_indexing
	$(BIN)/python -m benchmarks.engine

clean:
	rm -rf $(VENV) .qa-index .pytest_cache test-artifacts
