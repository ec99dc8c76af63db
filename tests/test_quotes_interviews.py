"""Interviews printed as labelled turns (no quote marks): every turn is a direct quotation of the
labelled person, resolved to the fullest name the introduction gives."""

from __future__ import annotations

from quotegraph.quotes.interviews import find_turns

# Indian broadcaster style: first name for the interviewer, surname for the guest
NDTV_STYLE = (
    "Mumbai:\n\n"
    "In an interview with NDTV's Priya Raman on the programme Straight Talk, Finance Minister "
    "Arjun Mehta speaks on the budget.\n\n"
    "Priya: Minister, the deficit has grown again. What went wrong?\n\n"
    "Mehta: Nothing went wrong. This I am told by every economist: spending in a slowdown is sound.\n\n"
    "Priya: Will taxes rise next year?\n\n"
    "Mehta: No. The cabinet said that taxes would stay where they are."
)

# Ghanaian style: two turns inline in the introduction, hyphenated labels
GHANA_STYLE = (
    "Highlife star Kofi-Blay says he will stand for the district assembly.\n\n"
    "Kofi-Blay spoke to Radio-Gold on Monday about his plans: Radio-Gold: are you really standing? "
    "Kofi-Blay: Yes. I have lived in this district all my life and I know its problems.\n\n"
    "Radio-Gold: Will music suffer?\n\n"
    "Kofi-Blay: Music will always be part of me. I will record at weekends."
)

# US magazine style: Q and A, the guest named in the introduction
US_QA = (
    "Dr. Helen Park has led the county hospital for ten years. She spoke with Tom Wells about the "
    "nursing shortage.\n\n"
    "Q: How many nurses are you short?\n\n"
    "A: About forty. We have \"never been this stretched,\" the board told me last week.\n\n"
    "Q: What would help?\n\n"
    "A: Housing. Nurses cannot afford to live near the hospital."
)

# UK newspaper style: upper-case surname labels
UK_CAPS = (
    "The former chancellor Margaret Hollis talked to our political editor, Sam Ashby, about the "
    "election.\n\n"
    "ASHBY: Do you regret the budget?\n\n"
    "HOLLIS: Not for a moment. It was the right call.\n\n"
    "ASHBY: Would you serve again?\n\n"
    "HOLLIS: If asked, yes."
)

# An ordinary Caribbean news report with a dateline and one labelled line: not an interview
NOT_AN_INTERVIEW = (
    "KINGSTON, Jamaica:\n\n"
    "Police said two men were arrested after a chase in St Andrew on Sunday.\n\n"
    "Note: the names of the men have not been released.\n\n"
    "\"We will not tolerate this,\" Superintendent Dale Brown said."
)


def _by_start(result):
    return sorted(result.quotes, key=lambda q: q.start)


def test_named_turns_are_direct_quotes_of_the_full_names(run):
    result = run(NDTV_STYLE)
    openings = ("Minister, the", "Nothing went", "Will taxes", "No. The")
    turns = [q for q in _by_start(result) if q.text.startswith(openings)]
    assert [q.type for q in turns] == ["direct"] * 4
    assert [q.speaker_name for q in turns] == ["Priya Raman", "Arjun Mehta", "Priya Raman", "Arjun Mehta"]
    for q in turns:
        assert result.text[q.start:q.end] == q.text
        assert not q.text.startswith(("Priya:", "Mehta:"))  # the label is not part of the quotation


def test_speech_reported_inside_an_answer_is_part_of_it(run):
    result = run(NDTV_STYLE)
    # "This I am told" and "The cabinet said that ..." stay inside Mehta's answers: no speaker "I"
    assert all(q.speaker_name not in {"I", "cabinet", "The cabinet"} for q in result.quotes)
    assert len(result.quotes) == 4


def test_inline_turns_in_the_introduction_and_hyphenated_labels(run):
    result = run(GHANA_STYLE)
    quotes = _by_start(result)
    said = {q.text: q.speaker_name for q in quotes}
    assert said["are you really standing?"] == "Radio-Gold"
    assert said["Yes. I have lived in this district all my life and I know its problems."] == "Kofi-Blay"
    assert said["Will music suffer?"] == "Radio-Gold"
    assert said["Music will always be part of me. I will record at weekends."] == "Kofi-Blay"


def test_q_and_a_turns_go_to_the_interviewer_and_the_interviewee(run):
    result = run(US_QA)
    turns = [q for q in _by_start(result) if q.text.startswith(("How many", "About forty", "What would", "Housing"))]
    assert [q.speaker_name for q in turns] == ["Tom Wells", "Helen Park", "Tom Wells", "Helen Park"]
    # the quoted words inside the answer are not a quote of "the board" of their own
    assert len(result.quotes) == 4


def test_upper_case_surname_labels(run):
    result = run(UK_CAPS)
    names = [q.speaker_name for q in _by_start(result)]
    assert names == ["Sam Ashby", "Margaret Hollis", "Sam Ashby", "Margaret Hollis"]


def test_datelines_and_single_labelled_lines_are_not_turns():
    assert find_turns(NOT_AN_INTERVIEW, []) == []
    assert find_turns("", []) == []
    assert find_turns("Q: only a question with no answer", []) == []


def test_turns_stop_at_the_next_label_and_keep_offsets():
    text = "Intro.\n\nQ: First? A: Second.\n\nQ: Third?\n\nA: Fourth."
    turns = find_turns(text, [])
    assert [t.content.text for t in turns] == ["First?", "Second.", "Third?", "Fourth."]
    assert [t.label.text for t in turns] == ["Q", "A", "Q", "A"]
    for t in turns:
        assert text[t.content.start:t.content.end] == t.content.text
