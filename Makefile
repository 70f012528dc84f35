# newspider: the two commands a newcomer needs.
#   make demo   set up, serve the bundled demo news site on 127.0.0.1:8765 and crawl it into output/demo/
#   make test   set up and run the whole test suite (what .ci/run runs)
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test setup benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newspider demo

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

benchmark: $(STAMP)
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	$(VENV)/bin/python benchmarks/quality.py

clean:
	rm -rf $(VENV) output *.egg-info
