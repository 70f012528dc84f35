"""Scheduled crawls: a rerun emits only what is new or changed, and fetches only what it must."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from conftest import article_files, crawl, site_file

from newsspider.demo.site import DemoArticle, DemoSite
from newsspider.extraction.urls import url_identity


def new_article(n: int) -> DemoArticle:
    return DemoArticle(
        slug=f"late-edition-story-number-{n}", section="en", lang="en", date=f"2024-04-18T0{n}:00:00+00:00",
        author="Maya Thornton", title=f"Late edition story {n}", news_sitemap=True,
        paragraphs=[f"Story {n} of the late edition: the harbour master reported that the northern pier will close for "
                    "repairs next month, and the ferries will use the southern berth in the meantime.",
                    "Passengers were asked to allow ten more minutes for boarding while the work goes on, "
                    f"and the timetable will not change, the harbour authority said in its notice number {n}."],
    )


def test_rerun_emits_exactly_the_new_and_the_changed(tmp_path, schema_validator):
    site = DemoSite()
    running = site.serve()
    try:
        config = site_file(tmp_path, site.base_url)
        first = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", output="first.jsonl")
        assert len(first.items) == len(site.articles)
        assert {i["revision"] for i in first.items} == {1}

        changed = site.articles[2]
        site.articles[2] = dataclasses.replace(
            changed, paragraphs=[*changed.paragraphs, "Update: the count was confirmed by the university on Monday."],
            modified=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        site.articles.extend(new_article(n) for n in (1, 2, 3))
        site.build()
        second = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", output="second.jsonl")
    finally:
        running.stop()

    expected = {url_identity(site.url(a.path)) for a in [site.articles[2], *site.articles[-3:]]}
    assert {url_identity(i["url"]) for i in second.items} == expected, second.stdout
    updated = next(i for i in second.items if url_identity(i["url"]) == url_identity(site.url(site.articles[2].path)))
    assert updated["revision"] == 2 and updated["text"].endswith("confirmed by the university on Monday.")
    assert {i["revision"] for i in second.items if i is not updated} == {1}
    stats = second.stats
    assert (stats["newsspider/incremental/new"], stats["newsspider/incremental/updated"]) == (3, 1)
    # The other articles were not fetched again: only the changed one (newer lastmod) and the new ones.
    assert stats["newsspider/incremental/not_refetched"] >= len(site.articles) - 4 - 1
    assert "since the last crawl: 3 new, 1 updated" in second.stdout
    for item in second.items:
        assert not list(schema_validator.iter_errors(item))


def test_full_recrawl_flag_emits_everything_again(tmp_path):
    site = DemoSite()
    running = site.serve()
    try:
        config = site_file(tmp_path, site.base_url)
        crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", output="first.jsonl")
        again = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", output="again.jsonl")
        full = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", "-s", "INCREMENTAL_FULL=True", output="full.jsonl")
    finally:
        running.stop()
    assert again.items == [] and "0 new, 0 updated" in again.stdout
    assert len(full.items) == len(site.articles)


def test_several_sites_in_one_run_with_an_exit_status_for_the_scheduler(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    site = DemoSite()
    running = site.serve()
    try:
        files = [site_file(tmp_path, site.base_url, name=name) for name in ("paper-one", "paper-two")]
        # a site whose server is gone: nothing listens on this port
        broken = site_file(tmp_path, "http://127.0.0.1:9", name="paper-gone")
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
        sites = ",".join(str(f) for f in (*files, broken))
        command = [sys.executable, "-m", "newsspider.cli", "crawl", "-s", f"SITES_FILES={sites}",
                   "-s", "TELNETCONSOLE_ENABLED=False", "-s", "RETRY_TIMES=0"]
        good = subprocess.run([*command, "paper-one", "paper-two"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
        bad = subprocess.run([*command, "paper-one", "paper-gone"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    finally:
        running.stop()
    assert good.returncode == 0, good.stderr[-2000:]
    for name in ("paper-one", "paper-two"):
        (output,) = article_files(tmp_path / "output" / name)
        assert len(output.read_text(encoding="utf-8").splitlines()) == len(site.articles)
    assert bad.returncode == 1 and "FAILED paper-gone" in bad.stderr and "paper-one" not in bad.stderr.split("FAILED")[-1]
