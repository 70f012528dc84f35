"""Speed and memory, as ratios to baselines measured in the same run (timings here are noisy).

    python benchmarks/speed.py [--runs 9] [--pages 300] [--long 100000]

1. Extraction CPU per page on ../shared/eval: newsspider's stages without the language stage
   (freeing the page's trees included), the language stage alone, trafilatura 2.3 (`extract`,
   comments off) and lxml's parse alone, interleaved page by page, which of the two extractors
   goes first alternating; medians and means.
2. Crawl CPU and peak RSS: `scrapy crawl` of a local site (`--pages` articles and a feed, served
   from another process so the server is not the bottleneck) with newsspider, against a bare
   Scrapy spider that runs trafilatura in its callback, same settings; alternated, medians, and
   the ratio as the median of each pair's ratio. The crawls run on one processor, the site on the
   others. Each
   command runs once unmeasured first, with Python's bytecode cache on (in a temporary folder):
   an installed crawler does not compile its modules at every start.
3. Memory slope: newsspider's peak RSS on the site at two sizes (`--pages` and 4 times as
   many), per 1,000 pages; with the request queue in memory and on disk (JOBDIR). With
   `--long PAGES`, also one long crawl with its RSS read every 5 s against the articles written.

Results go to benchmarks/results/speed.md and .json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "data"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

BARE_SPIDER = '''
import scrapy, trafilatura

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        yield scrapy.Request(FEED, self.parse_feed)
    def parse_feed(self, response):
        for link in response.xpath("//item/link/text()").getall():
            yield scrapy.Request(link, self.parse_article)
    def parse_article(self, response):
        yield {"url": response.url, "text": trafilatura.extract(response.text, include_comments=False)}
'''


def extraction(limit: int | None) -> dict:
    import lxml.html
    import trafilatura

    from newsspider.extraction.stages import language_stage, run
    from newsspider.items import Page

    pages = []
    for dataset in ("fundus-dev", "readability"):
        for record in map(json.loads, (EVAL / dataset / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
            pages.append(((EVAL / dataset / "html" / f"{record['id']}.html").read_bytes(), record.get("url") or "https://example.invalid/"))
    pages = pages[:limit] if limit else pages
    times: dict[str, list[float]] = {"newsspider": [], "language stage": [], "trafilatura": [], "lxml parse": []}

    def newsspider(body: bytes, url: str) -> None:
        start = time.process_time()
        page = Page(url=url, body=body, headers={"content-type": "text/html; charset=utf-8"})
        run(page, skip={"language"})
        spent = time.process_time() - start
        if page.article_body is not None:
            start = time.process_time()
            language_stage(page)
            times["language stage"].append(time.process_time() - start)
        start = time.process_time()
        del page  # its trees are freed inside the measure, as trafilatura's are inside extract()
        times["newsspider"].append(spent + time.process_time() - start)

    def baseline(html: str, url: str) -> None:
        start = time.process_time()
        trafilatura.extract(html, url=url, include_comments=False)
        times["trafilatura"].append(time.process_time() - start)

    for index, (body, url) in enumerate(pages):
        html = body.decode("utf-8", "replace")
        # Each extractor meets every other page first: the second one to read a page runs a few
        # per cent faster (measured: 0.94 against 0.92 for the same code in fixed and alternated order).
        if index % 2 == 0:
            newsspider(body, url)
            baseline(html, url)
        else:
            baseline(html, url)
            newsspider(body, url)
        start = time.process_time()
        lxml.html.fromstring(body)
        times["lxml parse"].append(time.process_time() - start)
    medians = {k: round(1000 * statistics.median(v), 2) for k, v in times.items() if v}
    means = {k: round(1000 * statistics.fmean(v), 2) for k, v in times.items() if v}
    return {"pages": len(pages), "median_ms": medians, "mean_ms": means,
            "ratio_to_trafilatura_mean": round(means["newsspider"] / means["trafilatura"], 2)}


def serve(pages: int, port_file: Path) -> subprocess.Popen:
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
            "from newsspider.demo.js_site import JsDemoSite\n"
            f"site = JsDemoSite(plain={pages}, scripted=0, broken=False); running = site.serve()\n"
            f"open({str(port_file)!r}, 'w').write(site.base_url)\n"
            "time.sleep(3600)\n")
    server = subprocess.Popen([sys.executable, "-c", code], preexec_fn=_pinned(_SERVER_CPUS))
    for _ in range(200):
        if port_file.exists() and port_file.read_text():
            return server
        time.sleep(0.05)
    raise RuntimeError("the benchmark site did not start")


def peak_rss_mb(pid: int) -> float | None:
    """The process's own peak RSS (VmHWM): ru_maxrss of a child forked from this big benchmark
    process starts at this process's size, whatever the child then uses."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# The measured crawls run on the last processor, the benchmark site on the others: a crawl then
# never shares its processor with the server answering it (CPU time is the measure, not speed).
_CRAWL_CPU = {max(os.sched_getaffinity(0))} if len(os.sched_getaffinity(0)) > 1 else None
_SERVER_CPUS = os.sched_getaffinity(0) - _CRAWL_CPU if _CRAWL_CPU else None


def _pinned(cpus):
    return (lambda: os.sched_setaffinity(0, cpus)) if cpus else None


SITE_CONFIG = "site.toml"


def write_site_config(folder: Path, base: str) -> None:
    """The benchmark site's entry: its one feed, no browser."""
    (folder / SITE_CONFIG).write_text(
        f'[[site]]\nname = "bench"\nfeeds = ["{base}/feed.xml"]\nallowed_domains = ["127.0.0.1"]\nrender_js = "never"\n',
        encoding="utf-8")


def measure(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of one whole command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=_pinned(_CRAWL_CPU))
    peak = 0.0
    while process.poll() is None:  # VmHWM only grows: its last reading is the peak
        peak = max(peak, peak_rss_mb(process.pid) or 0.0)
        time.sleep(0.05)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, peak


def crawl_comparison(pages: int, runs: int) -> dict:
    results: dict[str, list[tuple[float, float]]] = {"newsspider": [], "bare Scrapy + trafilatura": []}
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        server = serve(pages, folder_path / "port")
        base = (folder_path / "port").read_text()
        try:
            (folder_path / "bare.py").write_text(BARE_SPIDER.replace("FEED", repr(f"{base}/feed.xml")), encoding="utf-8")
            write_site_config(folder_path, base)
            common = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                      "-s", "LOG_LEVEL=WARNING", "-s", "TELNETCONSOLE_ENABLED=False"]
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env |= {"PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(folder_path / "bytecode")}
            for run in range(runs + 1):
                newsspider = measure(
                    [sys.executable, "-m", "scrapy", "crawl", "bench", "-s", f"SITES_FILES={folder_path / SITE_CONFIG}",
                     "-s", "INCREMENTAL_ENABLED=False", "-O", "n.jsonl", *common],
                    folder_path, {**env, "SCRAPY_SETTINGS_MODULE": "newsspider.settings"})
                bare = measure(
                    [sys.executable, "-m", "scrapy", "runspider", "bare.py", "-O", "b.jsonl", "-s", "ROBOTSTXT_OBEY=True", *common],
                    folder_path, {k: v for k, v in env.items() if k != "SCRAPY_SETTINGS_MODULE"})
                if run:  # the first run of each only fills the bytecode cache
                    results["newsspider"].append(newsspider)
                    results["bare Scrapy + trafilatura"].append(bare)
        finally:
            server.terminate()
    summary = {name: {"cpu_s": round(statistics.median(c for c, _ in v), 2), "peak_rss_mb": round(statistics.median(r for _, r in v))}
               for name, v in results.items()}
    # The median of each adjacent pair's ratio: both commands of a pair met the same machine load.
    pair_ratios = [n / b for (n, _), (b, _) in zip(results["newsspider"], results["bare Scrapy + trafilatura"], strict=True)]
    summary["cpu_ratio"] = round(statistics.median(pair_ratios), 2)
    summary["pair_ratios"] = [round(r, 2) for r in pair_ratios]
    return summary


def memory_slope(small: int, large: int, *, disk_queue: bool = False) -> dict:
    """Peak RSS of a crawl of `small` and of `large` pages. The benchmark site's one feed lists
    every page, so without `disk_queue` the whole crawl waits in the memory queue at once and the
    slope is mostly the queue; with it (JOBDIR) the slope is what the crawl keeps per page."""
    peaks = {}
    for pages in (small, large):
        with tempfile.TemporaryDirectory() as folder:
            folder_path = Path(folder)
            server = serve(pages, folder_path / "port")
            base = (folder_path / "port").read_text()
            try:
                write_site_config(folder_path, base)
                _, peaks[pages] = measure(
                    [sys.executable, "-m", "scrapy", "crawl", "bench", "-s", f"SITES_FILES={folder_path / SITE_CONFIG}",
                     "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
                     *(["-s", f"JOBDIR={folder_path / 'job'}"] if disk_queue else [])],
                    folder_path, {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "newsspider.settings"})
            finally:
                server.terminate()
    slope = (peaks[large] - peaks[small]) / (large - small) * 1000
    return {"peak_rss_mb": {str(k): round(v) for k, v in peaks.items()}, "mb_per_1000_pages": round(slope, 1)}


def long_crawl(pages: int, every: float = 5.0) -> dict:
    """One crawl of `pages` articles with the queue on disk (JOBDIR): its RSS read every `every`
    seconds against the articles written so far, its peak (VmHWM), and the slope from the first
    tenth of the crawl to its end, per 1,000 articles: what a long crawl keeps per page."""
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        server = serve(pages, folder_path / "port")
        base = (folder_path / "port").read_text()
        output = folder_path / "articles.jsonl"
        samples: list[tuple[int, float]] = []
        try:
            write_site_config(folder_path, base)
            crawl = subprocess.Popen(
                [sys.executable, "-m", "scrapy", "crawl", "bench", "-s", f"SITES_FILES={folder_path / SITE_CONFIG}",
                 "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
                 "-s", f"JOBDIR={folder_path / 'job'}", "-O", str(output)],
                cwd=folder_path, env={**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "newsspider.settings"},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_pinned(_CRAWL_CPU))
            written, offset, peak = 0, 0, 0.0
            while crawl.poll() is None:
                time.sleep(every)
                rss = None
                try:
                    for line in Path(f"/proc/{crawl.pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            rss = int(line.split()[1]) / 1024
                        elif line.startswith("VmHWM:"):
                            peak = int(line.split()[1]) / 1024
                except OSError:
                    break
                if output.exists():  # count the lines written since the last reading only
                    with output.open("rb") as lines:
                        lines.seek(offset)
                        chunk = lines.read()
                    written, offset = written + chunk.count(b"\n"), offset + len(chunk)
                if rss is not None:
                    samples.append((written, round(rss)))
        finally:
            server.terminate()
    late = [(n, r) for n, r in samples if n >= written / 10]
    slope = (late[-1][1] - late[0][1]) / max(1, late[-1][0] - late[0][0]) * 1000 if len(late) > 1 else 0.0
    step = max(1, len(samples) // 10)
    return {"pages": pages, "articles": written, "peak_rss_mb": round(peak), "mb_per_1000_articles": round(slope, 2),
            "samples": samples[::step] + samples[-1:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--limit", type=int, help="eval pages for the extraction part")
    parser.add_argument("--long", type=int, default=0, metavar="PAGES",
                        help="also one crawl of PAGES articles, its RSS read as it goes (100000: about 10 minutes)")
    args = parser.parse_args()
    result = {"extraction": extraction(args.limit), "crawl": crawl_comparison(args.pages, args.runs),
              "memory": memory_slope(args.pages, args.pages * 4),
              "memory_disk_queue": memory_slope(args.pages, args.pages * 4, disk_queue=True)}
    if args.long:
        result["long_crawl"] = long_crawl(args.long)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    e, c, m, d = result["extraction"], result["crawl"], result["memory"], result["memory_disk_queue"]
    lines = [
        f"| extraction, CPU per page ({e['pages']} eval pages) | median ms | mean ms |", "|---|---|---|",
        *(f"| {name} | {e['median_ms'][name]} | {e['mean_ms'][name]} |" for name in e["median_ms"]),
        "", f"newsspider (without the language stage) / trafilatura, mean CPU: **{e['ratio_to_trafilatura_mean']}×**", "",
        f"| crawl of {args.pages} local articles (median of {args.runs}) | CPU s | peak RSS MB |", "|---|---|---|",
        *(f"| {name} | {c[name]['cpu_s']} | {c[name]['peak_rss_mb']} |" for name in ("newsspider", "bare Scrapy + trafilatura")),
        "", f"newsspider / bare Scrapy + trafilatura, crawl CPU: **{c['cpu_ratio']}×** (median of the runs' pairs: "
        f"{', '.join(map(str, c['pair_ratios']))})", "",
        f"Memory: peak RSS {m['peak_rss_mb']} MB by pages crawled: {m['mb_per_1000_pages']} MB per 1,000 pages "
        "(the site's one feed lists every page: the whole crawl waits in the memory queue at once).",
        f"With the queue on disk (JOBDIR): {d['peak_rss_mb']} MB, {d['mb_per_1000_pages']} MB per 1,000 pages.",
    ]
    if "long_crawl" in result:
        long = result["long_crawl"]
        lines += ["", f"A crawl of {long['pages']:,} pages (JOBDIR; {long['articles']:,} articles written): "
                  f"peak RSS {long['peak_rss_mb']} MB, {long['mb_per_1000_articles']} MB per 1,000 articles after its first "
                  "tenth; RSS MB by articles written: " + ", ".join(f"{n:,}: {r}" for n, r in long["samples"]) + "."]
    (RESULTS / "speed.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
