"""Distributed mode on a real redis-server: throughput with 1, 2 and 4 workers on a site whose
every page takes a fixed time to answer, and what Redis holds per 1,000 URLs.

    python benchmarks/distributed.py [--articles 200] [--latency 0.5] [--workers 1 2 4] [--repeat 1]

Each worker is a `newsspider crawl` process in its own folder (as on its own machine), with
CONCURRENT_REQUESTS_PER_DOMAIN=2 so that one worker is bound by the site's latency, not by CPU.
Pages per second = articles delivered / (last worker's end - first worker's start), worker start-up
included. Results go to benchmarks/results/distributed.md and .json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from newsspider.demo.js_site import JsDemoSite  # noqa: E402

COMMAND = Path(sys.executable).with_name("newsspider")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(folder: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "yes", "--dir", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with redis.Redis(port=port) as client:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
    return process, port


def crawl(workers: int, base_url: str, port: int, folder: Path, run: int) -> dict:
    sites = folder / "sites.toml"
    sites.write_text(f'[[site]]\nname = "bench"\nfeeds = ["{base_url}/feed.xml"]\nallowed_domains = ["127.0.0.1"]\n'
                     'render_js = "never"\n', encoding="utf-8")
    with redis.Redis(port=port) as client:
        client.flushall()
    env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    started = time.monotonic()
    processes = []
    for n in range(workers):
        cwd = folder / f"run{run}-w{n}"
        cwd.mkdir()
        processes.append((cwd, subprocess.Popen(
            [str(COMMAND), "crawl", "bench", "-s", f"SITES_FILES={sites}", "-s", "SITES_BUNDLED=False",
             "-s", f"REDIS_URL=redis://127.0.0.1:{port}/0", "-s", f"WORKER_ID=w{n}",
             "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", "DISTRIBUTED_HOST_INTERVAL=0.01",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "TELNETCONSOLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
             "-s", "SCOPE_ALLOWED_HOSTS=127.0.0.1"],
            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
    codes = [p.wait() for _, p in processes]
    elapsed = time.monotonic() - started
    per_worker = []
    for cwd, _ in processes:
        lines = sum(len(p.read_text().splitlines()) for p in (cwd / "output").rglob("*.jsonl")
                    if not p.name.endswith(".failures.jsonl"))
        per_worker.append(lines)
    return {"workers": workers, "exit_codes": codes, "seconds": round(elapsed, 1), "articles": sum(per_worker),
            "per_worker": per_worker, "pages_per_second": round(sum(per_worker) / elapsed, 2)}


def redis_bytes_per_1000(port: int) -> dict:
    """Redis memory for 100,000 entries of each kind, per 1,000."""
    import pickle

    from scrapy import Request

    count = 100_000
    sizes = {}
    with redis.Redis(port=port) as client:
        def measure(name: str, fill) -> None:
            client.flushall()
            before = client.info("memory")["used_memory"]
            fill()
            sizes[name] = round((client.info("memory")["used_memory"] - before) / (count / 1000))

        def fingerprints(width: int):
            def fill():
                pipe = client.pipeline(transaction=False)
                for n in range(count):
                    member = os.urandom(width) if width == 16 else os.urandom(20).hex()
                    pipe.sadd("fp", member)
                    if n % 5000 == 0:
                        pipe.execute()
                pipe.execute()
            return fill

        measure("dupefilter (ours: 16-byte fingerprints)", fingerprints(16))
        measure("dupefilter (scrapy-redis: 40 hex characters)", fingerprints(40))
        sample = pickle.dumps(Request(f"https://news.example.com/world/2026/12/01/a-story-{'x' * 40}.html",
                                      priority=20, meta={"discovered_via": "feed", "article_depth": 0,
                                                         "lastmod": None, "allow_offsite": False}).to_dict(),
                              protocol=-1)

        def queued():
            pipe = client.pipeline(transaction=False)
            for n in range(count):
                lease = os.urandom(16).hex()
                pipe.hset("requests", lease, sample)
                pipe.zadd("queue", {lease: -20})
                if n % 5000 == 0:
                    pipe.execute()
            pipe.execute()

        measure("queued request (sorted set + serialized request)", queued)
        sizes["serialized request bytes"] = len(sample)
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        print("redis-server is not installed", file=sys.stderr)
        return 2
    site = JsDemoSite(plain=args.articles, scripted=0, broken=False)
    site.delay = args.latency
    running = site.serve()
    folder = Path(tempfile.mkdtemp(prefix="newsspider-distributed-"))
    server, port = start_redis(folder)
    rows = []
    try:
        for run in range(args.repeat):
            for workers in args.workers:  # interleaved: each repeat runs every worker count once
                rows.append(crawl(workers, running.base_url, port, folder, run * 10 + workers))
        memory = redis_bytes_per_1000(port)
    finally:
        server.kill()
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)
    table = []
    for workers in args.workers:
        runs = [r for r in rows if r["workers"] == workers]
        table.append({"workers": workers, "pages_per_second": statistics.median(r["pages_per_second"] for r in runs),
                      "articles": [r["articles"] for r in runs], "per_worker": runs[-1]["per_worker"],
                      "exit_codes": sorted({c for r in runs for c in r["exit_codes"]})})
    base = table[0]["pages_per_second"]
    result = {"articles": args.articles, "latency_seconds": args.latency, "repeat": args.repeat, "runs": rows,
              "table": table, "redis_bytes_per_1000": memory}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "distributed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    lines = ["# Distributed crawl (benchmarks/distributed.py)", "",
             f"A local site of {args.articles} articles, each page answered after {args.latency} s; every worker a "
             "`newsspider crawl` process with `CONCURRENT_REQUESTS_PER_DOMAIN=2` on one real redis-server; "
             f"median of {args.repeat} run(s). Start-up of the workers included.", "",
             "| workers | pages/s | speed-up | articles delivered | per worker (last run) | exit codes |",
             "|---|---|---|---|---|---|"]
    for row in table:
        lines.append(f"| {row['workers']} | {row['pages_per_second']} | {row['pages_per_second'] / base:.2f}× | "
                     f"{row['articles']} | {row['per_worker']} | {row['exit_codes']} |")
    lines += ["", "Redis memory per 1,000 URLs (100,000 of each measured):", "", "| what | bytes per 1,000 |", "|---|---|"]
    lines += [f"| {name} | {value:,} |" for name, value in memory.items()]
    (RESULTS / "distributed.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
