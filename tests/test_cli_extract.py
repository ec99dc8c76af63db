"""The extract command end to end: formats, several inputs, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from spans import check_invariants
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.schema import validate

ROOT = Path(__file__).parents[1]
ARTICLES = Path(__file__).parent / "data" / "articles"
EXAMPLE = ROOT / "examples" / "council-budget.txt"
runner = CliRunner()


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def test_json_output_is_a_valid_quotegraph_record():
    result = invoke("extract", EXAMPLE)
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    validate(record)
    check_invariants(record)
    assert record["id"] == "council-budget"
    assert record["text"] == EXAMPLE.read_text(encoding="utf-8")


def test_jsonl_over_every_input_kind():
    result = invoke("extract", ARTICLES, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == sorted(
        ["page", "us-zoning-vote", "uk-rail-strike", "wire-001", "wire-002"])
    for record in records:
        validate(record)
        check_invariants(record)
    html = next(r for r in records if r["id"] == "page")
    assert html["outlet"] == "Northern Ledger" and html["published"] == "2024-03-12"


def test_a_bad_input_is_reported_and_the_others_still_processed(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = invoke("extract", tmp_path / "missing.txt", binary, EXAMPLE, "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "missing.txt" in result.stderr and "scan.txt" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_stdin():
    result = invoke("extract", "-", "--format", "jsonl",
                    input=b"\"We are ready,\" said the coach.\n")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "stdin" and record["text"] == "\"We are ready,\" said the coach.\n"


def test_table_format_is_readable(tmp_path):
    result = invoke("extract", EXAMPLE, "--format", "table")
    assert result.exit_code == 0
    for heading in ("Quotes (", "People (", "name", "aliases", "gender", "(evidence)", "quotes"):
        assert heading in result.stdout


def test_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", EXAMPLE, "--format", "jsonl", "--output", out)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "council-budget"


def test_unknown_model_is_one_line_error():
    result = invoke("extract", EXAMPLE, "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 1
    assert "no_such_pipeline_xyz" in result.stderr and "not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_and_non_english_inputs_warn_but_succeed(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(
        "Le gouvernement a annoncé mardi une nouvelle réforme des retraites. Le ministre a déclaré "
        "que les syndicats seraient reçus la semaine prochaine pour discuter du calendrier.",
        encoding="utf-8")
    result = invoke("extract", tmp_path, "--format", "jsonl")
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and "fr.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_unbalanced_quote_marks_do_not_break_extraction(tmp_path):
    path = tmp_path / "unbalanced.txt"
    path.write_text('The minister said "we will act.\n\nOpposition MPs said the plan was "a mess.\n\n'
                    "'Nothing will change,' one said.\n\n\u201cStill open\n", encoding="utf-8")
    result = invoke("extract", path, "--format", "jsonl")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    check_invariants(record)
    for quote in record["quotes"]:
        assert "\n\n" not in quote["text"] or quote["type"] == "direct"


def test_console_script_runs_as_a_subprocess():
    exe = Path(sys.executable).with_name("quotegraph")
    proc = subprocess.run([str(exe), "extract", str(EXAMPLE), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema"] == "quotegraph/1"


def test_an_article_the_pipeline_refuses_is_reported_and_the_batch_goes_on(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(nlp, "max_length", 300)  # spaCy refuses longer texts; readers do not
    (tmp_path / "a-short.txt").write_text('"We are ready," said the coach.\n', encoding="utf-8")
    (tmp_path / "b-long.txt").write_text("The council said the road would close. " * 20, encoding="utf-8")
    result = invoke("extract", tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a-short"]
    assert "b-long.txt" in result.stderr and "extraction failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_table_fits_an_80_column_terminal_and_full_shows_whole_quotes(tmp_path):
    said = "The committee said that " + " ".join(f"item {i} of the plan was costed again" for i in range(30))
    path = tmp_path / "long-quote.txt"
    path.write_text(f'Councillor Ann Lee said: "{said}." She left early.\n', encoding="utf-8")
    clipped = invoke("extract", path, "-f", "table", terminal_width=80, env={"COLUMNS": "80"})
    assert clipped.exit_code == 0, clipped.output
    assert all(len(line) <= 80 for line in clipped.stdout.splitlines())
    assert "29ofthe" not in "".join(clipped.stdout.split())  # clipped at 220 characters
    full = invoke("extract", path, "-f", "table", "--full", terminal_width=80, env={"COLUMNS": "80"})
    assert "item 29 of the plan" in _last_column(full.stdout)  # the end of the quote, wrapped over lines


def _last_column(table: str) -> str:
    """The words of a rich table's last column, read down its rows."""
    cells = [line.split("│")[-2] for line in table.splitlines() if line.startswith("│")]
    return " ".join(" ".join(cells).split())


def test_the_quote_column_keeps_most_of_an_80_column_table(tmp_path):
    """A long speaker (name and the mention as written) wraps in its own column instead of
    squeezing the quote to a few letters a line."""
    path = tmp_path / "long-speaker.txt"
    path.write_text('Opposition councillor and former deputy mayor Thomas Alexander Reeves said the plan was '
                    '"a short-sighted raid on the places children learn to read".\n', encoding="utf-8")
    result = invoke("extract", path, "-f", "table", terminal_width=80, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("┃ #"))
    widths = {cell.strip(): len(cell) for cell in header.strip("┃").split("┃")}
    assert widths["quote"] >= 30 and widths["quote"] > widths["speaker"]


def test_json_is_always_an_array_as_documented(tmp_path):
    empty_dir = tmp_path / "none"
    empty_dir.mkdir()
    result = invoke("extract", empty_dir)
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert "JSON array" in (ROOT / "docs" / "format.md").read_text(encoding="utf-8")


def test_a_jsonl_record_with_an_object_title_does_not_stop_the_table(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "bad", "text": "Ann Lee said no.", "title": {"main": "x"}}) + "\n"
                    + json.dumps({"id": "good", "text": '"We are ready," said coach Tom Hale.', "title": "Ready"})
                    + "\n", encoding="utf-8")
    result = invoke("extract", feed, "-f", "table")
    assert result.exit_code == 1
    assert "feed.jsonl:1" in result.stderr and "'title' must be a string" in result.stderr
    assert "Ready" in result.stdout and "Traceback" not in result.output
