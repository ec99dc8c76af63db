"""PolNeAR scoring: corpus reading, matching, strict spans, speakers, and the CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.evaluation.polnear import (
    GoldAttribution,
    Predicted,
    compare,
    match,
    parse_ann,
    read_corpus,
    strict_match,
)
from quotegraph.models import Quote, Span

TEXT = (
    'The senator spoke on Tuesday.\n\n'
    '"We will not back down," Jones said, "not now, not ever."\n\n'
    'Her aide said the plan was "dead on arrival" in the House.\n\n'
    'Analysts believe the bill will fail.\n'
)


def _at(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _ann(text: str) -> str:
    c1a = _at(text, '"We will not back down,"')
    c1b = _at(text, '"not now, not ever."')
    s1 = _at(text, "Jones")
    q1 = _at(text, "said", s1[1])
    c2 = _at(text, 'the plan was "dead on arrival" in the House')
    s2 = _at(text, "Her aide")
    q2 = _at(text, "said", s2[1])
    c3 = _at(text, "the bill will fail")
    q3 = _at(text, "believe")
    lines = [
        f"T1\tContent {c1a[0]} {c1a[1]};{c1b[0]} {c1b[1]}\tx",
        f"T2\tSource {s1[0]} {s1[1]}\tJones",
        f"T3\tCue {q1[0]} {q1[1]}\tsaid",
        f"T4\tAttribution {q1[0]} {q1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3",
        f"T5\tContent {c2[0]} {c2[1]}\tx",
        f"T6\tSource {s2[0]} {s2[1]}\tHer aide",
        f"T7\tCue {q2[0]} {q2[1]}\tsaid",
        f"T8\tAttribution {q2[0]} {q2[1]}\tsaid",
        "E2\tAttribution:T8 Source:T6 Content:T5 Cue:T7",
        f"T9\tContent {c3[0]} {c3[1]}\tx",
        f"T10\tCue {q3[0]} {q3[1]}\tbelieve",
        f"T11\tAttribution-no-source {q3[0]} {q3[1]}\tbelieve",
        "E3\tAttribution-no-source:T11 Content:T9 Cue:T10",
        f"T12\tCue {q3[0]} {q3[1]}\tbelieve",
        "E4\tAttribution:T12 Cue:T12",  # no Content: not an attribution
        "#1\tAnnotatorNotes T1\ta note",
    ]
    return "\n".join(lines) + "\n"


def test_parse_ann_keeps_pieces_sources_and_quote_marks():
    gold = parse_ann(_ann(TEXT), TEXT)
    assert len(gold) == 3
    first, second, third = gold
    assert len(first.content) == 2 and first.direct
    assert TEXT[first.source[0][0]:first.source[0][1]] == "Jones"
    assert second.direct  # a mixed quote holds quote marks too
    assert not third.direct and third.source is None


def test_nyt_double_apostrophes_count_as_quote_marks():
    text = "''It is over,'' he said."
    gold = parse_ann("T1\tContent 0 15\tx\nT2\tAttribution 19 23\tsaid\nE1\tAttribution:T2 Content:T1\n", text)
    assert gold[0].direct


def test_greedy_matching_is_one_to_one_largest_overlap_first():
    gold = [GoldAttribution([(0, 100)]), GoldAttribution([(90, 120)])]
    pred = [Predicted([(80, 115)], None, True), Predicted([(0, 50)], None, True)]
    # pred0 overlaps gold0 by 20 and gold1 by 25: it goes to gold1; gold0 takes pred1 (50).
    assert sorted(match(gold, pred)) == [(0, 1), (1, 0)]
    one = [GoldAttribution([(0, 10)])]
    two = [Predicted([(0, 4)], None, True), Predicted([(5, 10)], None, True)]
    assert match(one, two) == [(0, 1)]  # the larger overlap wins, the other stays unmatched


def test_strict_trims_punctuation_and_quote_marks_and_accepts_high_jaccard():
    text = '"We will not back down," Jones said.'
    inner = _at(text, "We will not back down")
    assert strict_match(text, [(0, 24)], [inner])
    assert not strict_match(text, [(0, 24)], [(1, 8)])  # "We will": partial only
    long_text = "x" * 200
    assert strict_match(long_text, [(0, 100)], [(0, 95)])  # Jaccard 0.95
    assert not strict_match(long_text, [(0, 100)], [(0, 85)])  # Jaccard 0.85


def test_compare_counts_speakers_and_end_to_end():
    gold = parse_ann(_ann(TEXT), TEXT)
    jones = _at(TEXT, "Jones")
    aide = _at(TEXT, "aide")
    a = _at(TEXT, "We will not back down")
    b = _at(TEXT, "not now, not ever.")
    mixed = _at(TEXT, 'the plan was "dead on arrival"')
    pred = [
        Predicted([a, b], jones, True),  # strict, right speaker
        Predicted([mixed], None, True),  # partial, no speaker: wrong
        Predicted([_at(TEXT, "The senator spoke")], aide, False),  # matches nothing
    ]
    direct_gold = [g for g in gold if g.direct]
    counts = compare(TEXT, direct_gold, pred[:2])
    assert (counts.gold, counts.pred, counts.matched, counts.strict) == (2, 2, 2, 1)
    assert (counts.with_source, counts.speaker_ok, counts.e2e) == (2, 1, 1)
    fig = counts.figures()
    assert fig["partial"]["f1"] == 1.0 and fig["strict"]["f1"] == 0.5
    assert fig["speaker_accuracy"] == 0.5
    everything = compare(TEXT, gold, pred)
    assert (everything.gold, everything.pred, everything.matched) == (3, 3, 2)
    assert everything.figures()["partial"]["precision"] == round(2 / 3, 4)


def _corpus(tmp_path, with_meta: bool = True):
    root = tmp_path / "mini" / "dev"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    text = TEXT.replace("\n", "\r\n")  # raw offsets: CRLF must not be translated
    (root / "text" / "pub_2016-01-01_story.txt").write_bytes(text.encode("utf-8"))
    (root / "attributions" / "pub_2016-01-01_story_aaaa.ann").write_text(_ann(text), encoding="utf-8")
    (root / "attributions" / "pub_2016-01-01_story_bbbb.ann").write_text("", encoding="utf-8")
    if with_meta:
        (tmp_path / "mini" / "metadata.tsv").write_text(
            "compartment\tfilename\tpublisher\ndev\tpub_2016-01-01_story\tthe-daily\n", encoding="utf-8")
    return root, text


def test_read_corpus_uses_first_annotator_raw_offsets_and_metadata(tmp_path):
    root, text = _corpus(tmp_path)
    [article] = read_corpus(root)
    assert article.text == text and article.publisher == "the-daily"
    assert len(article.attributions) == 3  # from the _aaaa file, not the empty _bbbb one
    s, e = article.attributions[0].source[0]
    assert article.text[s:e] == "Jones"


def test_cli_scores_the_folder_and_writes_json(tmp_path):
    root, _ = _corpus(tmp_path)
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "polnear", str(root), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "direct partial" in result.output
    data = json.loads(out.read_text())
    assert data["articles"] == 1
    assert data["direct"]["counts"]["gold"] == 2 and data["all"]["counts"]["gold"] == 3
    assert set(data["by_publisher"]) == {"the-daily"}
    assert data["direct"]["counts"]["pred"] == data["by_publisher"]["the-daily"]["direct"]["counts"]["pred"]


def test_beliefs_are_scored_by_default_and_can_be_left_out(tmp_path):
    """PolNeAR's scheme counts beliefs; --no-beliefs scores what extract reports."""
    import json as _json

    from typer.testing import CliRunner

    from quotegraph.cli import app

    root = tmp_path / "corpus"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    text = "The senator believes the bill will pass.\n"
    (root / "text" / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("the bill")
    end = text.index(".")
    (root / "attributions" / "a_x.ann").write_text(
        f"T1\tSource 0 11\tThe senator\nT2\tCue 12 20\tbelieves\nT3\tContent {start} {end}\t{text[start:end]}\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    figures = {}
    for flag in ("--beliefs", "--no-beliefs"):
        out = tmp_path / f"{flag}.json"
        result = CliRunner().invoke(app, ["eval", "polnear", str(root), "--json", str(out), flag])
        assert result.exit_code == 0, result.output
        figures[flag] = _json.loads(out.read_text())
    assert figures["--beliefs"]["beliefs"] is True and figures["--no-beliefs"]["beliefs"] is False
    default = tmp_path / "default.json"
    CliRunner().invoke(app, ["eval", "polnear", str(root), "--json", str(default)])
    assert _json.loads(default.read_text())["beliefs"] is True
    assert _json.dumps(figures["--beliefs"]) != _json.dumps(figures["--no-beliefs"])


def test_outcomes_per_quote_agree_with_the_counts():
    """--by-rule's per-quote outcomes: matched as compare() matches, speakers judged only where
    the gold has a Source; a rule that is not recorded counts as (none)."""
    from quotegraph.evaluation.by_rule import NO_RULE, RuleReport
    from quotegraph.evaluation.polnear import GoldArticle, outcomes

    gold = parse_ann(_ann(TEXT), TEXT)
    a, b = _at(TEXT, "We will not back down"), _at(TEXT, "not now, not ever.")
    jones = _at(TEXT, "Jones")

    def q(pieces, speaker, rule, speaker_rule=None):
        return Quote(pieces[0][0], pieces[-1][1], TEXT[pieces[0][0]:pieces[-1][1]], "direct",
                     speaker=Span(*speaker, TEXT[speaker[0]:speaker[1]]) if speaker else None,
                     parts=[Span(s, e, TEXT[s:e]) for s, e in pieces], rule=rule, speaker_rule=speaker_rule)

    quotes = [q([a, b], jones, "marks", "cue-subject"), q([_at(TEXT, "The senator spoke")], None, None)]
    found = outcomes(GoldArticle("story", TEXT, gold), quotes)
    assert [(o.matched, o.speaker_right) for o in found] == [(True, True), (False, None)]
    report = RuleReport()
    report.add(found)
    assert (report.rules["marks"].predicted, report.rules["marks"].matched) == (1, 1)
    assert report.rules[NO_RULE].quote_precision() == 0.0
    assert report.speaker_rules["cue-subject"].speaker_precision() == 1.0


def test_cli_by_rule_prints_both_tables(tmp_path):
    root, _ = _corpus(tmp_path)
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "polnear", str(root), "--json", str(out), "--by-rule"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert "speaker_rule" in result.output and "precision" in result.output
    predicted = sum(r["predicted"] for r in data["by_rule"]["rules"].values())
    assert predicted == data["all"]["counts"]["pred"]
    assert sum(r["matched"] for r in data["by_rule"]["rules"].values()) == data["all"]["counts"]["matched"]
