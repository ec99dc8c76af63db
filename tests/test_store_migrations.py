"""The Alembic migrations create exactly the tables that store/schema.py declares."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from quotegraph.store.db import Store
from quotegraph.store.schema import metadata


def test_migrated_database_matches_the_declared_schema(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        store.close()
    # FTS5 shadow tables are created by the migration on purpose and are not in the metadata.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("quotes_fts"))]
    assert diff == []
