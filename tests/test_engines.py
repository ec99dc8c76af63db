"""The Dask engine stores exactly what a plain ingest stores; the Parquet dataset holds the same quotes."""

from __future__ import annotations

import sys

import pyarrow.dataset as ds
import pytest
from sqlalchemy import select
from test_store_ingest import _corpus
from typer.testing import CliRunner
from warc_support import write_warc

from quotegraph.cli import app
from quotegraph.engines.parquet import PARTITIONING, ParquetSink
from quotegraph.settings import Options
from quotegraph.store import Store
from quotegraph.store import schema as t
from quotegraph.store.ingest import ingest

distributed = pytest.importorskip("distributed", reason="the dask extra is part of the test extra")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = _corpus(tmp_path_factory.mktemp("corpus"))
    write_warc(folder / "crawl.warc.gz")
    return [str(folder)]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory, extractor):
    """The rows of a plain, single-process ingest of the same inputs."""
    store = Store(str(tmp_path_factory.mktemp("plain") / "plain.db"))
    summary = ingest(store, inputs, Options(), extractor=extractor)
    assert summary.new == 6 and summary.failed == 1
    rows = _rows(store)
    store.close()
    return rows


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Every stored row that identity and extraction decide, keyed by article key (not by row id)."""
    a, q, p, cp = t.articles, t.quotes, t.people, t.corpus_people
    queries = {
        "articles": select(a.c.key, a.c.content_hash, a.c.url, a.c.title, a.c.outlet, a.c.published,
                           a.c.quote_count, a.c.person_count),
        "quotes": select(a.c.key, q.c.start_char, q.c.end_char, q.c.text, q.c.type, q.c.speaker_name,
                         q.c.confidence).join(a, a.c.id == q.c.article_id),
        "people": select(a.c.key, p.c.name, p.c.gender, p.c.quote_count, cp.c.name)
        .join(a, a.c.id == p.c.article_id).outerjoin(cp, cp.c.id == p.c.corpus_person_id),
        "corpus_people": select(cp.c.name, cp.c.gender, cp.c.article_count, cp.c.quote_count),
        "failures": select(t.failures.c.source, t.failures.c.stage),
    }
    with store.engine.connect() as conn:
        return {name: sorted(tuple(r) for r in conn.execute(query).all()) for name, query in queries.items()}


def test_dask_engine_stores_exactly_the_rows_of_a_plain_ingest(db_url, cluster, inputs, reference):
    from quotegraph.engines.dask import DaskEngine

    store = Store(db_url)
    engine = DaskEngine(Options(), scheduler=cluster.scheduler_address)
    summary = ingest(store, inputs, Options(), engine=engine)
    assert (summary.new, summary.failed) == (6, 1)
    assert _rows(store) == reference
    again = ingest(store, inputs, Options(), engine=DaskEngine(Options(), scheduler=cluster.scheduler_address))
    assert (again.new, again.updated, again.unchanged, again.skipped_files) == (0, 0, 3, 1)
    assert _rows(store) == reference
    store.close()


def test_cli_dask_engine_on_a_local_cluster(tmp_path, inputs, reference):
    db = tmp_path / "dask.db"
    result = CliRunner().invoke(app, ["ingest", *inputs, "--engine", "dask", "--workers", "2", "--db", str(db)])
    assert result.exit_code == 1, result.output  # 1: the broken file failed, the rest was stored
    store = Store(str(db))
    assert _rows(store) == reference
    store.close()


def test_remote_scheduler_refuses_sqlite(tmp_path, inputs):
    result = CliRunner().invoke(app, ["ingest", *inputs, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1",
                                      "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "PostgreSQL" in result.output


def test_parquet_dataset_holds_the_same_quotes(tmp_path, inputs, reference, extractor):
    folder = tmp_path / "dataset"
    summary = ingest(None, inputs, Options(), extractor=extractor, sink=ParquetSink(folder))
    assert (summary.new, summary.failed) == (6, 1)
    quotes = ds.dataset(folder / "quotes", format="parquet", partitioning=PARTITIONING).to_table()
    got = sorted(zip(*(quotes.column(c).to_pylist() for c in ("article_key", "start_char", "end_char", "text",
                                                                "type", "speaker_name", "confidence")), strict=True))
    assert got == reference["quotes"]
    articles = ds.dataset(folder / "articles", format="parquet", partitioning=PARTITIONING).to_table()
    assert sorted(articles.column("key").to_pylist()) == sorted(r[0] for r in reference["articles"])
    assert (folder / "quotes" / "outlet=Valley%20Herald" / "month=2026-11").is_dir()  # hive style, URI-encoded
    assert "Valley Herald" in set(articles.column("outlet").to_pylist())  # and decoded when read
    # a re-run skips what the dataset already holds
    again = ingest(None, inputs, Options(), extractor=extractor, sink=ParquetSink(folder))
    assert (again.new, again.unchanged) == (0, 6)
    assert ds.dataset(folder / "quotes", format="parquet", partitioning=PARTITIONING).count_rows() == quotes.num_rows


def test_dask_engine_without_the_extra_says_which_to_install(tmp_path, inputs, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if quotegraph[dask] were not installed
    result = CliRunner().invoke(app, ["ingest", *inputs, "--engine", "dask", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "quotegraph[dask]" in result.output


def test_cli_to_parquet_writes_the_dataset_and_no_database(tmp_path, inputs, reference, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["ingest", *inputs, "--to", "parquet", "out"])
    assert result.exit_code == 1, result.output  # the broken file is reported; the rest is written
    articles = ds.dataset(tmp_path / "out" / "articles", format="parquet", partitioning=PARTITIONING).to_table()
    assert sorted(articles.column("key").to_pylist()) == sorted(r[0] for r in reference["articles"])
    assert not (tmp_path / "quotegraph.db").exists()
