"""Benchmark harness: ``python -m annotator.bench [--quick] [--json OUT.json]`` (see __main__.py)."""
