"""Alembic environment: runs on the connection quotegraph passes in, or on ``sqlalchemy.url``
from alembic.ini / ``-x db=URL`` when the alembic command line is used directly."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from quotegraph.store.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database with -x db=URL or sqlalchemy.url")
    with create_engine(url).connect() as conn:
        _run(conn)
