"""`newsspider` command line.

    newsspider extract PAGE.html [PAGE2.html ...] [--url URL]   saved pages → JSON Lines on stdout
    newsspider serve-demo [--port 8765]                         serve the demo news site
    newsspider demo [--port 8765]                               serve it and crawl it into output/
    newsspider crawl SITE [SITE ...] | --all [-s NAME=VALUE]    several sites in one run (cron)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from itemadapter import ItemAdapter


def build_pipelines(settings=None) -> list:
    """The project's item pipelines in ITEM_PIPELINES order, without the crawl-only ones
    (de-duplication), built as a crawl would build them but with no crawler running."""
    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.project import get_project_settings

    settings = settings or get_project_settings()
    settings.set("VALIDATION_DROP", False)

    class OfflineCrawler:  # just what the pipelines' from_crawler reads
        def __init__(self):
            self.settings = settings
            self.stats = MemoryStatsCollector(self)

    crawler = OfflineCrawler()
    ordered = sorted(settings.getwithbase("ITEM_PIPELINES").items(), key=lambda kv: kv[1])
    pipelines = []
    for path, order in ordered:
        if order is None:
            continue
        cls = load_object(path)
        if not getattr(cls, "crawl_only", False):
            pipelines.append(build_from_crawler(cls, crawler))
    return pipelines


def extract_pages(paths: list[str], url: str | None = None, out=None) -> int:
    """Run the crawl's cleaning pipelines on saved pages; one JSON object per input, in order.

    Each object is the article the crawl would write, plus `input` (the path) and `drop_reason`
    (why a crawl would have dropped it, else null). Exit status 1 when a file could not be read.
    """
    from datetime import datetime, timezone

    from scrapy.exceptions import DropItem

    from .exporters import escape_line_breakers
    from .items import Page

    out = out or sys.stdout
    pipelines = build_pipelines()
    status = 0
    for path in paths:
        page_url = url if url else Path(path).resolve().as_uri()
        try:
            body = Path(path).read_bytes()
        except OSError as exc:
            print(f"newsspider extract: cannot read {path}: {exc.strerror}", file=sys.stderr)
            record = {"input": path, "url": page_url, "drop_reason": "unreadable"}
            status = 1
        else:
            page = item = Page(
                url=page_url, body=body, spider="extract",
                crawled_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            )
            try:
                for pipeline in pipelines:
                    item = pipeline.process_item(item)
                record = {"input": path, **ItemAdapter(item).asdict(), "drop_reason": page.drop_reason}
            except DropItem as exc:  # not a page at all (binary, empty, unparseable)
                print(f"newsspider extract: {path}: {exc}", file=sys.stderr)
                record = {"input": path, "url": page_url, "drop_reason": str(exc).split(":", 1)[0]}
        out.write(escape_line_breakers(json.dumps(record, ensure_ascii=False)) + "\n")
        out.flush()
    return status


def serve_demo(port: int) -> None:
    from .demo.site import DemoSite

    running = DemoSite(f"http://127.0.0.1:{port}").serve(port=port)
    print(f"newsspider: demo news site on {running.base_url}/ (Ctrl-C stops it)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        running.stop()


def run_demo(port: int, extra_args: list[str]) -> int:
    """Serve the demo site in this process and crawl it with `scrapy crawl demo`."""
    from .demo.site import DemoSite

    running = DemoSite(f"http://127.0.0.1:{port}").serve(port=port)
    print(f"newsspider: demo news site on {running.base_url}/", flush=True)
    try:
        # Always the whole site: a demo run should show every article, not only what is new.
        command = [sys.executable, "-m", "scrapy", "crawl", "demo", "-s", "INCREMENTAL_FULL=True", *extra_args]
        return subprocess.call(command, cwd=Path(__file__).resolve().parent.parent)
    finally:
        running.stop()


def crawl_sites(names: list[str], settings_overrides: list[str], every: bool) -> int:
    """Crawl several configured sites in one process (for cron); each writes its own
    output/<site>/<start time>.jsonl. Exit status 1 when any site failed: it did not finish
    normally, logged errors, or emitted nothing while failing to fetch."""
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for override in settings_overrides:
        key, _, value = override.partition("=")
        settings.set(key, value, priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    configured = [n for n in process.spider_loader.list() if getattr(process.spider_loader.load(n), "site", None)]
    chosen = configured if every else names
    unknown = [n for n in chosen if n not in configured]
    if unknown or not chosen:
        print(f"newsspider crawl: unknown site(s): {', '.join(unknown)}; configured: {', '.join(configured)}"
              if unknown else "newsspider crawl: name sites to crawl, or --all", file=sys.stderr)
        return 2
    crawlers = {}
    for name in chosen:
        crawler = process.create_crawler(name)
        crawlers[name] = crawler
        process.crawl(crawler)
    process.start()
    failed = []
    for name, crawler in crawlers.items():
        stats = crawler.stats.get_stats() if crawler.stats else {}
        reason = stats.get("finish_reason")
        errors = stats.get("log_count/ERROR", 0)
        fetch_failures = sum(v for k, v in stats.items() if k.startswith("newsspider/fetch_failed/"))
        articles = stats.get("item_scraped_count", 0)
        if reason != "finished" or errors or (fetch_failures and not articles):
            failed.append(f"{name} (finish reason {reason}, {errors} errors, {fetch_failures} failed fetches, {articles} articles)")
    for line in failed:
        print(f"newsspider crawl: FAILED {line}", file=sys.stderr)
    print(f"newsspider crawl: {len(chosen) - len(failed)} of {len(chosen)} sites crawled", flush=True)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsspider", description="Multilingual news crawler on Scrapy.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="clean and extract saved pages; JSON Lines on stdout")
    extract.add_argument("pages", nargs="+", help="saved HTML files")
    extract.add_argument("--url", help="the URL the page was served at (one page only)")
    serve = commands.add_parser("serve-demo", help="serve the bundled demo news site on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    crawl = commands.add_parser("crawl", help="crawl several configured sites in one process (for cron)")
    crawl.add_argument("sites", nargs="*", help="site names (see `scrapy list`)")
    crawl.add_argument("--all", action="store_true", help="every configured site")
    crawl.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    demo = commands.add_parser("demo", help="serve the demo site and crawl it into output/demo/")
    demo.add_argument("--port", type=int, default=8765, help="the demo site config expects 8765")
    demo.add_argument("scrapy_args", nargs=argparse.REMAINDER, help="passed to scrapy crawl (e.g. -O file.jsonl)")
    args = parser.parse_args(argv)

    if args.command == "extract":
        if args.url and len(args.pages) > 1:
            parser.error("--url gives the URL of one page; pass one page with it")
        return extract_pages(args.pages, args.url)
    if args.command == "crawl":
        return crawl_sites(args.sites, args.set, args.all)
    if args.command == "serve-demo":
        serve_demo(args.port)
        return 0
    return run_demo(args.port, args.scrapy_args)


if __name__ == "__main__":
    sys.exit(main())
