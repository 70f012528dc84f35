"""Delivery a scheduler can trust: every article once, nothing recorded that was not written, an
exit status that tells the truth, and one recorded outcome for every URL."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import QUIET, article_files, crawl, free_port, newsspider_cmd, site_file

from newsspider.demo.js_site import JsDemoSite
from newsspider.demo.site import DemoSite, Route
from newsspider.extraction.urls import url_identity


def lines_of(paths) -> list[dict]:
    return [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]


def summary_of(folder: Path) -> dict:
    (path,) = sorted(folder.glob("*.summary.json"))[-1:]
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def served():
    sites = []

    def serve(site):
        sites.append(site.serve())
        return site

    yield serve
    for running in sites:
        running.stop()


def test_a_quiet_rerun_exits_0_without_warnings(served, tmp_path):
    site = served(DemoSite())
    sites = site_file(tmp_path, site.base_url)
    first = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    site.requests.clear()
    second = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-3000:]
    assert " WARNING" not in second.stderr and " ERROR" not in second.stderr
    assert "since the last crawl: 0 new, 0 updated, 0 unchanged, 21 not refetched" in second.stdout
    summary = summary_of(tmp_path / "output" / "testsite")
    assert summary["delivered"] == 0 and summary["verdict"] == {"ok": True, "why": "", "exit_status": 0}
    # Pages dropped by the first crawl are not fetched again: the script shell, no article page.
    assert site.SHELL_PATH not in site.requests
    assert not {a.path for a in site.articles} & set(site.requests)


def test_an_unchanged_rerun_makes_few_requests(served, tmp_path):
    site = served(JsDemoSite(plain=120, scripted=0, broken=False))
    sites = site_file(tmp_path, site.base_url, start_urls=[], sitemaps=[], feeds=[f"{site.base_url}/feed.xml"],
                      article_url_pattern=None)
    newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    first_requests = len(site.requests)
    site.requests.clear()
    newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    assert first_requests > 120 and len(site.requests) <= 0.02 * first_requests, site.requests


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_fails_the_run_and_the_next_run_delivers_the_rest(served, tmp_path):
    site = served(JsDemoSite(plain=150, scripted=0, broken=False))
    sites = site_file(tmp_path, site.base_url, start_urls=[], sitemaps=[], feeds=[f"{site.base_url}/feed.xml"],
                      article_url_pattern=None)
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(small)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        full = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, "--output-dir", str(small),
                              "--state-dir", str(tmp_path / "state"), cwd=tmp_path)
        written = sorted((small / "testsite").glob("*.jsonl*"))
        delivered_first = lines_of(written)  # every line parses: no cut line is left
    finally:
        subprocess.run(["umount", str(small)])
    assert full.returncode == 1, full.stderr[-3000:]
    assert "Delivery failed" in full.stderr and "No space left on device" in full.stderr
    assert "FAILED testsite (delivery failed" in full.stderr
    assert 10 < len(delivered_first) < 150
    again = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET,
                           "--state-dir", str(tmp_path / "state"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr[-3000:]
    delivered_next = lines_of(article_files(tmp_path / "output" / "testsite"))
    found = [url_identity(i["url"]) for i in delivered_first + delivered_next]
    assert len(found) == len(set(found)) and set(found) == {url_identity(u) for u in site.article_urls()}


def test_a_failing_feed_storage_fails_the_run_and_the_next_run_delivers(served, tmp_path):
    site = served(DemoSite())
    sites = site_file(tmp_path, site.base_url)
    ftp = json.dumps({f"ftp://user:secret@127.0.0.1:{free_port()}/articles.jsonl": {"format": "jsonlines"}})
    down = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, "-s", f"FEEDS={ftp}", cwd=tmp_path)
    assert down.returncode == 1 and "Delivery failed" in down.stderr, down.stderr[-3000:]
    assert "1 of 1 sites crawled" not in down.stdout
    up = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    assert up.returncode == 0
    assert len(lines_of(article_files(tmp_path / "output" / "testsite"))) == len(site.articles)


def test_minus_o_appends_what_is_new_and_minus_O_writes_a_snapshot(served, tmp_path):
    site = served(DemoSite())
    config = f"SITES_FILES={site_file(tmp_path, site.base_url)}"
    crawl("testsite", tmp_path, "-s", config, output=None)  # the default output, as `make demo` would
    appended = crawl("testsite", tmp_path, "-s", config, output="new.jsonl")
    snapshot = crawl("testsite", tmp_path, "-s", config, output="all.jsonl", snapshot=True)
    assert appended.items == [] and appended.returncode == 0
    assert len(snapshot.items) == len(site.articles) and snapshot.returncode == 0
    assert {i["revision"] for i in snapshot.items} == {1}


def test_a_changed_story_without_lastmod_is_found_on_a_revisit(served, tmp_path):
    site = served(DemoSite())
    # A feed-only site: no sitemap lastmod tells that a story changed.
    config = f"SITES_FILES={site_file(tmp_path, site.base_url, sitemaps=[], start_urls=[])}"
    first = crawl("testsite", tmp_path, "-s", config, output="first.jsonl")
    changed = next(a for a in site.articles if a.feed)
    index = site.articles.index(changed)
    site.articles[index] = dataclasses.replace(changed, paragraphs=[*changed.paragraphs, "Correction: the pier is 40 m long."])
    site.build()
    too_soon = crawl("testsite", tmp_path, "-s", config, output="soon.jsonl")
    revisit = crawl("testsite", tmp_path, "-s", config, "-s", "REVISIT_INTERVAL=0", output="revisit.jsonl")
    assert too_soon.items == []
    assert [i["canonical_url"] for i in revisit.items] == [site.url(changed.path)]
    assert revisit.items[0]["revision"] == 2 and revisit.items[0]["text"].endswith("40 m long.")
    # The others answered 304 to the conditional request: no extraction, counted.
    assert revisit.stats["newsspider/revisit/not_modified"] == len(first.items) - 1


def test_redirect_loops_and_off_site_redirects_are_recorded_failures(served, tmp_path):
    site = DemoSite()
    loop, away = "/en/2024/04/loop-one.html", "/en/2024/04/moved-away.html"
    extra = {
        loop: Route(b"", status=302, headers={"Location": "/en/2024/04/loop-two.html"}),
        "/en/2024/04/loop-two.html": Route(b"", status=302, headers={"Location": loop}),
        away: Route(b"", status=301, headers={"Location": "http://localhost:9/elsewhere.html"}),
    }
    served(site)
    site.routes.update(extra)
    site.routes["/extra-sitemap.xml"] = Route(site.urlset([loop, away]).encode(), "application/xml")
    config = site_file(tmp_path, site.base_url, feeds=[], start_urls=[], sitemaps=[f"{site.base_url}/extra-sitemap.xml"])
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", output=None)
    (failures,) = (tmp_path / "output" / "testsite").glob("*.failures.jsonl")
    records = {r["url"]: r for r in lines_of([failures])}
    assert records[site.url(loop)]["reason"] == "redirect_loop", records
    assert records[site.url(away)]["reason"] == "redirect_offsite"
    assert result.stats["newsspider/fetch_failed/redirect_loop"] == 1
    summary = summary_of(tmp_path / "output" / "testsite")
    assert summary["failed"] == {"redirect_loop": 1, "redirect_offsite": 1}


def test_an_output_folder_that_cannot_be_written_is_one_line_before_crawling(served, tmp_path):
    site = served(DemoSite())
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    done = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={site_file(tmp_path, site.base_url)}", *QUIET,
                          "--output-dir", str(blocker / "out"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "cannot be written" in done.stderr, done.stderr[-2000:]
    assert site.requests == []
