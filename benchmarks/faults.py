"""Peak memory of a crawl that meets a page with 200,000 links (a trap page on the open web).

    python benchmarks/faults.py [--links 200000]

The page is served on 127.0.0.1 as a site's start page; the crawl runs with the project's settings
(LINKS_PER_PAGE_MAX caps what is followed) and its peak RSS is read from the child process.
Results go to benchmarks/results/faults.md and .json. Goal: under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from newsspider.demo.site import DemoSite, Route, load_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--links", type=int, default=200_000)
    args = parser.parse_args()
    site = DemoSite(articles=load_articles()[:2])
    links = "".join(f'<a href="/section-{n}/">Section {n}</a>\n' for n in range(args.links))
    running = site.serve()  # serving on a free port rebuilds the routes: the trap page goes in after
    site.routes["/"] = Route(f"<html><body>{links}</body></html>".encode())
    try:
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder, "trap.toml")
            config.write_text(f'[[site]]\nname = "trap"\nstart_urls = ["{site.base_url}/"]\nallowed_domains = ["127.0.0.1"]\n'
                              'max_depth = 1\nrender_js = "never"\n', encoding="utf-8")
            env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
            done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "trap", "-s", f"SITES_FILES={config}",
                                   "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"],
                                  cwd=folder, env=env, capture_output=True, text=True)
    finally:
        running.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    followed = sum(1 for path in site.requests if path.startswith("/section-"))
    result = {"links_on_page": args.links, "followed": followed, "peak_rss_mb": round(peak_mb, 1),
              "capped_warning": "following the first" in done.stderr, "exit_status": done.returncode}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "faults.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "faults.md").write_text(
        "| page | links followed | peak RSS | goal |\n|---|---|---|---|\n"
        f"| one page of {args.links:,} links | {followed:,} | {peak_mb:.0f} MB | < 400 MB |\n", encoding="utf-8")
    print(json.dumps(result))
    if not followed:
        print(done.stderr[-3000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
