"""`newsspider extract`: the crawl's cleaning on saved pages, one JSON object per input, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urlsplit

from conftest import ROOT

CRAWL_ONLY_FIELDS = {"crawled_at", "spider"}


def run_extract(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsspider.cli", "extract", *args], cwd=cwd, capture_output=True, text=True)


def save_pages(site, tmp_path, articles):
    paths = []
    for n, article in enumerate(articles):
        path = tmp_path / f"{n:02d}-{article.slug}.html"
        path.write_bytes(site.routes[article.path].body)
        paths.append(path)
    return paths


def test_extract_gives_the_same_item_as_the_crawl(demo_crawl, demo_site, tmp_path):
    paths = []
    for n, crawled in enumerate(demo_crawl.items):
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(demo_site.routes[urlsplit(crawled["url"]).path].body)
        paths.append(path)
    # Every page with the URL it was served at, in one run: PATH<tab>URL lines on stdin.
    listing = "".join(f"{path}\t{crawled['url']}\n" for path, crawled in zip(paths, demo_crawl.items, strict=True))
    done = subprocess.run([sys.executable, "-m", "newsspider.cli", "extract", "-"], cwd=ROOT, input=listing,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(demo_crawl.items)
    for path, crawled, extracted in zip(paths, demo_crawl.items, records, strict=True):
        assert extracted["input"] == str(path) and extracted["drop_reason"] is None
        for field, value in crawled.items():
            if field not in CRAWL_ONLY_FIELDS:
                assert extracted[field] == value, (crawled["url"], field)
    # And one page with --url: the same item.
    single = run_extract(str(paths[0]), "--url", demo_crawl.items[0]["url"])
    assert single.returncode == 0, single.stderr
    assert json.loads(single.stdout) == records[0] | {"crawled_at": json.loads(single.stdout)["crawled_at"]}


def test_extract_reads_many_files_in_input_order(demo_site, tmp_path, schema_validator):
    articles = demo_site.articles[:6]
    paths = save_pages(demo_site, tmp_path, articles)
    done = run_extract(*map(str, paths))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["input"] for r in records] == [str(p) for p in paths]
    assert [r["title"] for r in records] == [a.title for a in articles]
    for record in records:
        assert not list(schema_validator.iter_errors(record))


def test_extract_reports_pages_a_crawl_would_drop(demo_site, tmp_path):
    listing = tmp_path / "front.html"
    listing.write_bytes(demo_site.routes["/"].body)
    pdf = tmp_path / "paper.html"
    pdf.write_bytes(b"%PDF-1.5\n" + b"x" * 500)
    missing = tmp_path / "missing.html"
    done = run_extract(str(listing), str(pdf), str(missing))
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["drop_reason"] for r in records] == ["listing_page", "not_html", "unreadable"]
    assert done.returncode == 1 and "missing.html" in done.stderr


def test_url_option_takes_one_page_only(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>x</p></body></html>")
    done = run_extract(str(page), str(page), "--url", "https://example.com/a")
    assert done.returncode == 2 and "one page" in done.stderr
