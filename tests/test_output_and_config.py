"""Output lines, the schema file, and the site configuration's error messages."""

from __future__ import annotations

import io
import json

import pytest

from newsspider.delivery.feeds import DurableJsonLinesItemExporter
from newsspider.items import SCHEMA_VERSION, Article
from newsspider.schema import load_schema
from newsspider.sites import BUNDLED_SITES, SiteConfigError, load_sites


def article(**changes) -> Article:
    fields = dict(
        url="https://example.com/a", canonical_url="https://example.com/a", source_url=None, site_name="Example",
        title="A", authors=["Jane Doe"], published_at="2024-04-17T06:00:00+00:00", modified_at=None,
        text="One.\n\nTwo.", word_count=2, article_language="en", article_language_confidence=0.99,
        paragraph_languages=[{"language": "en", "share": 1.0}],
        chrome_language="fr", chrome_language_confidence=0.9,
        chrome_language_evidence={"declared_lang": "fr", "og_locale": None, "content_language": None,
                                  "detected": "fr", "vocabulary": "fr", "decided_by": "declared_lang"},
        chrome_languages=[{"language": "fr", "share": 0.9}, {"language": "en", "share": 0.1}],
        language_mismatch=True, removed_widgets={k: 0 for k in ("ads", "comments", "related", "share", "newsletter", "cookie", "author_bio", "read_more")},
        fetched_with="http", crawled_at="2026-11-28T09:00:00+00:00", spider="demo",
    )
    fields.update(changes)
    return Article(**fields)


def export(*items) -> bytes:
    buffer = io.BytesIO()
    exporter = DurableJsonLinesItemExporter(buffer, encoding="utf-8")
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return buffer.getvalue()


def test_one_item_is_one_line_for_every_line_reader():
    raw = export(article(text="line\u2028separator\u2029para\u0085next"), article()).decode("utf-8")
    assert len(raw.splitlines()) == 2
    assert json.loads(raw.splitlines()[0])["text"] == "line\u2028separator\u2029para\u0085next"


def test_schema_accepts_an_article_and_rejects_broken_ones(schema_validator):
    good = json.loads(export(article()))
    assert not list(schema_validator.iter_errors(good))
    for broken in ({"article_language": "english"}, {"fetched_with": "curl"}, {"word_count": -1},
                   {"published_at": "17 April 2024"}, {"schema_version": "0.9"}, {"paragraph_languages": [{"language": "english", "share": 2}]}):
        assert list(schema_validator.iter_errors({**good, **broken})), broken
    missing_text = {k: v for k, v in good.items() if k != "text"}
    assert list(schema_validator.iter_errors(missing_text))


def test_schema_version_is_the_items():
    assert load_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert set(load_schema()["required"]) == set(Article.__dataclass_fields__)


def test_bundled_sites_load():
    sites = load_sites([BUNDLED_SITES])
    assert "demo" in sites and len(sites) >= 5
    assert sites["demo"].hosts() == ("127.0.0.1",)


@pytest.mark.parametrize("entry,message", [
    ('name = "bad name"\nfeeds = ["https://x.test/rss"]', "name"),
    ('name = "nothing"', "no start_urls, feeds or sitemaps"),
    ('name = "badre"\nfeeds = ["https://x.test/rss"]\narticle_url_pattern = "(["', "article_url_pattern"),
    ('name = "feeds"\nfeeds = 3', "feeds must be a list"),
])
def test_site_config_errors_say_what_is_wrong(tmp_path, entry, message):
    path = tmp_path / "sites.toml"
    path.write_text(f"[[site]]\n{entry}\n")
    with pytest.raises(SiteConfigError, match=message):
        load_sites([path])


@pytest.mark.parametrize("name", sorted(n for n in load_sites([BUNDLED_SITES]) if n != "demo"))
def test_bundled_real_site_entries_are_self_consistent(name, tmp_path):
    """Each real site carries sample article URLs: its host rules keep them, its pattern takes them
    for articles, and its feeds and sitemaps are http(s) URLs on the site or on a host of its own
    (read even outside allowed_domains). What the sites serve today is `newsspider sources NAME`'s job."""
    from urllib.parse import urlsplit

    from scrapy.utils.test import get_crawler

    from newsspider.spiders.site import site_spider_class

    config = load_sites([BUNDLED_SITES])[name]
    assert config.sample_urls, f"{name} has no sample_urls"
    crawler = get_crawler(site_spider_class(config), {"TWISTED_REACTOR_ENABLED": False, "INCREMENTAL_ENABLED": False})
    spider = crawler._create_spider()
    for url in config.sample_urls:
        assert spider.on_site(url) and spider.is_article_url(url), url
    for source in (*config.feeds, *config.sitemaps, *config.start_urls):
        assert urlsplit(source).scheme in ("http", "https") and urlsplit(source).hostname, source
    for start in config.start_urls:  # links are followed on the site's own hosts only
        assert spider.on_site(start), f"{start} is not on {name}'s allowed_domains"
