"""Benchmarks: `make bench` (python -m bench). Figures are measured, with in-run baselines."""
