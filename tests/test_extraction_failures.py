"""Failure classes found while measuring extraction on real pages (../shared/eval), each pinned by
the real page that showed it. `precision` / `recall` are the eval scorer's, on that page."""

from __future__ import annotations

import json

import pytest
from test_eval_pages import EVAL, body_text, run_stages, scorer

from newsspider.extraction.article import clean_paragraphs


def extract(dataset: str, page_id: str):
    folder = EVAL / "data" / dataset
    record = next(r for r in map(json.loads, (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()) if r["id"] == page_id)
    page = run_stages(record, (folder / "html" / f"{page_id}.html").read_bytes())
    text = body_text(page)
    score = scorer()
    tp, fp, fn = score.tp_fp_fn(record["text"], text)
    return text, page, score.precision(tp, fp, fn), score.recall(tp, fp, fn)


def test_script_data_shown_by_a_broken_svg_is_not_body_text():
    # A malformed inline <svg> made the parser put a script's JSON into a paragraph: 26 kB of it.
    text, _, precision, recall = extract("readability", "cnet-svg-classes")
    assert '"mpxRefId"' not in text and len(text) < 3000
    assert precision == 1.0 and recall >= 0.8


def test_content_streamed_into_hidden_divs_is_kept():
    # React streams the article into <div hidden> and shows it with a script.
    text, _, precision, recall = extract("fundus-dev", "tr-AnadoluAjansi_2026_04_20")
    assert recall >= 0.95 and precision >= 0.95


def test_paragraphs_the_page_repeats_are_kept():
    # trafilatura keeps one copy of a paragraph printed several times.
    text, _, _, recall = extract("readability", "social-buttons")
    assert recall >= 0.95


def test_a_section_id_naming_sharing_is_not_a_share_bar():
    # id="sharing-with-a-single-developer" is a heading's slug, not a widget.
    text, _, _, recall = extract("readability", "mercurial")
    assert "The simplest scenario is a single developer" in text and recall >= 0.95


def test_video_player_chrome_and_photo_galleries_are_not_body_text():
    text, page, precision, _ = extract("readability", "bug-1255978")
    for chrome in ("This is a modal window", "subtitles off", "1/50"):
        assert chrome not in text
    assert page.widgets["media"] >= 1 and precision >= 0.95


def test_a_stream_of_other_stories_is_not_body_text():
    text, page, precision, _ = extract("readability", "yahoo-2")
    assert "Tom Ford" not in text and precision == 1.0


def test_other_columns_block_is_not_body_text():
    text, _, precision, _ = extract("readability", "herald-sun-1")
    assert "Other Opinion Columns" not in text and "Ikea" not in text


def test_headline_and_date_line_are_not_repeated_at_the_top():
    text, page, precision, _ = extract("readability", "buzzfeed-1")
    first = text.split("\n\n")[0]
    assert first != page.metadata.title and not first.lower().startswith("posted on")
    assert precision >= 0.94  # (the standfirst stays: the truth leaves it out, most readers do not)


@pytest.mark.parametrize("paragraphs,expected", [
    # the lead (og:description) printed again as the first paragraph
    (["The council approved the budget.", "The council approved the budget.", "Body."], ["The council approved the budget.", "Body."]),
    # a long paragraph the page repeats on purpose stays twice
    (["A" * 200, "A" * 200], ["A" * 200, "A" * 200]),
    # trailers and labels go
    (["Body text.", "Source link", "Read more", "Advertisement", "This is a modal window."], ["Body text."]),
    # the byline repeated in the body goes; a sentence mentioning the author stays
    (["By Jane Doe", "Jane Doe said the plan works.", "Body."], ["Jane Doe said the plan works.", "Body."]),
    # a subscription pitch after the story goes, in any language; the story's own mention of subscribers stays
    (["市議会は予算案を可決した。", "有料会員になると会員限定の有料記事もお読みいただけます。", "【キャンペーン】有料記事読み放題！詳しくはこちら"],
     ["市議会は予算案を可決した。"]),
    (["The paper lost 4,000 subscribers last year.", "Body.", "Already a subscriber? Log in to continue reading."],
     ["The paper lost 4,000 subscribers last year.", "Body."]),
])
def test_clean_paragraphs(paragraphs, expected):
    assert clean_paragraphs(paragraphs, authors=["Jane Doe"], title="Budget approved", lead="The council approved the budget.") == expected
