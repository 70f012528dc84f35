"""Peak memory of `newsspider crawl --all` over many local sites (4 articles each).

    python benchmarks/many_sites.py [--sites 150 500] [--concurrent 8]

Each site is its own configured site (own crawler, ledger and output) reading a feed of one local
server; the crawl's peak RSS is read from the child process. Results go to benchmarks/results/many_sites.md and .json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from newsspider.demo.js_site import JsDemoSite  # noqa: E402


def crawl(sites: int, concurrent: int, base: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder, "sites.toml")
        entries = [f'[[site]]\nname = "site-{n}"\nfeeds = ["{base}/feed.xml?site={n}"]\n'
                   'allowed_domains = ["127.0.0.1"]\nrender_js = "never"\n' for n in range(sites)]
        config.write_text("\n".join(entries), encoding="utf-8")
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "newsspider.cli", "crawl", "--all", "-s", "SITES_BUNDLED=False",
             "-s", f"SITES_FILES={config}", "-s", f"CONCURRENT_SITES={concurrent}", "-s", "LOG_LEVEL=WARNING",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "TELNETCONSOLE_ENABLED=False"],
            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        articles = sum(len(p.read_text().splitlines()) for p in Path(folder, "output").rglob("*.jsonl")
                       if not p.name.endswith(".failures.jsonl"))
        return usage.ru_maxrss / 1024, time.monotonic() - started, articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, nargs="+", default=[150, 500])
    parser.add_argument("--concurrent", type=int, default=8)
    args = parser.parse_args()
    site = JsDemoSite(plain=4, scripted=0, broken=False)
    running = site.serve()
    rows = []
    try:
        for count in args.sites:
            peak, seconds, articles = crawl(count, args.concurrent, running.base_url)
            rows.append({"sites": count, "concurrent_sites": args.concurrent, "peak_rss_mb": round(peak),
                         "seconds": round(seconds, 1), "articles": articles})
    finally:
        running.stop()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "many_sites.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    lines = ["| sites (4 articles each) | CONCURRENT_SITES | articles | peak RSS | seconds |", "|---|---|---|---|---|",
             *(f"| {r['sites']} | {r['concurrent_sites']} | {r['articles']} | {r['peak_rss_mb']} MB | {r['seconds']} |" for r in rows)]
    (RESULTS / "many_sites.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
