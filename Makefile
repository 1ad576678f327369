# Two commands for everyone, CI included:
#   make run    set up .venv and start the dashboard on the bundled data
#   make test   set up .venv (and Debian's Chromium for the browser tests) and run every test
#   make serve  N Streamlit processes over one read-only warehouse behind HAProxy (N=4, PORT=8501)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-12)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501
N ?= 4

.PHONY: run test chromium proxy serve bench clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(PY) -m streamlit run dashboard.py --server.port=$(PORT) --browser.gatherUsageStats=false

# The browser tests and the PNG/PDF exports use Debian's Chromium (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

# `make serve` runs Debian's HAProxy in front of the processes (sticky sessions, deploy/haproxy.cfg).
proxy:
	@command -v haproxy >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq haproxy >/dev/null; }

serve: $(STAMP) proxy
	$(PY) deploy/serve.py --processes $(N) --port $(PORT)

test: $(STAMP) chromium proxy
	$(PY) -m pytest -n 3

bench: $(STAMP)
	$(PY) bench/scale.py --n 100000 --bundled

clean:
	rm -rf $(VENV) .cache .pytest_cache artifacts
