"""Pages that are not HTML, empty, malformed, mislabelled or hostile: a logged or counted reason,
never a crash, a hang or a broken output line."""

from __future__ import annotations

import json

import pytest
from conftest import crawl, site_file

from newsspider.demo.site import DemoSite, Route
from newsspider.extraction.stages import run
from newsspider.items import Page

JAPANESE = (
    "港と北の島々を結ぶ三隻の旅客フェリーが、冬の間の修理を終えて月曜日から運航を再開したと港湾局が発表した。"
    "技術者は二隻のプロペラ軸を交換し、三隻すべてに新しい救命胴衣の保管庫を取り付けた。"
    "修理の間、代替バスを利用していた通勤客は再開を歓迎した。バスでは四十分かかったが、フェリーなら十二分で着く。"
    "港湾局によると、ピーク時に二十分おきに出航する夏の時刻表は六月の第一週に始まる予定だという。"
)
def story(topic: str) -> str:
    """Five paragraphs, different per page so that no two pages are the same story."""
    return "".join(
        f"<p>Paragraph {n}: about {topic}, the harbour authority published its yearly report on the state of the piers, "
    f"the ferries and the fish market, and the council will discuss it on Thursday.</p>" for n in range(1, 6)
    )


def article_html(title: str, body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


JUNK = {
    "/en/2024/04/report-as-pdf.html": Route(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" * 50, "text/html"),
    "/en/2024/04/photo-of-the-day.html": Route(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "image/png"),
    "/en/2024/04/empty-page.html": Route(b"", "text/html; charset=utf-8"),
    "/en/2024/04/japanese-wrong-charset.html": Route(
        ("<html lang='ja'><head><meta charset='shift_jis'><title>フェリー運航再開</title></head><body><article><h1>フェリー運航再開</h1>"
         + "".join(f"<p>{s}。</p>" for s in JAPANESE.split("。") if s) + "</article></body></html>").encode("shift_jis"),
        "text/html; charset=utf-8"),
    # A server's default "iso-8859-1" over a page written in UTF-8: decoded as labelled, "für" reads "fÃ¼r".
    "/en/2024/04/utf8-labelled-latin1.html": Route(
        ("<html lang='de'><head><title>Fähren fahren wieder</title></head><body><article><h1>Fähren fahren wieder</h1>"
         + "".join(f"<p>Absatz {n}: Die Fähren über den Fluss fahren ab Montag wieder nach dem gewohnten Fahrplan, teilte die "
                   "Hafenbehörde mit; für Fußgänger und Radfahrer gilt weiterhin der günstigere Tarif.</p>" for n in range(1, 6))
         + "</article></body></html>").encode("utf-8"),
        "text/html; charset=iso-8859-1"),
    # A page converted to UTF-8 with its old <meta charset="gbk"> left: GBK reads UTF-8 as other characters.
    "/en/2024/04/utf8-labelled-gbk.html": Route(
        # (its scripts make most of its bytes, as on real pages: the few replacement characters GBK
        # gives are too small a share of the text to tell a wrong charset by)
        ("<html><head><meta charset='gbk'><title>新电脑已可利用记忆自学</title>"
         + "<script>var tracking = {" + ",".join(f"'k{n}': {n}" for n in range(12000)) + "};</script>"
         + "</head><body><article><h1>新电脑已可利用记忆自学</h1>"
         + "".join(f"<p>第{n}段：研究人员周三表示，这台新电脑能够利用自己的记忆来学习，并在没有人类帮助的情况下完成复杂的任务，"
                   "这被认为是人工智能领域的一个新台阶。</p>" for n in range(1, 6))
         + "</article></body></html>").encode("utf-8"),
        "text/html"),
    "/en/2024/04/unclosed-title.html": Route(
        ("<html><head><title>Piers report" + "<body><article>" + story("an unclosed title") + "</article></body></html>").encode()),
    "/en/2024/04/deeply-nested.html": Route(
        ("<html><head><title>Deep</title></head><body>" + "<div>" * 3000 + "<article>" + story("deep nesting") + "</article>" + "</div>" * 3000 + "</body></html>").encode()),
    "/en/2024/04/script-in-body.html": Route(article_html(
        "Piers report", story("scripts")[:400] + "<script>var trackingSecret = 'should never be in the text';</script>" + story("scripts")[400:]).encode()),
    "/en/2024/04/line-separator.html": Route(article_html("Line separators", story("separators").replace("yearly report", "yearly\u2028report\u2029and\u0085more")).encode()),
    "/en/2024/04/not-found.html": Route(b"<html><body>gone</body></html>", status=404),
    "/en/2024/04/nul-bytes.html": Route(b"<html>\x00\x00\x00\x01binary\x00" * 100, "text/html"),
}


@pytest.fixture(scope="module")
def junk_crawl(tmp_path_factory):
    site = DemoSite()
    running = site.serve()
    site.routes.update(JUNK)
    site.routes["/junk-sitemap.xml"] = Route(site.urlset(list(JUNK)).encode(), "application/xml")
    tmp = tmp_path_factory.mktemp("junk")
    config = site_file(tmp, site.base_url, feeds=[], start_urls=[], sitemaps=[f"{site.base_url}/junk-sitemap.xml"])
    try:
        yield crawl("testsite", tmp, "-s", f"SITES_FILES={config}", "-s", "RETRY_TIMES=0"), tmp
    finally:
        running.stop()


def by_slug(result, slug):
    return next((i for i in result.items if slug in i["url"]), None)


def test_crawl_survives_and_counts_every_bad_page(junk_crawl):
    result, _ = junk_crawl
    assert result.returncode == 0
    assert "Traceback" not in result.log, result.log[-3000:]
    dropped = result.dropped()
    assert dropped.get("not_html") == 3  # the PDF, the PNG and the NUL-byte page
    assert dropped.get("empty_page") == 1
    assert set(dropped) == {"not_html", "empty_page"}, dropped  # every readable page became an article
    assert result.stats.get("newsspider/fetch_failed/http_404") == 1


def test_mislabelled_charset_is_repaired_and_logged(junk_crawl):
    result, _ = junk_crawl
    item = by_slug(result, "japanese-wrong-charset")
    assert item is not None
    assert "\ufffd" not in item["text"] and "フェリー" in item["text"]
    assert item["article_language"] == "ja"
    assert "Repaired" in result.log and "japanese-wrong-charset" in result.log


def test_utf8_bytes_under_a_latin1_or_gbk_label_are_read_as_utf8(junk_crawl):
    result, _ = junk_crawl
    item = by_slug(result, "utf8-labelled-latin1")
    assert item is not None
    assert item["title"] == "Fähren fahren wieder" and "für Fußgänger" in item["text"] and "Ã" not in item["text"]
    assert "utf8-labelled-latin1" in result.log and "the bytes are UTF-8" in result.log
    chinese = by_slug(result, "utf8-labelled-gbk")
    assert chinese is not None and chinese["title"] == "新电脑已可利用记忆自学" and "人工智能" in chinese["text"]
    assert chinese["article_language"] == "zh"


def test_malformed_and_deeply_nested_pages_keep_their_text(junk_crawl):
    result, _ = junk_crawl
    for slug in ("unclosed-title", "deeply-nested"):
        item = by_slug(result, slug)
        assert item is not None, slug
        assert "Paragraph 1:" in item["text"] and "Paragraph 5:" in item["text"], slug


def test_script_contents_never_reach_the_text(junk_crawl):
    result, _ = junk_crawl
    item = by_slug(result, "script-in-body")
    assert "trackingSecret" not in item["text"] and "Paragraph 5:" in item["text"]


def test_unicode_line_separators_do_not_split_json_lines(junk_crawl):
    result, tmp = junk_crawl
    raw = (tmp / "out.jsonl").read_text(encoding="utf-8")
    lines = raw.splitlines()  # the reader that breaks on U+2028 / U+0085
    assert len(lines) == len(result.items)
    for line in lines:
        json.loads(line)
    item = by_slug(result, "line-separator")
    # The separators were line breaks inside a paragraph: the words stay, joined by spaces.
    assert "yearly report and more" in item["text"]


@pytest.mark.parametrize("html,reason", [
    ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", "too_short"),
    ("<html><body><div id='app'></div><script src='/app.js'></script></body></html>", "script_shell"),
    ("<html><body><div id='app'></div><noscript>Please enable JavaScript.</noscript></body></html>", "script_shell"),
])
def test_a_page_without_text_is_one_counted_drop_and_no_warning(html, reason, caplog):
    with caplog.at_level("WARNING"):
        outcome = run(Page(url="https://news.example/en/2024/04/menu-only.html", body=html.encode(), headers={"content-type": "text/html"}))
    assert outcome.drop_reason == reason
    assert not [r for r in caplog.records if r.levelno >= 30], [r.getMessage() for r in caplog.records]
