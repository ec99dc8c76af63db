"""Scoring quotegraph against annotated corpora."""
