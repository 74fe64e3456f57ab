# Two commands for a fresh machine: `make demo` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SAMPLE := data/samples/release.en.txt data/samples/release.uk.txt data/samples/release.ru.txt
DEMO_OUT ?= demo-out
# Pytest-xdist is not used: the suite is sized for 2 cores as it is.
PYTEST_ARGS ?= -q

.PHONY: setup demo test test-fast lint bench browser netns clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# The CPU wheel of torch first: a looser requirement resolved later would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[embed,translate,cat,bench,dev,ray]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

browser:
	bash scripts/ensure_chromium.sh

# The Ray tests run in a network namespace with only loopback: unshare (util-linux) and ip (iproute2).
netns:
	sh scripts/ensure_netns_tools.sh

demo: setup
	@echo "== align check on the bundled sample (it has deliberate inconsistencies) =="
	@$(BIN)/align check $(SAMPLE); echo "(exit code $$?: 1 = issues at or above --fail-on; the sample has deliberate inconsistencies)"
	@echo
	@echo "== align run: HTML and JSON reports =="
	@$(BIN)/align run $(SAMPLE) --out $(DEMO_OUT); echo "(exit code $$?)"
	@echo
	@echo "HTML report: $(abspath $(DEMO_OUT))/release.report.html"

test: setup browser netns
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS) -m "not slow"

lint: setup
	$(BIN)/ruff check align tests bench tools scripts

bench: setup
	$(BIN)/python -m bench.check
	$(BIN)/python -m bench.alignment
	$(BIN)/python -m bench.translate
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.scale

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .ruff_cache
