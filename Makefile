# Two commands on a fresh machine:  make demo   (map the built-in seeds into out/)
#                                   make test   (the test suite)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/strikemap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(BIN)/strikemap
	$(BIN)/strikemap map -o out --force
	@echo "Open out/map.html in a browser."

test: $(BIN)/strikemap
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
