# Common tasks. The environment comes from the README's install line (.venv).
PY ?= .venv/bin/python

.PHONY: test lint typecheck eval bench score

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src

typecheck:
	$(PY) -m mypy src/communique

eval:
	.venv/bin/communique eval all --format text

bench:
	$(PY) benchmarks/throughput.py --aeb 40
	$(PY) benchmarks/clean_speed.py
	$(PY) benchmarks/corpus_throughput.py --limit 24

score:
	$(PY) ../shared/tools/score_meetings.py --cmd .venv/bin/communique -v
