"""The `newsspider` command. It works from any folder: it needs no scrapy.cfg (the settings module
defaults to newsspider.settings), and output/ and state/ are made in the working directory unless
--output-dir / --state-dir say otherwise."""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from .redaction import redact_text
from .verdict import EXIT_FAILED, EXIT_OK, EXIT_USAGE, verdict

DEFAULT_DEMO_PORT = 8765
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")

EXAMPLES = {
    None: """examples:
  newsspider demo                               serve the bundled demo site and crawl it into output/demo/
  newsspider crawl lemonde elpais               crawl configured sites (one output file each)
  newsspider crawl --all --output-dir /srv/news every configured site, for cron
  newsspider extract saved/ > articles.jsonl    clean saved pages without crawling
  newsspider report output/demo/*.jsonl -o report.html
  scrapy crawl demo -O articles.jsonl           any configured site is also a Scrapy spider""",
    "extract": """examples:
  newsspider extract page.html
  newsspider extract page.html --url https://news.example/2024/04/story.html
  newsspider extract saved-pages/                every .html/.htm file in the folder, sorted
  find . -name '*.html' | newsspider extract -   paths read from standard input
  newsspider extract - < pages.tsv               one PATH<tab>URL per line: each page with its URL
Each input gives one JSON object on stdout: the article a crawl would write, plus `input` and
`drop_reason` (why a crawl would drop the page, else null). Exit status 1 if a file was unreadable.""",
    "crawl": """examples:
  newsspider crawl --list                      the configured sites: name, hosts, sources
  newsspider crawl demo
  newsspider crawl lemonde tagesschau -s LOG_LEVEL=WARNING
  newsspider crawl --all --output-dir /srv/news/output --state-dir /srv/news/state
Exit status: 0 every site finished; 1 a site failed (named on stderr); 2 usage or configuration error.""",
    "demo": """examples:
  newsspider demo
  newsspider demo --port 9001
  newsspider demo -O demo.jsonl                 arguments after the options go to `scrapy crawl`""",
    "serve-demo": """examples:
  newsspider serve-demo                          then, elsewhere: scrapy crawl demo
  newsspider serve-demo --port 9001""",
    "sources": """examples:
  newsspider sources demo                        check a configured site's feeds, sitemaps and start pages
  newsspider sources --url https://news.example/ what the generic spider would find there
Exit status 1 when a configured source is dead (fails, or is not a feed/sitemap).""",
    "report": """examples:
  newsspider report output/demo/*.jsonl -o report.html
  newsspider report output/demo/ --json         the same numbers as JSON on stdout
The page is self-contained (no network needed to view it). Drops and failures are included when
the crawl's .summary.json lies beside its .jsonl.""",
}


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("newsspider")
    except PackageNotFoundError:
        return "unknown"


def project_settings(overrides: Iterable[str] = (), output_dir: str | None = None, state_dir: str | None = None):
    """The project's settings, found without scrapy.cfg; `-s NAME=VALUE` overrides on top."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsspider.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for override in overrides:
        key, _, value = override.partition("=")
        settings.set(key, value, priority="cmdline")
    if output_dir:
        settings.set("OUTPUT_DIR", output_dir, priority="cmdline")
    if state_dir:
        settings.set("STATE_DIR", state_dir, priority="cmdline")
    return settings


# -- extract ---------------------------------------------------------------------------------------
def input_pages(inputs: list[str], stdin=None) -> Iterator[tuple[str, str | None]]:
    """(path, URL or None): files as given; a folder's pages, sorted; `-` reads one page per line
    from stdin, `PATH` or `PATH<tab>URL` (the URL it was served at)."""
    for given in inputs:
        if given == "-":
            for line in stdin or sys.stdin:
                if line.strip():
                    path, _, url = line.rstrip("\n").partition("\t")
                    yield path, url.strip() or None
        elif Path(given).is_dir():
            found = sorted(str(p) for p in Path(given).rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
            yield from ((path, None) for path in found)
        else:
            yield given, None


def extract_pages(inputs: list[str], url: str | None = None, out=None, min_words: int | None = None) -> int:
    """Clean saved pages with the crawl's own runner; one JSON object per input, in order.
    Exit status 1 when a file could not be read."""
    from .delivery.feeds import escape_line_breakers
    from .extraction.stages import DEFAULT_MIN_WORDS, run
    from .items import Page

    out = out or sys.stdout
    pages = list(input_pages(inputs))
    if url and len(pages) != 1:
        print("newsspider extract: --url gives the URL of one page; pass one page with it, or give each page's "
              "URL on stdin as PATH<tab>URL", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    for path, served_at in progress(pages, "pages"):
        page_url = url or served_at or Path(path).resolve().as_uri()
        try:
            body = Path(path).read_bytes()
        except OSError as exc:
            print(f"newsspider extract: cannot read {path}: {exc.strerror}", file=sys.stderr)
            record = {"input": path, "url": page_url, "drop_reason": "unreadable"}
            status = EXIT_FAILED
        else:
            page = Page(url=page_url, body=body, spider="extract",
                        crawled_at=datetime.now(UTC).isoformat(timespec="seconds"))
            outcome = run(page, min_words=min_words or DEFAULT_MIN_WORDS)
            if outcome.article is None:  # not a page at all (binary, empty, unparseable)
                print(f"newsspider extract: {path}: {outcome.drop_reason} ({'; '.join(outcome.notes)})", file=sys.stderr)
                record = {"input": path, "url": page_url, "drop_reason": outcome.drop_reason}
            else:
                from itemadapter import ItemAdapter

                record = {"input": path, **ItemAdapter(outcome.article).asdict(), "drop_reason": outcome.drop_reason}
        out.write(escape_line_breakers(json.dumps(record, ensure_ascii=False)) + "\n")
        out.flush()
    return status


def progress(items: list, unit: str):
    """A progress bar on stderr when it is a terminal (and there is more than one item)."""
    if len(items) < 2 or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit=unit, file=sys.stderr)


# -- demo ------------------------------------------------------------------------------------------
def serve_demo_site(port: int):
    """The demo site served on `port`, or None after a one-line error when the port is taken."""
    from .demo.site import DemoSite

    try:
        return DemoSite(f"http://127.0.0.1:{port}").serve(port=port)
    except OSError as exc:
        print(f"newsspider: cannot serve the demo site on 127.0.0.1:{port}: {exc.strerror} "
              "(is another demo running? choose another port with --port)", file=sys.stderr)
        return None


def demo_site_file(base_url: str, directory: str) -> str:
    """The bundled `demo` site entry, moved to `base_url`, as a site file for SITES_FILES."""
    from .sites import BUNDLED_SITES, load_sites

    config = load_sites([BUNDLED_SITES])["demo"]
    bundled_base = config.start_urls[0].rstrip("/")
    lines = ["[[site]]"]
    for name, value in vars(config).items():
        if name == "extra" or value is None or value == ():
            continue
        if isinstance(value, tuple):
            value = [v.replace(bundled_base, base_url) for v in value]
        lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    path = Path(directory, "demo.toml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def serve_demo(port: int) -> int:
    running = serve_demo_site(port)
    if running is None:
        return EXIT_USAGE
    print(f"newsspider: demo news site on {running.base_url}/ (Ctrl-C stops it)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        running.stop()
    return EXIT_OK


def run_demo(port: int, extra_args: list[str], output_dir: str | None, state_dir: str | None) -> int:
    """Serve the demo site on `port` in this process and crawl it with `scrapy crawl demo`."""
    running = serve_demo_site(port)
    if running is None:
        return EXIT_USAGE
    print(f"newsspider: demo news site on {running.base_url}/", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="newsspider-demo-") as directory:
            # Always the whole site: a demo run should show every article, not only what is new.
            command = [sys.executable, "-m", "scrapy", "crawl", "demo", "-s", "INCREMENTAL_FULL=True",
                       "-s", f"SITES_FILES={demo_site_file(running.base_url, directory)}"]
            if output_dir:
                command += ["-s", f"OUTPUT_DIR={output_dir}"]
            if state_dir:
                command += ["-s", f"STATE_DIR={state_dir}"]
            env = {**os.environ, "SCRAPY_SETTINGS_MODULE": os.environ.get("SCRAPY_SETTINGS_MODULE", "newsspider.settings")}
            return subprocess.call([*command, *extra_args], env=env)
    finally:
        running.stop()


# -- crawl -----------------------------------------------------------------------------------------
def unwritable(folder: str | None) -> str | None:
    """Why `folder` cannot take the crawl's files (made if missing), or None when it can."""
    if not folder:
        return None
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"{folder} cannot be written: {exc.strerror}"
    return None


def configured_sites(settings) -> dict:
    """The site configurations a crawl would read (bundled and SITES_FILES), by name."""
    from .sites import BUNDLED_SITES, load_sites

    files = ([BUNDLED_SITES] if settings.getbool("SITES_BUNDLED", True) else []) + settings.getlist("SITES_FILES")
    return load_sites(files)


def list_sites(settings) -> int:
    """One line per configured site: its name, hosts and how its articles are found."""
    from .sites import SiteConfigError

    try:
        sites = configured_sites(settings)
    except SiteConfigError as exc:
        print(f"newsspider crawl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for name, config in sorted(sites.items()):
        found = [f"{len(urls)} {what}{'s' if len(urls) > 1 else ''}" for what, urls in
                 (("feed", config.feeds), ("sitemap", config.sitemaps), ("start page", config.start_urls)) if urls]
        print(f"{name}\t{', '.join(config.hosts())}\t{', '.join(found)}")
    return EXIT_OK


def crawl_sites(names: list[str], settings, every: bool) -> int:
    """Crawl several configured sites in one process (for cron); each writes its own
    OUTPUT_DIR/<site>/<start time>.jsonl. Exit status 1 when any site failed: it did not finish
    normally, logged errors, or emitted nothing while failing to fetch."""
    from scrapy.crawler import AsyncCrawlerProcess

    from .sites import SiteConfigError

    if not names and not every:  # said before Scrapy's start-up lines
        try:
            known = ", ".join(sorted(configured_sites(settings)))
        except SiteConfigError as exc:
            print(f"newsspider crawl: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"newsspider crawl: name sites to crawl (configured: {known}), or --all; --list shows them", file=sys.stderr)
        return EXIT_USAGE

    for setting in ("OUTPUT_DIR", "STATE_DIR"):
        problem = unwritable(settings.get(setting))
        if problem:
            print(f"newsspider crawl: {setting} {problem}", file=sys.stderr)
            return EXIT_FAILED
    try:
        process = AsyncCrawlerProcess(settings)
    except SiteConfigError as exc:
        print(f"newsspider crawl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    configured = [n for n in process.spider_loader.list() if getattr(process.spider_loader.load(n), "site", None)]
    chosen = configured if every else names
    unknown = [n for n in chosen if n not in configured]
    if unknown or not chosen:
        print(f"newsspider crawl: unknown site(s): {', '.join(unknown)}; configured: {', '.join(configured)}"
              if unknown else "newsspider crawl: name sites to crawl, or --all", file=sys.stderr)
        return EXIT_USAGE
    if len(chosen) > 1:
        process.settings.set("LOG_SITE_NAMES", True, priority="cmdline")
    # At most CONCURRENT_SITES crawls at once; the others wait in line. A finished site's crawler
    # (its engine, caches, ledger connection) is let go, keeping only its verdict: memory stays
    # bounded whatever the number of sites.
    waiting = list(chosen)
    verdicts: dict[str, str | None] = {}

    def start_next() -> None:
        if waiting:
            name = waiting.pop(0)
            crawler = process.create_crawler(name)
            process.crawl(crawler).add_done_callback(functools.partial(finished, name, crawler))

    def finished(name: str, crawler, _task) -> None:
        outcome = verdict(crawler.stats.get_stats() if crawler.stats else {"finish_reason": None}, crawler.settings)
        verdicts[name] = None if outcome.ok else outcome.why
        start_next()

    for _ in range(max(1, process.settings.getint("CONCURRENT_SITES", 8))):
        start_next()
    process.start()
    failed = [f"{name} ({why})" for name in chosen if (why := verdicts.get(name, "did not run"))]
    for line in failed:
        print(redact_text(f"newsspider crawl: FAILED {line}"), file=sys.stderr)
    print(f"newsspider crawl: {len(chosen) - len(failed)} of {len(chosen)} sites crawled", flush=True)
    return EXIT_FAILED if failed else EXIT_OK


# -- sources ---------------------------------------------------------------------------------------
def inspect_sources(name: str | None, url: str | None, settings) -> int:
    """Fetch each source of a configured site (or of any site, with --url) once and print what a
    crawl would do with it. Exit status 1 when a configured source is dead."""
    from scrapy.crawler import AsyncCrawlerProcess

    from .sites import SiteConfigError
    from .spiders.generic import GenericNewsSpider
    from .spiders.sources import SourcesSpider, format_report, sources_spider_class

    settings.set("INCREMENTAL_ENABLED", False, priority="cmdline")  # nothing is recorded
    settings.set("OUTPUT_DIR", "", priority="cmdline")  # nothing is written
    settings.set("EXTENSIONS", {**settings.getdict("EXTENSIONS"), "newsspider.extensions.CrawlSummary": None}, priority="cmdline")
    settings.set("LOG_LEVEL", "ERROR", priority="project")  # the report is the output; -s LOG_LEVEL=INFO to see the crawl
    try:
        process = AsyncCrawlerProcess(settings)
    except SiteConfigError as exc:
        print(f"newsspider sources: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if url:
        config = GenericNewsSpider(url=url).site
    else:
        configured = {n: getattr(process.spider_loader.load(n), "site", None) for n in process.spider_loader.list()}
        found = configured.get(name or "")
        if found is None:
            print(f"newsspider sources: unknown site {name!r}; configured: "
                  + ", ".join(n for n, site in configured.items() if site), file=sys.stderr)
            return EXIT_USAGE
        config = found
    crawler = process.create_crawler(sources_spider_class(config))
    process.crawl(crawler)
    process.start()
    inspected = crawler.spider
    assert isinstance(inspected, SourcesSpider)
    print("\n".join(redact_text(line) for line in format_report(inspected)))
    dead = [r.url for r in inspected.reports.values() if r.dead and r.url in (*config.feeds, *config.sitemaps, *config.start_urls)]
    if dead and not url:
        print(redact_text(f"newsspider sources: dead source(s): {', '.join(dead)}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


# -- the command -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text.capitalize() + ".",
                                   epilog=EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter)

    def places(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--output-dir", metavar="DIR", help="where output/<site>/… goes (default: ./output)")
        parser.add_argument("--state-dir", metavar="DIR", help="where the incremental state goes (default: ./state)")

    parser = argparse.ArgumentParser(
        prog="newsspider", description="Multilingual news crawler on Scrapy: clean articles as JSON Lines, "
        "with the article's language and the page chrome's.", epilog=EXAMPLES[None],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"newsspider {version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = command("extract", "clean and extract saved pages; JSON Lines on stdout")
    extract.add_argument("pages", nargs="+", metavar="PAGE", help="saved HTML files, folders of them, or - (paths on stdin)")
    extract.add_argument("--url", help="the URL the page was served at (one page only)")

    crawl = command("crawl", "crawl configured sites in one process (for cron)")
    crawl.add_argument("sites", nargs="*", metavar="SITE", help="site names (see --list)")
    crawl.add_argument("--all", action="store_true", help="every configured site")
    crawl.add_argument("--list", action="store_true", help="list the configured sites and exit")
    crawl.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    places(crawl)

    demo = command("demo", "serve the bundled demo news site and crawl it into output/demo/")
    demo.add_argument("--port", type=int, default=DEFAULT_DEMO_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_DEMO_PORT})")
    places(demo)
    demo.add_argument("scrapy_args", nargs=argparse.REMAINDER, help="passed to scrapy crawl (e.g. -O file.jsonl)")

    serve = command("serve-demo", "serve the bundled demo news site on 127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_DEMO_PORT, help=f"default {DEFAULT_DEMO_PORT}")

    sources = command("sources", "fetch each source of a site once and say what a crawl would do with it")
    sources.add_argument("site", nargs="?", metavar="SITE", help="a configured site")
    sources.add_argument("--url", help="any site, as the generic spider would crawl it")
    sources.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")

    report = command("report", "an HTML page (or JSON) of what crawls delivered: languages, days, drops")
    report.add_argument("inputs", nargs="+", metavar="OUTPUT", help=".jsonl files written by crawls, or folders of them")
    report.add_argument("-o", "--output", default="report.html", help="the HTML page to write (default report.html)")
    report.add_argument("--json", action="store_true", help="print the numbers as JSON instead of writing the page")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command != "demo":
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "extract":
        return extract_pages(args.pages, args.url)
    if args.command == "crawl" and args.list:
        return list_sites(project_settings(args.set, args.output_dir, args.state_dir))
    if args.command == "crawl":
        return crawl_sites(args.sites, project_settings(args.set, args.output_dir, args.state_dir), args.all)
    if args.command == "sources":
        if not args.site and not args.url:
            parser.error("name a configured site, or give --url")
        return inspect_sources(args.site, args.url, project_settings(args.set))
    if args.command == "serve-demo":
        return serve_demo(args.port)
    if args.command == "report":
        from .report import main as report_main

        return report_main(args.inputs, args.output, as_json=args.json)
    return run_demo(args.port, [*unknown, *args.scrapy_args], args.output_dir, args.state_dir)


def entry_point() -> int:
    """The console script: `newsspider … | head` ends quietly when the reader goes away."""
    try:
        return main()
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(entry_point())
