"""One story under many URLs is written once."""

from __future__ import annotations

import pytest
from conftest import crawl, site_file

from newsspider.demo.site import DemoSite, Route
from newsspider.extraction.urls import looks_like_article_url, strip_tracking, url_identity

STORY = "https://www.example.com/world/2024/04/harbour-ferries-return"


@pytest.mark.parametrize("variant", [
    STORY, STORY + "/", STORY + "?utm_source=rss&utm_medium=feed", STORY + "#comments",
    STORY + "/amp", STORY + "/amp/", "https://example.com/world/2024/04/harbour-ferries-return",
    "http://www.example.com/world/2024/04/harbour-ferries-return?fbclid=abc", "https://WWW.Example.com:443/world/2024/04/harbour-ferries-return",
    "https://amp.example.com/world/2024/04/harbour-ferries-return",
])
def test_url_variants_of_one_story_share_an_identity(variant):
    assert url_identity(variant) == url_identity(STORY)


def test_different_stories_and_real_parameters_stay_apart():
    assert url_identity(STORY + "?id=1") != url_identity(STORY + "?id=2")
    assert url_identity(STORY) != url_identity(STORY + "-update")
    assert strip_tracking(STORY + "?id=7&utm_campaign=x#top") == STORY + "?id=7"


@pytest.mark.parametrize("url,expected", [
    ("https://example.com/world/2024/04/harbour-ferries-return", True),
    ("https://example.com/news/ferries-return-after-winter-repairs", True),
    ("https://example.com/politik/a-68234512", True),
    ("https://example.com/tag/ferries/", False), ("https://example.com/about", False),
    ("https://example.com/world/", False), ("https://example.com/images/2024/04/photo.jpg", False),
    ("https://example.com/author/maya-thornton-and-friends", False), ("https://example.com/", False),
])
def test_article_url_shapes(url, expected):
    assert looks_like_article_url(url) is expected


def test_duplicates_under_other_urls_are_written_once(tmp_path):
    """The same story under a tracking URL, an AMP URL, and an ?id= URL whose canonical link names
    the story: one item; the ?id= copy is fetched (nothing in its URL says it is the same) and
    dropped as a counted duplicate."""
    site = DemoSite()
    running = site.serve()
    try:
        story = site.articles[1]
        copy = site.routes[story.path].body
        site.routes["/en/2024/04/story.html"] = Route(copy)  # canonical still names story.path
        paths = [story.path + "?utm_source=x", story.path.replace(".html", ".amp.html"), story.path, "/en/2024/04/story.html"]
        site.routes["/dupes.xml"] = Route(site.urlset(paths).encode(), "application/xml")
        site.routes[story.path.replace(".html", ".amp.html")] = Route(copy)
        config = site_file(tmp_path, site.base_url, feeds=[], start_urls=[], sitemaps=[f"{site.base_url}/dupes.xml"])
        result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}")
    finally:
        running.stop()
    assert len(result.items) == 1, [i["url"] for i in result.items]
    assert result.items[0]["canonical_url"] == site.url(story.path)
    assert result.dropped() == {"duplicate": 1}
