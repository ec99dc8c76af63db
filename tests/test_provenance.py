"""One quotation across outlets: clusters on SQLite and PostgreSQL, built from articles written here.

The corpus: an opposition leader's line reported by five outlets on different dates (one word
changed in one, a word dropped in another, a shortened excerpt, one version put in another
politician's mouth), plus unrelated quotes, one of which starts with the same words.
"""

from __future__ import annotations

import json

import networkx as nx
from sqlalchemy import select
from test_store_support import article, person, quote
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.provenance import band_keys, normalise, same_quotation, word_changes
from quotegraph.store import Store
from quotegraph.store.about_tables import cluster_members, quote_clusters
from quotegraph.store.clusters import list_clusters
from quotegraph.store.ingest import ingest_results

LINE = "We will not stand by while our hospitals are run into the ground by this government"
VERSIONS = [
    # (id, outlet, published, speaker, quoted words)
    ("star", "Daily Star", "2026-03-02", "Jane Hart", LINE),
    ("post", "Morning Post", "2026-02-27", "Jane Hart", LINE),
    ("courier", "The Courier", "2026-03-03", "Jane Hart",
     "We will not stand by while our hospitals are driven into the ground by this government"),
    ("gazette", "Gazette", "2026-03-04", "Jane Hart", "our hospitals are run into the ground by this government"),
    ("herald", "Herald", "2026-03-05", "Tom Reilly",
     "We will not stand by while hospitals are run into the ground by this government"),
    ("echo", "Echo", "2026-02-27", "Jane Hart", LINE),  # same day as the Post, stored after it
]
UNRELATED = [
    ("council", "Gazette", "2026-03-01", "Ann Lee", "We will not stand by while the council closes our libraries"),
    ("budget", "Herald", "2026-03-01", "Ann Lee", "The council will publish its budget for next year in the spring"),
]


def _article(aid: str, outlet: str, published: str, speaker: str, words: str):
    text = f"{speaker} spoke at the rally.\n\n“{words},” {speaker.split()[-1]} said on Friday.\n"
    who = person("p1", speaker, text)
    return article(aid, text, people=[who], quotes=[quote("q1", text, words, who)], outlet=outlet,
                   published=published, url=f"https://example.org/{aid}")


def _store(db_url: str) -> Store:
    store = Store(db_url)
    ingest_results(store, [_article(*v) for v in VERSIONS + UNRELATED])
    return store


def test_one_cluster_with_first_appearance_members_changes_and_conflict(db_url):
    store = _store(db_url)
    with store.engine.connect() as conn:
        clusters = list_clusters(conn)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert sorted(m.outlet for m in cluster.members) == sorted(v[1] for v in VERSIONS)
    # earliest date wins; between the two of 27 February, the one stored first
    assert (cluster.first.outlet, cluster.first.published) == ("Morning Post", "2026-02-27")
    assert cluster.canonical_text == LINE
    assert cluster.conflicting_speakers and cluster.wording_changed
    changes = {m.outlet: m.changes for m in cluster.members}
    assert [(c.op, c.canonical, c.member) for c in changes["The Courier"]] == [("replace", "run", "driven")]
    assert [(c.op, c.member) for c in changes["Herald"]] == [("delete", "")]
    assert changes["Gazette"][0].op == "delete" and changes["Gazette"][0].canonical.startswith("we will not")
    assert changes["Daily Star"] == [] and changes["Echo"] == []
    assert {m.speaker for m in cluster.members} == {"Jane Hart", "Tom Reilly"}
    store.close()


def test_unrelated_quotes_stay_apart_even_with_the_same_opening(db_url):
    store = _store(db_url)
    with store.engine.connect() as conn:
        rows = conn.execute(select(cluster_members.c.cluster_id, cluster_members.c.norm_text)).all()
        sizes = dict(conn.execute(select(quote_clusters.c.id, quote_clusters.c.member_count)).all())
    by_text = {norm: cid for cid, norm in rows}
    libraries = by_text[normalise(UNRELATED[0][4])]
    budget = by_text[normalise(UNRELATED[1][4])]
    main = by_text[normalise(LINE)]
    assert len({libraries, budget, main}) == 3
    assert sizes[libraries] == sizes[budget] == 1 and sizes[main] == len(VERSIONS)
    store.close()


def test_filters_and_reingest_keep_clusters_consistent(db_url):
    store = _store(db_url)
    with store.engine.connect() as conn:
        assert len(list_clusters(conn, conflicts=True)) == 1
        assert len(list_clusters(conn, speaker="reilly")) == 1
        assert list_clusters(conn, search="libraries") == []
        assert len(list_clusters(conn, search="INTO THE GROUND")) == 1
    # the Herald corrects its story: the quote goes to Jane Hart; the conflict disappears
    fixed = _article("herald", "Herald", "2026-03-05", "Jane Hart", VERSIONS[4][4])
    ingest_results(store, [fixed])
    with store.engine.connect() as conn:
        cluster = list_clusters(conn)[0]
        counts = dict(conn.execute(select(quote_clusters.c.id, quote_clusters.c.member_count)).all())
    assert len(cluster.members) == len(VERSIONS) and not cluster.conflicting_speakers
    assert sum(counts.values()) == len(VERSIONS) + len(UNRELATED)
    store.close()


def test_provenance_and_export_commands(db_url):
    store = _store(db_url)
    store.close()
    runner = CliRunner()
    result = runner.invoke(app, ["provenance", "--format", "json", "--db", db_url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 1 and data[0]["conflicting_speakers"] and data[0]["first"]["outlet"] == "Morning Post"
    table = runner.invoke(app, ["provenance", "--conflicts", "--db", db_url])
    assert table.exit_code == 0 and "conflicting speakers" in table.stdout
    rebuilt = runner.invoke(app, ["provenance", "--rebuild", "--format", "csv", "--db", db_url])
    assert rebuilt.exit_code == 0 and rebuilt.stdout.count("Morning Post") == 1
    exported = runner.invoke(app, ["export", "--what", "clusters", "--format", "jsonl", "--db", db_url])
    rows = [json.loads(line) for line in exported.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == len(VERSIONS) and {r["cluster_id"] for r in rows} == {rows[0]["cluster_id"]}


def test_matching_rules_on_their_own():
    assert same_quotation(normalise(f"“{LINE}.”"), normalise(LINE.upper()))
    assert same_quotation(normalise(LINE), normalise("our hospitals are run into the ground"))
    assert not same_quotation(normalise(LINE), normalise(UNRELATED[0][4]))
    assert not same_quotation(normalise("We are making progress here"), normalise("We are making no progress at all"))
    shared = set(band_keys(normalise(LINE))) & set(band_keys(normalise(VERSIONS[2][4])))
    assert shared, "a one-word change must share an LSH bucket"
    assert word_changes("a b c d", "a x c d e")[0].op == "replace"


def test_graph_of_who_talks_about_whom_reads_back_in_networkx(tmp_path):
    text = ("Jane Hart accused Tom Reilly of neglect on Monday.\n\n"
            "“Tom Reilly has failed every patient,” Hart said.\n")
    hart, reilly = person("p1", "Jane Hart", text), person("p2", "Tom Reilly", text)
    q = quote("q1", text, "Tom Reilly has failed every patient", hart)
    from quotegraph.models import Span, Target

    start = text.index("Tom Reilly has")
    q.about = [Target("p2", "Tom Reilly", Span.of(text, start, start + 10), "quoted")]
    db = f"sqlite:///{tmp_path / 'g.db'}"
    store = Store(db)
    ingest_results(store, [article("a1", text, people=[hart, reilly], quotes=[q], published="2026-03-02")])
    store.close()
    runner = CliRunner()
    out = tmp_path / "g.graphml"
    assert runner.invoke(app, ["graph", "--format", "graphml", "-o", str(out), "--db", db]).exit_code == 0
    graph = nx.read_graphml(out)
    assert graph.has_edge("Jane Hart", "Tom Reilly")
    assert graph.edges["Jane Hart", "Tom Reilly"]["quotes"] == 1
    assert graph.edges["Jane Hart", "Tom Reilly"]["first"] == "2026-03-02"
    about = runner.invoke(app, ["person", "Reilly", "--about", "--format", "json", "--db", db])
    assert about.exit_code == 0, about.output
    assert json.loads(about.stdout)[0]["speaker"] == "Jane Hart"
    stats = runner.invoke(app, ["stats", "targets", "--by", "month", "--format", "json", "--db", db])
    assert json.loads(stats.stdout) == [{"month": "2026-03", "target": "Tom Reilly", "quotes": 1}]


def test_versions_in_one_article_cluster_within_its_batch(db_url):
    """One ingest clusters an article's quotes together: a round-up quoting the line, its excerpt
    and a changed version joins them into one new cluster; the unrelated quote stays apart."""
    versions = [LINE, VERSIONS[3][4], VERSIONS[2][4], UNRELATED[1][4]]
    text = "Jane Hart spoke twice this week.\n\n" + "".join(f"“{v},” Hart said.\n\n" for v in versions)
    hart = person("p1", "Jane Hart", text)
    quotes = [quote(f"q{i}", text, v, hart) for i, v in enumerate(versions, 1)]
    store = Store(db_url)
    ingest_results(store, [article("roundup", text, people=[hart], quotes=quotes, outlet="Echo",
                                   published="2026-03-01", url="https://example.org/roundup")])
    with store.engine.connect() as conn:
        rows = conn.execute(select(cluster_members.c.quote_id, cluster_members.c.cluster_id)).all()
        clusters = list_clusters(conn)
    store.close()
    assert len(rows) == 4 and len({c for _, c in rows}) == 2
    assert len(clusters) == 1 and len(clusters[0].members) == 3
    assert normalise(clusters[0].canonical_text) == normalise(LINE)


def test_signature_is_datasketchs_minhash():
    from datasketch import MinHash

    from quotegraph.provenance import _SEED, BANDS, ROWS, SHINGLE, signature

    for text in (normalise(LINE), normalise(UNRELATED[0][4]), "short"):
        reference = MinHash(num_perm=BANDS * ROWS, seed=_SEED)
        reference.update_batch([text[i : i + SHINGLE].encode() for i in range(max(1, len(text) - SHINGLE + 1))])
        assert (signature(text) == reference.hashvalues).all()
