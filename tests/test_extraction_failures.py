"""Failure classes found while measuring extraction on real pages (../shared/eval), each pinned by
the real page that showed it (`precision` / `recall` are the eval scorer's, on that page) or by a
small page written for it."""

from __future__ import annotations

import json
from html import escape

import pytest
from test_eval_pages import EVAL, body_text, run_stages, scorer

from newsspider.extraction.article import clean_paragraphs
from newsspider.extraction.stages import run
from newsspider.items import Page


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


def _republished(story: list[str], *, teasers: list[tuple[str, str]], jsonld_body: str) -> bytes:
    """A theme's page with a story put in (JSON-LD describing it) and the theme's own teaser timeline."""
    timeline = "".join(f'<div class="swift-box"><h3 class="swift-box__title">{escape(h)}</h3><div class="swift-box__desc"><p>{escape(d)}</p></div></div>'
                       for h, d in teasers)
    ld = json.dumps({"@type": "NewsArticle", "headline": "市立図書館、来春に新館着工", "articleBody": jsonld_body})
    return (f'<!DOCTYPE html><html lang="cs"><head><meta charset="utf-8"><title>市立図書館、来春に新館着工</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><div class="page"><h1>市立図書館、来春に新館着工</h1>'
            f'<div class="article"><div class="article__content" id="article-content">{"".join(f"<p>{escape(p)}</p>" for p in story)}</div></div>'
            f'<div class="timeline">{timeline}</div></div></body></html>').encode()


JAPANESE_STORY = [
    "市は水曜日、旧市電車庫の跡地に新しい中央図書館を建設し、来年の春に着工すると発表した。工事は二年ほどかかる見通しで、"
    "完成後は四階建ての閲覧室と子ども向けの広場、住民が工具やミシンを借りられる工房が設けられる。",
    "市長は記者会見で「誰もが学び、集える場所にしたい」と述べ、建設費の半分を国の補助金でまかなう考えを示した。"
    "図書館の蔵書は現在の一・五倍に増やす計画で、夜間の開館時間も延ばすという。",
    "一方、反対する市民団体は、雨漏りが続く郊外の分館の修繕を先に進めるべきだと主張している。"
    "市議会は来月、建設費を盛り込んだ補正予算案を審議する予定だ。",
    "新しい図書館の設計は、公募で選ばれた地元の建築事務所が担当する。木材をふんだんに使った外観で、屋上には市民が自由に"
    "使える庭園を設ける。省エネルギーのため、太陽光発電と地中熱を利用した冷暖房を取り入れる計画だ。",
    "旧市電車庫の建物の一部は保存され、市電の歴史を紹介する展示室として生まれ変わる。市の担当者は「街の記憶を残しながら、"
    "新しい学びの拠点をつくりたい」と話している。開館は再来年の秋を予定している。",
]
CZECH_TEASERS = [
    ("Praha postaví podél hlavní ulice téměř tři stovky družstevních bytů",
     "V Praze vzniknou dva domy s až 266 družstevními byty. Radní v pondělí schválili memorandum s městskou částí, "
     "podle kterého chce město založit bytové družstvo a byty vybudovat do pěti let."),
    ("Vláda schválila rozpočet na příští rok, opozice ho kritizuje",
     "Ministr financí uvedl, že schodek se podaří snížit o několik desítek miliard korun. Opozice tvrdí, že rozpočet "
     "nepočítá s růstem cen energií a že výdaje na obranu jsou nadsazené."),
    ("Meteorologové varují před silným větrem na horách",
     "Nárazy větru mohou ve vyšších polohách dosáhnout až sto kilometrů za hodinu. Lidé by neměli chodit do lesů "
     "a měli by si uklidit volně ložené předměty na zahradách a balkonech."),
    ("Nemocnice v Brně otevřela nové oddělení pro děti",
     "Oddělení má čtyřicet lůžek a herny pro malé pacienty. Stavba stála přes dvě stě milionů korun a trvala dva roky, "
     "peníze poskytl kraj i evropské fondy."),
]


def test_a_japanese_story_is_the_body_over_a_longer_latin_teaser_block_of_the_theme():
    # The page shows four paragraphs of the story (its JSON-LD holds all five) beside the theme's
    # 1,800 characters of Czech teasers, which trafilatura takes. 370 Japanese characters are about
    # as many words, more than the teasers' 300: the JSON-LD story is the body.
    body = _republished(JAPANESE_STORY[:4], teasers=CZECH_TEASERS * 2, jsonld_body="\n\n".join(JAPANESE_STORY))
    article = run(Page(url="https://zpravy.example/clanek/knihovna", body=body)).article
    assert article is not None
    assert article.text.startswith("市は水曜日") and "Praha" not in article.text
    assert (article.article_language, article.chrome_language) == ("ja", "cs")


def test_a_json_ld_body_escaped_twice_is_decoded():
    # Publishers escape inside JSON-LD, some twice ("&amp;ccedil;"): the text is "ç", not "&ccedil;".
    story = ["Orman yangını sabah saatlerinde başladı ve rüzgârın etkisiyle hızla yayıldı. Ekipler havadan ve karadan müdahale etti.",
             "Yetkililer, yangının kontrol altına alındığını ve yerleşim yerlerine ulaşmadığını açıkladı. Soğutma çalışmaları sürüyor.",
             "Bölgede yaşayan vatandaşlar, dumanın gece boyunca görüldüğünü söyledi. Yangının çıkış nedeni araştırılıyor."]
    escaped = "\n\n".join(story).replace("ç", "&amp;ccedil;").replace("ü", "&amp;uuml;")
    ld = json.dumps({"@type": "NewsArticle", "headline": "Orman yangını kontrol altında", "articleBody": escaped})
    body = (f'<html lang="tr"><head><meta charset="utf-8"><title>Orman yangını kontrol altında</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><h1>Orman yangını kontrol altında</h1>'
            '<div class="teaser"><p>Haberin devamı için uygulamamızı indirin.</p></div></body></html>').encode()
    article = run(Page(url="https://haber.example/orman-yangini", body=body)).article
    assert article is not None
    assert "Soğutma çalışmaları sürüyor" in article.text and "&" not in article.text
