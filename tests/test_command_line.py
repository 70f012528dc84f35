"""The `newsspider` command as a new user meets it: run from a folder outside the checkout, with no
scrapy.cfg and no SCRAPY_SETTINGS_MODULE, twice in a row, with a busy port, with no server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import QUIET, SHARED, article_files, free_port, newsspider_cmd, site_file, user_env

import newsspider
from newsspider.cli import demo_site_file
from newsspider.demo.site import DemoSite

EVAL_PAGE = sorted((SHARED / "eval" / "data" / "fundus-dev" / "html").glob("*.html"))[0]


def longest_line(*texts: str) -> int:
    return max((len(line) for text in texts for line in text.splitlines()), default=0)


def test_the_renamed_package_and_command(tmp_path):
    assert Path(newsspider.__file__).parent.name == "newsspider"
    done = newsspider_cmd("--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("newsspider "), done.stderr
    helped = newsspider_cmd("extract", "--help", cwd=tmp_path)
    assert "examples:" in helped.stdout and "newsspider extract page.html" in helped.stdout


def test_extract_works_from_a_folder_outside_the_checkout(tmp_path):
    done = newsspider_cmd("extract", str(EVAL_PAGE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["input"] == str(EVAL_PAGE) and len(record["text"]) > 500 and record["article_language"]


def test_extract_takes_a_folder_or_paths_on_stdin(demo_site, tmp_path):
    pages = tmp_path / "saved"
    pages.mkdir()
    articles = demo_site.articles[:3]
    for n, article in enumerate(articles):
        (pages / f"{n}.html").write_bytes(demo_site.routes[article.path].body)
    (pages / "notes.txt").write_text("not a page")
    from_folder = newsspider_cmd("extract", str(pages), cwd=tmp_path)
    assert [json.loads(line)["title"] for line in from_folder.stdout.splitlines()] == [a.title for a in articles]
    listed = "".join(f"{pages / f'{n}.html'}\n" for n in (2, 0))
    from_stdin = newsspider_cmd("extract", "-", cwd=tmp_path, stdin=listed)
    assert [json.loads(line)["title"] for line in from_stdin.stdout.splitlines()] == [articles[2].title, articles[0].title]


def test_demo_on_a_chosen_port_twice_in_a_row(tmp_path):
    port = str(free_port())
    runs = [newsspider_cmd("demo", "--port", port, cwd=tmp_path, timeout=120) for _ in range(2)]
    for done in runs:
        assert done.returncode == 0, done.stderr[-3000:]
        assert f"127.0.0.1:{port}" in done.stdout
        assert "demo: 21 articles → output/demo/" in done.stdout, done.stdout
        # The demo has a dropped page: its line is short, as is every other line.
        assert "Dropped script_shell: " in done.stderr
        assert longest_line(done.stdout, done.stderr) <= 2000
    assert " WARNING" not in runs[1].stderr and " ERROR" not in runs[1].stderr
    assert len(article_files(tmp_path / "output" / "demo")) == 2
    assert (tmp_path / "state" / "demo.sqlite").exists()


def test_a_busy_demo_port_is_a_one_line_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = newsspider_cmd("demo", "--port", str(taken.getsockname()[1]), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--port" in done.stderr and "Traceback" not in done.stderr


def test_crawling_the_demo_with_no_server_says_how_to_start_it(tmp_path):
    nothing_there = f"http://127.0.0.1:{free_port()}"
    sites = demo_site_file(nothing_there, str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "demo", *QUIET, "-s", f"SITES_FILES={sites}",
                           "-s", "RETRY_TIMES=0"], cwd=tmp_path, env={**user_env(), "SCRAPY_SETTINGS_MODULE": "newsspider.settings"},
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if " ERROR: " in line]
    assert len(errors) == 1 and "newsspider serve-demo" in errors[0], done.stderr[-3000:]


def test_crawl_lists_the_configured_sites_and_says_which_to_name(tmp_path):
    extra = site_file(tmp_path, "http://127.0.0.1:9", name="my-paper", feeds=["http://127.0.0.1:9/feed.xml"], sitemaps=[])
    listed = newsspider_cmd("crawl", "--list", "-s", f"SITES_FILES={extra}", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = {line.split("\t")[0]: line for line in listed.stdout.splitlines()}
    assert {"demo", "my-paper"} <= set(lines)
    assert lines["my-paper"].split("\t")[1:] == ["127.0.0.1", "1 feed, 1 start page"]
    # No site named: a usage error that names the configured ones, before any Scrapy start-up line.
    bare = newsspider_cmd("crawl", "-s", f"SITES_FILES={extra}", cwd=tmp_path)
    assert bare.returncode == 2 and bare.stdout == ""
    assert bare.stderr.startswith("newsspider crawl: name sites") and "my-paper" in bare.stderr
    assert len(bare.stderr.splitlines()) == 1


def test_crawl_from_another_folder_writes_there_or_where_told(demo_site, tmp_path):
    sites = site_file(tmp_path, demo_site.base_url)
    done = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(article_files(tmp_path / "output" / "testsite")) == 1
    elsewhere = tmp_path / "elsewhere"
    moved = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, "-s", "INCREMENTAL_FULL=True",
                           "--output-dir", str(elsewhere / "out"), "--state-dir", str(elsewhere / "state"), cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr[-3000:]
    assert len(article_files(elsewhere / "out" / "testsite")) == 1
    assert (elsewhere / "state" / "testsite.sqlite").exists()


def test_several_sites_in_one_run_name_their_site_on_every_line(demo_site, tmp_path):
    first = site_file(tmp_path, demo_site.base_url, name="first")
    second = site_file(tmp_path, demo_site.base_url, name="second")
    done = newsspider_cmd("crawl", "first", "second", "-s", f"SITES_FILES={first},{second}", *QUIET, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    drops = [line for line in done.stderr.splitlines() if "Dropped script_shell" in line]
    assert sorted(line.split(" ", 1)[0] for line in drops) == ["[first]", "[second]"]
    assert "first: 21 articles" in done.stdout and "second: 21 articles" in done.stdout


def test_failed_fetches_are_summarised_by_reason_not_logged_one_by_one(demo_site, tmp_path):
    site = DemoSite()
    running = site.serve()
    try:
        missing = [f"{site.base_url}/gone/{n}/" for n in range(8)]
        sites = site_file(tmp_path, site.base_url, start_urls=missing, feeds=[], sitemaps=[])
        done = newsspider_cmd("crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, cwd=tmp_path)
    finally:
        running.stop()
    logged = [line for line in done.stderr.splitlines() if "Could not fetch" in line]
    assert len(logged) == 3 and all(" INFO: " in line for line in logged), logged
    assert "failed fetches: http_404 8" in done.stdout
    summary = json.loads(next((tmp_path / "output" / "testsite").glob("*.summary.json")).read_text())
    assert summary["failed"] == {"http_404": 8} and summary["delivered"] == 0


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    done = newsspider_cmd("demo", "--port", str(free_port()), cwd=tmp)
    assert done.returncode == 0, done.stderr[-2000:]
    return tmp


def test_report_as_json_counts_languages_and_drops(demo_output):
    done = newsspider_cmd("report", "output/demo", "--json", cwd=demo_output)
    assert done.returncode == 0, done.stderr
    numbers = json.loads(done.stdout)
    assert numbers["articles"] == 21
    assert numbers["article_languages"] == {"en": 6, "de": 5, "fr": 5, "es": 4, "it": 1}
    assert numbers["language_mismatches"] == 2 and numbers["dropped"] == {"script_shell": 1}


def test_report_page_renders_in_chromium_with_its_charts(demo_output):
    playwright = pytest.importorskip("playwright.sync_api")
    from newsspider.rendering import CHROMIUM_ARGS, chromium_path

    if not chromium_path():
        pytest.skip("chromium is not installed (make test installs it)")
    done = newsspider_cmd("report", "output/demo", "-o", "report.html", cwd=demo_output)
    assert done.returncode == 0, done.stderr
    page_html = (demo_output / "report.html").read_text(encoding="utf-8")
    assert "<script src" not in page_html and "http" not in page_html.split("<body>")[0]  # works offline
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.goto((demo_output / "report.html").as_uri())
        shot = page.screenshot(full_page=True)
        visible = page.inner_text("body")
        chart_labels = page.eval_on_selector_all("svg text", "nodes => nodes.map(n => n.textContent)")
        browser.close()
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(shot)).convert("L")
    dark = sum(image.histogram()[:200])
    assert dark > 0.02 * image.width * image.height  # bars, labels and tables, not a blank page
    for language in ("en", "de", "fr", "es", "it"):
        assert language in visible.split() and language in " ".join(chart_labels).split()
    assert "script_shell" in visible


def test_many_sites_run_at_most_concurrent_sites_at_once(tmp_path):
    site = DemoSite()
    running = site.serve()
    site.delay = 0.1  # each answer takes a while: two sites crawling at once would overlap on the server
    try:
        files = [site_file(tmp_path, site.base_url, name=f"paper-{n}", feeds=[f"{site.base_url}/feed.xml"],
                           sitemaps=[], start_urls=[]) for n in range(3)]
        done = newsspider_cmd("crawl", "--all", "-s", "SITES_BUNDLED=False", "-s", f"SITES_FILES={','.join(map(str, files))}",
                              "-s", "CONCURRENT_SITES=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", *QUIET, cwd=tmp_path)
    finally:
        running.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    assert "3 of 3 sites crawled" in done.stdout
    assert site.requests.count("/feed.xml") == 3
    # One request per site at a time, one site at a time: never two answers in progress together.
    assert site.most_in_flight == 1
