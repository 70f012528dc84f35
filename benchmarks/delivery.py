"""What an unchanged rerun costs: its requests as a share of the first crawl's.

    python benchmarks/delivery.py [--articles 1000]

A local site (newsspider/demo/site.py's pages, `--articles` stories, listed in a feed, a news
sitemap and section fronts; a few of them duplicates and non-articles) is crawled twice with the
project's settings; the server counts every request. Results go to benchmarks/results/delivery.md
and .json. Goal: the rerun makes at most 2 % of the first crawl's requests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from newsspider.demo.site import DemoSite, load_articles  # noqa: E402


def big_site(count: int) -> DemoSite:
    stock = load_articles()
    articles = [
        dataclasses.replace(stock[n % len(stock)], slug=f"{stock[n % len(stock)].slug}-{n}",
                            paragraphs=[*stock[n % len(stock)].paragraphs, f"This is report number {n} in the series."])
        for n in range(count)
    ]
    return DemoSite(articles=articles)


def crawl(site: DemoSite, folder: Path) -> int:
    config = folder / "bench.toml"
    config.write_text(
        "[[site]]\nname = \"bench\"\nallowed_domains = [\"127.0.0.1\"]\nmax_depth = 1\nrender_js = \"never\"\n"
        f"start_urls = [\"{site.base_url}/\"]\nfeeds = [\"{site.base_url}/feed.xml\"]\n"
        f"sitemaps = [\"{site.base_url}/sitemap_index.xml\"]\n", encoding="utf-8")
    site.requests.clear()
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "newsspider.cli", "crawl", "bench", "-s", f"SITES_FILES={config}",
                    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"],
                   cwd=folder, env=env, check=True, capture_output=True, text=True)
    return len(site.requests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    site = big_site(args.articles)
    running = site.serve()
    try:
        with tempfile.TemporaryDirectory() as folder:
            first = crawl(site, Path(folder))
            rerun = crawl(site, Path(folder))
    finally:
        running.stop()
    result = {"articles": args.articles, "first_crawl_requests": first, "rerun_requests": rerun,
              "rerun_share": round(rerun / first, 4)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "delivery.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "delivery.md").write_text(
        "| site | first crawl: requests | unchanged rerun: requests | share |\n|---|---|---|---|\n"
        f"| {args.articles} articles (feed, news sitemap, section fronts) | {first} | {rerun} | "
        f"{100 * rerun / first:.1f} % |\n", encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
