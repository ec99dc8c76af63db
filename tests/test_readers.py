"""Readers: every input kind, and bad input reported per file without stopping the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.models import Article
from quotegraph.readers import normalise_date, read_paths
from quotegraph.settings import Options

ARTICLES = Path(__file__).parent / "data" / "articles"


def read(*paths, **options):
    return list(read_paths([str(p) for p in paths], Options(**options)))


def test_txt_is_kept_exactly_with_newlines(tmp_path):
    raw = 'First line.\r\n\r\n"Quote," she said.\n'
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode())
    [article] = read(path)
    assert article.text == raw
    assert article.id == "crlf" and article.source == str(path)


def test_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe council said no.".encode("utf-8"))
    [article] = read(path)
    assert article.text == "The council said no."


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owner Jos\u00e9 said trade was down.".encode("latin-1"))
    [article] = read(path)
    assert isinstance(article, Article)
    assert "\ufffd" in article.text
    assert [w.code for w in article.warnings] == ["invalid-utf8"]


def test_html_page_gives_main_text_and_metadata():
    [article] = read(ARTICLES / "page.html")
    assert "worst moment of my life" in article.text
    assert "Sign up for our morning briefing" not in article.text
    assert "Sport" not in article.text.split("\n")[0]
    assert article.title == "Hospital trust apologises after wrong death notice"
    assert article.published == "2024-03-12"
    assert article.outlet == "Northern Ledger"
    assert article.author == "Sam Patel"


def test_jsonl_records_with_text_and_html():
    text_rec, html_rec = read(ARTICLES / "wire.jsonl")
    assert text_rec.id == "wire-001" and text_rec.url == "https://wire.example/a/1"
    assert text_rec.published == "2025-06-02" and text_rec.outlet == "Example Wire"
    assert text_rec.text.startswith("Dock workers in Felixstowe")
    assert html_rec.id == "wire-002" and html_rec.title == "Ferry fares rise"
    assert "Fuel costs have left us no choice" in html_rec.text
    assert "<p>" not in html_rec.text


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "The mayor said the road would reopen."}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps([1, 2]),
        json.dumps({"id": 7, "text": "Police said two men were arrested."}),
    ]) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "InputError", "Article"]
    assert items[0].id == "mixed-1" and items[4].id == "7"
    assert f"{path}:2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert "neither a 'text' nor an 'html'" in str(items[2])


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    assert [a.text for a in read(tmp_path)] == ["Two.", "One."]


def test_missing_path_and_empty_directory_are_errors_naming_the_input(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    items = read(tmp_path / "nope.txt", empty, good)
    assert isinstance(items[0], InputError) and "nope.txt" in str(items[0])
    assert "no such file" in items[0].message
    assert isinstance(items[1], InputError) and "holds no" in items[1].message
    assert isinstance(items[2], Article)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [item] = read(path)
    assert isinstance(item, InputError) and "binary" in item.message


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The minister said yes. " * 100, encoding="utf-8")
    [item] = read(path, max_bytes=1000)
    assert isinstance(item, InputError) and "size limit" in item.message
    [ok] = read(path, max_bytes=10_000)
    assert isinstance(ok, Article)


def test_empty_and_non_english_texts_carry_warnings(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "german.txt").write_text(
        "Die Bundesregierung hat am Dienstag neue Regeln beschlossen. Der Minister sagte, "
        "dass die Reform im Januar beginnen soll und die Kosten geringer sein werden als erwartet.",
        encoding="utf-8")
    empty, german = read(tmp_path / "empty.txt", tmp_path / "german.txt")
    assert [w.code for w in empty.warnings] == ["empty"]
    assert [w.code for w in german.warnings] == ["not-english"]


def test_english_text_has_no_language_warning():
    [article] = read(ARTICLES / "uk-rail-strike.txt")
    assert article.warnings == []


@pytest.mark.parametrize("value, expected", [
    ("2024-03-12", "2024-03-12"),
    ("2024-03-12T08:30:00Z", "2024-03-12"),
    ("12 March 2024", "2024-03-12"),
    ("March 12, 2024", "2024-03-12"),
    ("not a date", None),
    (None, None),
])
def test_publication_dates_are_normalised(value, expected):
    assert normalise_date(value) == expected
