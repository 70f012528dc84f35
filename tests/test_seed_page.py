"""The motivating page (../shared/seed/seed-page.txt): a French news theme around an English
article ending in "Source link". The page is read at test time and laid out the way such themes
lay it out; only its own strings are used."""

from __future__ import annotations

import html

import pytest
from conftest import SHARED

from newsspider.extraction.document import normalize_space
from newsspider.extraction.stages import run
from newsspider.items import Page

SEED = SHARED / "seed" / "seed-page.txt"
CHROME_STRINGS = [
    "4.6 C", "mercredi", "avril 17", "Advertisement", "spot_img", "Latest news", "Related news",
    "S'il vous plaît", "entrez votre", "nom ici", "Source link",
]


def seed_lines():
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]


def seed_page(lang: str | None) -> tuple[bytes, list[str]]:
    lines = [line for line in seed_lines() if line]
    weather, date_line, title = lines[0], lines[1], lines[2]
    paragraphs = [line for line in lines if len(line) > 80 and line != title]
    ad = '<div class="td-a-rec"><span>- Advertisement -</span>spot_imgspot_img</div>'
    bare_ad = "<div><div>- Advertisement -</div><div>spot_img</div></div>"
    comment_box, name_box = lines[-2], lines[-1]
    lang_attribute = f' lang="{lang}"' if lang else ""
    e = html.escape
    page = (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'><title>{e(title)}</title></head><body>"
        f"<div class='top-bar'><span class='weather'>{e(weather)}</span><span class='date'>{e(date_line)}</span></div>"
        f"<div class='post-header'><h1>{e(title)}</h1></div>{ad}{ad}"
        "<div class='post-content'>" + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
        + "<p><a href='https://origin.example.com/story' rel='nofollow'>Source link</a></p></div>"
        f"{ad}<div class='block'><h4><span>Latest news</span></h4>{bare_ad}</div>"
        f"<div class='block'><h4><span>Related news</span></h4>{bare_ad}</div>"
        f"<div id='respond'><form><textarea placeholder=\"{e(comment_box)}\"></textarea><div class='warning'>{e(comment_box)}</div>"
        f"<input name='author'><div class='warning'>{e(name_box)}</div></form></div>"
        "</body></html>"
    )
    return page.encode("utf-8"), paragraphs


@pytest.mark.parametrize("lang", ["fr-FR", None])
def test_seed_page_gives_the_english_body_in_french_chrome(lang):
    body, paragraphs = seed_page(lang)
    outcome = run(Page(url="https://actu.example.fr/monde/russia-security-partner/", body=body))
    article, reason = outcome.article, outcome.drop_reason
    assert reason is None
    # The whole article, paragraph by paragraph, and nothing else.
    assert article.text.split("\n\n") == [normalize_space(p) for p in paragraphs]
    for chrome in CHROME_STRINGS:
        assert chrome not in article.text, chrome
    assert article.source_url == "https://origin.example.com/story"
    assert article.article_language == "en" and article.article_language_confidence >= 0.9
    assert article.chrome_language == "fr", article.chrome_language_evidence
    assert article.language_mismatch is True
    assert article.removed_widgets["ads"] >= 3 and article.removed_widgets["comments"] == 1
    assert article.removed_widgets["related"] == 2
