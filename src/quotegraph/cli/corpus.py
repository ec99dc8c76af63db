"""Corpus commands: ingest, quotes, people, person, stats, export."""
