"""End to end: `scrapy crawl` over the demo news site served on 127.0.0.1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import article_files, crawl, site_file

from newsspider.extraction.urls import url_identity


def identities(items):
    return [url_identity(item["url"]) for item in items]


def test_crawl_finds_every_article_once_and_no_other_page(demo_crawl, demo_site):
    assert demo_crawl.returncode == 0, demo_crawl.log[-2000:]
    found = identities(demo_crawl.items)
    assert sorted(found) == sorted(url_identity(u) for u in demo_site.article_urls())
    assert len(found) == len(set(found)) == len(demo_site.articles)


def test_non_article_pages_are_dropped_with_a_counted_reason(demo_crawl, demo_site):
    written = set(identities(demo_crawl.items))
    for path in demo_site.NON_ARTICLE_PATHS:
        assert url_identity(demo_site.url(path)) not in written
    # The script-only shell is listed in the news sitemap and matches the article pattern.
    assert demo_crawl.dropped().get("script_shell") == 1
    assert "script_shell 1" in demo_crawl.stdout


def test_articles_are_found_through_feeds_and_sitemaps(demo_crawl):
    stats = demo_crawl.stats
    assert stats["newsspider/feeds/read"] == 2
    assert stats["newsspider/sitemaps/index"] == 1 and stats["newsspider/sitemaps/urlset"] == 2
    assert stats["newsspider/discovered/feed"] >= 10 and stats["newsspider/discovered/sitemap"] >= 20


def test_every_output_line_validates_against_the_schema(demo_crawl, schema_validator):
    assert demo_crawl.lines
    for line in demo_crawl.lines:
        item = json.loads(line)
        errors = [e.message for e in schema_validator.iter_errors(item)]
        assert not errors, (item["url"], errors)


def test_article_fields_match_what_the_site_published(demo_crawl, demo_site):
    by_identity = {url_identity(i["url"]): i for i in demo_crawl.items}
    for article in demo_site.articles:
        item = by_identity[url_identity(demo_site.url(article.path))]
        assert item["title"] == article.title
        assert item["text"] == article.text, article.slug
        assert item["published_at"] == article.date
        assert item["authors"] == [a.strip() for a in article.author.split(" and ")]
        assert item["article_language"] == article.lang
        assert item["canonical_url"] == demo_site.url(article.path)
        assert item["spider"] == "testsite" and item["fetched_with"] == "http"


def test_each_widget_kind_on_the_courier_theme_is_removed_and_counted(demo_crawl, demo_site):
    courier = [a for a in demo_site.articles if a.theme == "courier"]
    by_identity = {url_identity(i["url"]): i for i in demo_crawl.items}
    for article in courier:
        widgets = by_identity[url_identity(demo_site.url(article.path))]["removed_widgets"]
        for kind in ("ads", "comments", "share", "newsletter", "cookie", "author_bio"):
            assert widgets[kind] >= 1, (article.slug, kind, widgets)


def test_seed_like_page_yields_english_body_in_french_chrome(demo_crawl, demo_site):
    seed_like = next(a for a in demo_site.articles if a.theme == "actu")
    item = next(i for i in demo_crawl.items if url_identity(i["url"]) == url_identity(demo_site.url(seed_like.path)))
    assert item["text"] == seed_like.text
    assert item["source_url"] == seed_like.source
    assert (item["chrome_language"], item["article_language"], item["language_mismatch"]) == ("fr", "en", True)


def test_without_output_option_articles_go_to_output_spider_time(demo_site, tmp_path):
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={site_file(tmp_path, demo_site.base_url)}", output=None)
    files = article_files(tmp_path / "output" / "testsite")
    assert len(files) == 1, result.log[-2000:]
    assert len(files[0].read_text(encoding="utf-8").splitlines()) == len(demo_site.articles)
    assert f"{len(demo_site.articles)} articles → output/testsite/" in result.stdout


def test_output_option_replaces_the_default_output(demo_crawl, tmp_path):
    # demo_crawl ran with -O out.jsonl: that file and nothing under output/
    assert demo_crawl.lines
    assert " articles → output/" not in demo_crawl.stdout


def test_generic_spider_finds_articles_without_configuration(demo_site, tmp_path):
    result = crawl("news", tmp_path, "-a", f"url={demo_site.base_url}/", "-a", "render_js=never")
    found = set(identities(result.items))
    assert found == {url_identity(u) for u in demo_site.article_urls()}, result.log[-3000:]


def test_generic_spider_falls_back_to_links_when_a_site_has_no_feed_or_sitemap(tmp_path):
    from newsspider.demo.site import DemoSite

    site = DemoSite()
    running = site.serve()
    try:
        for path in ("/robots.txt", "/feed.xml", "/fr/atom.xml", "/sitemap_index.xml", "/sitemap-news.xml", "/sitemap-articles.xml"):
            site.routes.pop(path)
        result = crawl("news", tmp_path, "-a", f"url={site.base_url}/", "-a", "render_js=never")
    finally:
        running.stop()
    found = set(identities(result.items))
    # Every article is linked from the home page or a section front.
    assert found == {url_identity(u) for u in site.article_urls()}, result.log[-3000:]
    assert not result.stats.get("newsspider/feeds/read") and not result.stats.get("newsspider/sitemaps/urlset")


def test_adding_a_site_is_adding_an_entry(demo_site, tmp_path):
    import subprocess

    path = site_file(tmp_path, demo_site.base_url, name="another-paper")
    listed = subprocess.run(
        [sys.executable, "-m", "scrapy", "list", "-s", f"SITES_FILES={path}"],
        cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True,
    )
    assert "another-paper" in listed.stdout.split(), listed.stderr
    assert "demo" in listed.stdout.split() and "news" in listed.stdout.split()


def test_a_host_never_gets_more_than_its_concurrency_at_once(tmp_path):
    from newsspider.demo.site import DemoSite

    site = DemoSite()
    running = site.serve()
    site.delay = 0.05  # answers overlap whenever the crawl sends more than one at a time
    try:
        # AutoThrottle off and no download delay, as a user crawling their own server sets it.
        result = crawl("news", tmp_path, "-a", f"url={site.base_url}/", "-a", "render_js=never",
                       "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DOWNLOAD_DELAY=0")
    finally:
        running.stop()
    assert len(result.items) == len(site.article_urls()), result.log[-3000:]
    assert site.most_in_flight == 2  # used, and never exceeded (Scrapy 2.19 alone sent up to 9)
