"""JavaScript-only pages: rendered in Debian's chromium through scrapy-playwright, only where needed."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from conftest import crawl, site_file

from newsspider.demo.js_site import NEVER_RENDERS, JsDemoSite
from newsspider.extraction.urls import url_identity
from newsspider.rendering import chromium_path

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is not installed: .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

FAST = ["-s", "RENDER_TIMEOUT=3", "-s", "LOG_LEVEL=INFO"]


def chromium_processes() -> int:
    done = subprocess.run(["pgrep", "-c", "-f", "chrom(e|ium)"], capture_output=True, text=True)
    return int(done.stdout.strip() or 0)


def js_crawl(tmp_path, site: JsDemoSite, *settings: str, render_js: str = "auto"):
    running = site.serve()
    try:
        config = site_file(tmp_path, site.base_url, start_urls=[], sitemaps=[], feeds=[f"{site.base_url}/feed.xml"],
                           article_url_pattern=None, render_js=render_js)
        return crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", *FAST, *settings)
    finally:
        running.stop()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    before = chromium_processes()
    site = JsDemoSite(plain=6, scripted=3)
    result = js_crawl(tmp_path_factory.mktemp("js"), site, "-s", "RENDER_SWITCH_AFTER=100")
    return site, result, before


def test_every_article_from_both_sections_is_emitted(mixed):
    site, result, _ = mixed
    assert result.returncode == 0
    assert {url_identity(i["url"]) for i in result.items} == {url_identity(u) for u in site.article_urls()}, result.log[-3000:]
    for item in result.items:
        assert item["text"].endswith("in the series.")  # the whole article, the last paragraph included


def test_only_script_pages_are_rendered_and_counted(mixed):
    site, result, _ = mixed
    rendered = {url_identity(i["url"]) for i in result.items if i["fetched_with"] == "playwright"}
    assert rendered == {url_identity(u) for u in site.scripted_urls()}
    stats = result.stats
    assert stats["newsspider/articles/playwright"] == 3 and stats["newsspider/articles/http"] == 6
    assert stats["newsspider/render/needed"] == 4  # the three scripted pages and the broken one


def test_a_page_that_never_renders_is_logged_with_its_reason(mixed):
    site, result, _ = mixed
    assert f"Could not render {site.url(NEVER_RENDERS)}: no article text appeared within 3 s" in result.log
    assert "JavaScript error on" in result.log and "results service unavailable" in result.log
    assert result.stats.get("newsspider/render/failed/TimeoutError") == 1
    assert result.stats.get("retry/count", 0) >= 1  # it was tried again before giving up


def test_no_chromium_is_left_running(mixed):
    _, _, before = mixed
    # The crawl has exited; its browser's processes finish shutting down within moments.
    deadline = time.monotonic() + 15
    while chromium_processes() > before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert chromium_processes() <= before


def test_a_site_whose_first_pages_all_need_rendering_switches_to_rendering(tmp_path):
    site = JsDemoSite(plain=0, scripted=5)
    result = js_crawl(tmp_path, site, "-s", "RENDER_SWITCH_AFTER=2", "-s", "CONCURRENT_REQUESTS=1")
    assert result.stats.get("newsspider/render/switched_to_always") == 1
    assert len(result.items) == 5 and all(i["fetched_with"] == "playwright" for i in result.items)
    # After the switch pages go to the browser directly: fewer plain fetches than pages.
    assert result.stats["newsspider/render/needed"] < 6


def test_never_means_never(tmp_path):
    site = JsDemoSite(plain=2, scripted=2)
    result = js_crawl(tmp_path, site, render_js="never")
    assert {i["fetched_with"] for i in result.items} == {"http"} and len(result.items) == 2
    assert result.dropped().get("script_shell") == 3
    assert not result.stats.get("playwright/request_count")
