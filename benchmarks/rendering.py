"""Crawl time with render_js = auto against always, on a local site where a tenth of the pages
need a browser.

    python benchmarks/rendering.py [--pages 40] [--runs 3]

Both modes crawl the same site (newsspider/demo/js_site.py) served on 127.0.0.1, alternately, in
one run; the medians and their ratio go to benchmarks/results/rendering.md and .json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from newsspider.demo.js_site import JsDemoSite  # noqa: E402


def crawl_seconds(site: JsDemoSite, mode: str, folder: Path) -> tuple[float, int]:
    config = folder / f"{mode}.toml"
    config.write_text(
        f'[[site]]\nname = "bench"\nfeeds = ["{site.base_url}/feed.xml"]\nallowed_domains = ["127.0.0.1"]\nrender_js = "{mode}"\n',
        encoding="utf-8",
    )
    out = folder / f"{mode}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", "bench", "-O", str(out), "-s", f"SITES_FILES={config}",
               "-s", "LOG_LEVEL=INFO", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RENDER_TIMEOUT=5",
               "-s", "INCREMENTAL_ENABLED=False"]  # every run crawls the whole site
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True, text=True)
    # The crawl's own clock (Scrapy's elapsed_time_seconds): from engine start to close, browser
    # launch included, Python start-up left out.
    seconds = float(re.search(r"'elapsed_time_seconds': ([0-9.]+)", done.stderr).group(1))
    return seconds, len(out.read_text(encoding="utf-8").splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--hydration-ms", type=int, default=1000,
                        help="script work each page does in a browser (real news pages: 1-3 s to render)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scripted = max(1, args.pages // 10)
    # No never-rendering page here: its timeout would cost both modes the same and hide the difference.
    site = JsDemoSite(plain=args.pages - scripted, scripted=scripted, broken=False, hydration_ms=args.hydration_ms)
    running = site.serve()
    times: dict[str, list[float]] = {"auto": [], "always": []}
    items: dict[str, int] = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(args.runs):
                for mode in ("auto", "always"):
                    seconds, items[mode] = crawl_seconds(site, mode, Path(folder))
                    times[mode].append(seconds)
    finally:
        running.stop()
    medians = {mode: statistics.median(values) for mode, values in times.items()}
    result = {
        "pages": args.pages, "need_rendering": scripted, "runs": args.runs,
        "median_seconds": medians, "all_seconds": times, "articles": items,
        "auto_speedup": medians["always"] / medians["auto"],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "rendering.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    markdown = (
        "# Rendering: render_js auto against always\n\n"
        f"{args.pages} article pages, {scripted} of them JavaScript-only; every page runs "
        f"{args.hydration_ms} ms of script work in a browser (hydration, analytics). {args.runs} crawls per mode, "
        "alternating; time is the crawl's own `elapsed_time_seconds`.\n\n"
        "| mode | median seconds | articles |\n|---|---|---|\n"
        + "".join(f"| {mode} | {medians[mode]:.2f} | {items[mode]} |\n" for mode in ("auto", "always"))
        + f"\nauto is {result['auto_speedup']:.1f} times faster than always.\n"
    )
    (RESULTS / "rendering.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
