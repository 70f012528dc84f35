"""Unit tests of the Scrapy components, each built as Scrapy builds it (get_crawler +
build_from_crawler), asserting on what it does to a request or item and on crawler.stats."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newsspider.delivery.feeds import delivery_of
from newsspider.delivery.fetching import IncrementalFetchMiddleware
from newsspider.delivery.records import DeliveryRecords
from newsspider.extraction.urls import url_identity
from newsspider.items import Article, Page
from newsspider.middlewares import RecordedRedirectMiddleware, RedirectRefused
from newsspider.pipelines.article import ArticlePipeline
from newsspider.pipelines.dedup import DuplicateArticlePipeline
from newsspider.pipelines.drops import CountedDrop
from newsspider.pipelines.incremental import IncrementalPipeline
from newsspider.robots import DisallowAll, RobotsPolicyMiddleware, RobotsUnavailable
from newsspider.sites import SiteConfig
from newsspider.skips import SkippedRequest
from newsspider.spiders.site import site_spider_class

SITE = "http://127.0.0.1:8765"


@pytest.fixture
def crawler(tmp_path):
    spider_class = site_spider_class(SiteConfig(name="unit", start_urls=(f"{SITE}/",), allowed_domains=("127.0.0.1",)))
    made = get_crawler(spider_class, {
        "EXTENSIONS": {"newsspider.delivery.records.DeliveryRecords": 10},
        "STATE_DIR": str(tmp_path / "state"), "TWISTED_REACTOR_ENABLED": False, "ROBOTSTXT_OBEY": True,
    })
    made.spider = made._create_spider()
    yield made
    made.get_extension(DeliveryRecords).engine_stopped()


def article_request(path: str, **meta) -> Request:
    return Request(f"{SITE}{path}", meta={"discovered_via": "feed", **meta})


def test_article_pipeline_turns_a_page_into_an_article_and_counts_drops(crawler, demo_site):
    pipeline = build_from_crawler(ArticlePipeline, crawler)
    story = demo_site.articles[0]
    article = pipeline.process_item(Page(url=demo_site.url(story.path), body=demo_site.routes[story.path].body))
    assert isinstance(article, Article) and article.title == story.title
    with pytest.raises(CountedDrop) as dropped:
        pipeline.process_item(Page(url=f"{SITE}/paper.html", body=b"%PDF-1.7\n" + b"x" * 400))
    assert dropped.value.reason == "not_html"
    assert crawler.stats.get_value("newsspider/articles/http") == 1
    assert crawler.stats.get_value("newsspider/dropped/not_html") == 1


def test_duplicate_pipeline_drops_a_story_seen_under_another_url(crawler, demo_site):
    pipeline = build_from_crawler(DuplicateArticlePipeline, crawler)
    story = demo_site.articles[0]
    article = build_from_crawler(ArticlePipeline, crawler).process_item(
        Page(url=demo_site.url(story.path), body=demo_site.routes[story.path].body))
    assert pipeline.process_item(article) is article
    with pytest.raises(CountedDrop):
        pipeline.process_item(Article(**{**vars(article), "url": demo_site.url(story.path) + "?utm_source=x"}))
    assert crawler.stats.get_value("newsspider/dropped/duplicate") == 1


def test_incremental_pipeline_drops_what_was_delivered_and_raises_revisions(crawler, demo_site):
    story = demo_site.articles[0]
    article = build_from_crawler(ArticlePipeline, crawler).process_item(
        Page(url=demo_site.url(story.path), body=demo_site.routes[story.path].body))
    crawler.get_extension(DeliveryRecords).ledger.record_delivered([delivery_of(article)])
    pipeline = build_from_crawler(IncrementalPipeline, crawler)
    with pytest.raises(CountedDrop) as dropped:
        pipeline.process_item(article)
    assert dropped.value.reason == "unchanged"
    changed = pipeline.process_item(Article(**{**vars(article), "text": article.text + "\n\nCorrection."}))
    assert changed.revision == 2
    assert crawler.stats.get_value("newsspider/incremental/updated") == 1


def test_fetch_middleware_skips_delivered_urls_and_revisits_conditionally(crawler):
    ledger = crawler.get_extension(DeliveryRecords).ledger
    key = url_identity(f"{SITE}/a.html")
    ledger.record_delivered([delivery_of({"url": f"{SITE}/a.html", "text": "x", "title": "A"})])
    ledger.set_validators(key, '"abc"', None)
    ledger.record_outcome({url_identity(f"{SITE}/listing.html")}, "dropped", "listing_page")
    middleware = build_from_crawler(IncrementalFetchMiddleware, crawler)
    with pytest.raises(SkippedRequest) as skipped:
        middleware.process_request(article_request("/a.html"))
    assert skipped.value.reason == "already_delivered"
    with pytest.raises(SkippedRequest) as skipped:
        middleware.process_request(article_request("/listing.html"))
    assert skipped.value.reason == "dropped_before"
    assert middleware.process_request(article_request("/new.html")) is None
    middleware.interval = middleware.interval * 0  # due for a revisit now
    revisit = middleware.process_request(article_request("/a.html"))
    assert revisit.headers["If-None-Match"] == b'"abc"' and revisit.meta["revisit"]
    with pytest.raises(SkippedRequest):
        middleware.process_response(revisit, Response(revisit.url, status=304))
    assert crawler.stats.get_value("newsspider/revisit/not_modified") == 1
    assert crawler.stats.get_value("newsspider/incremental/not_refetched") == 1


def test_redirect_middleware_names_loops_and_off_site_redirects(crawler):
    middleware = build_from_crawler(RecordedRedirectMiddleware, crawler)
    first = Request(f"{SITE}/a.html")
    to_b = middleware.process_response(first, HtmlResponse(first.url, status=302, headers={"Location": "/b.html"}))
    with pytest.raises(RedirectRefused) as refused:
        middleware.process_response(to_b, HtmlResponse(to_b.url, status=302, headers={"Location": "/a.html"}))
    assert refused.value.reason == "redirect_loop"
    with pytest.raises(RedirectRefused) as refused:
        middleware.process_response(first, HtmlResponse(first.url, status=301, headers={"Location": "http://other.example/"}))
    assert refused.value.reason == "redirect_offsite"


def test_robots_middleware_refuses_a_host_whose_robots_txt_could_not_be_read(crawler):
    middleware = build_from_crawler(RobotsPolicyMiddleware, crawler)
    with pytest.raises(RobotsUnavailable) as refused:
        middleware.process_request_2(DisallowAll("HTTP 503"), Request(f"{SITE}/a.html"))
    assert refused.value.reason == "robots_unavailable"
    assert crawler.stats.get_value("robotstxt/forbidden") == 1


def test_scope_refuses_other_schemes_and_internal_addresses_in_open_web_mode(crawler):
    from newsspider.scope import OutOfScope, ScopeMiddleware

    middleware = build_from_crawler(ScopeMiddleware, crawler)
    with pytest.raises(OutOfScope) as refused:
        middleware.process_request(Request("file:///etc/hostname"))
    assert refused.value.reason == "scheme_refused"
    assert middleware.process_request(Request("http://10.1.2.3/a.html")) is None  # the site's own allowed hosts
    crawler.spider.open_web = True
    for internal in ("http://10.1.2.3/a.html", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://localhost/"):
        with pytest.raises(OutOfScope) as refused:
            middleware.process_request(Request(internal))
        assert refused.value.reason == "internal_address", internal
    middleware.allowed.add("127.0.0.1")
    assert middleware.process_request(Request("http://127.0.0.1:8765/")) is None
    assert crawler.stats.get_value("newsspider/scope/internal_address") == 4


def test_backoff_reads_retry_after_in_seconds_and_as_a_date():
    from email.utils import formatdate

    from newsspider.scope import retry_after_seconds

    assert retry_after_seconds(b"5") == 5.0
    assert 25 <= retry_after_seconds(formatdate(__import__("time").time() + 30, usegmt=True)) <= 31
    assert retry_after_seconds(b"soon") is None


def test_rendered_pages_cannot_reach_internal_addresses_other_than_their_own_host():
    from types import SimpleNamespace

    from newsspider.rendering import should_abort_request

    def browser_request(url, page_url, navigation=False, kind="fetch"):
        frame = SimpleNamespace(parent_frame=None, page=SimpleNamespace(url=page_url))
        return SimpleNamespace(url=url, resource_type=kind, frame=frame, is_navigation_request=lambda: navigation)

    assert should_abort_request(browser_request("http://169.254.169.254/latest/", "https://news.example/story"))
    assert should_abort_request(browser_request("http://localhost:6379/", "https://news.example/story"))
    assert should_abort_request(browser_request("http://10.0.0.7/admin", "https://news.example/story"))
    assert not should_abort_request(browser_request("https://cdn.news.example/app.js", "https://news.example/story", kind="script"))
    assert not should_abort_request(browser_request("http://127.0.0.1:8766/api", "http://127.0.0.1:8766/app/story.html"))
    assert not should_abort_request(browser_request("http://127.0.0.1:8766/app/story.html", "about:blank", navigation=True))
