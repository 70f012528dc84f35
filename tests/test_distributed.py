"""Distributed mode: several workers share one crawl through a real redis-server on 127.0.0.1.
Each worker runs in its own folder, as on its own machine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import COMMAND, QUIET, site_file, user_env

from newsspider.demo.js_site import JsDemoSite
from newsspider.extraction.urls import url_identity


class TimedRequests(list):
    """The demo site's request log, with the time of each request."""

    def append(self, path):
        super().append((time.monotonic(), path))


@pytest.fixture
def site():
    served = JsDemoSite(plain=60, scripted=0, broken=False)
    running = served.serve()
    yield served
    running.stop()


def sites_toml(tmp_path: Path, site) -> Path:
    return site_file(tmp_path, site.base_url, start_urls=[], sitemaps=[], feeds=[f"{site.base_url}/feed.xml"],
                     article_url_pattern=None)


class Worker:
    """One `newsspider crawl` worker; its output and log go to files (a pipe nobody reads while
    the other worker runs would fill up and stall it)."""

    def __init__(self, command: list[str], folder: Path, name: str):
        self.log_path = folder / f"{name}.{time.monotonic_ns()}.log"
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(command, cwd=folder, env=user_env(), stdout=log, stderr=subprocess.STDOUT)
        self.pid = self.process.pid

    def finish(self, timeout: int = 120) -> tuple[int, str]:
        self.process.wait(timeout=timeout)
        return self.process.returncode, self.log_path.read_text(encoding="utf-8")


def worker(name: str, folder: Path, sites: Path, redis_url: str, *settings: str) -> Worker:
    folder.mkdir(parents=True, exist_ok=True)
    command = [str(COMMAND), "crawl", "testsite", "-s", f"SITES_FILES={sites}", *QUIET, "-s", f"REDIS_URL={redis_url}",
               "-s", f"WORKER_ID={name}", "-s", "DISTRIBUTED_HOST_INTERVAL=0.01", "-s", "REDIS_LEASE_SECONDS=2",
               *settings]
    return Worker(command, folder, name)


def finish(running: Worker, timeout: int = 120) -> tuple[int, str]:
    return running.finish(timeout)


def delivered(*folders: Path) -> list[str]:
    """URL identities of every complete article line the workers wrote (finished or .part files)."""
    found = []
    for folder in folders:
        for path in sorted((folder / "output" / "testsite").glob("*.jsonl*")):
            if ".failures." in path.name:
                continue
            found += [url_identity(json.loads(line)["url"]) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_two_workers_share_one_crawl_and_deliver_each_article_once(site, tmp_path, redis_server):
    site.delay = 0.05
    sites = sites_toml(tmp_path, site)
    one, two = tmp_path / "one", tmp_path / "two"
    workers = [worker("w1", one, sites, redis_server.url), worker("w2", two, sites, redis_server.url)]
    results = [finish(w) for w in workers]
    assert [code for code, _ in results] == [0, 0], results[0][1][-3000:] + results[1][1][-3000:]
    for _, log in results:
        loud = [line for line in log.splitlines() if " WARNING: " in line or " ERROR: " in line]
        assert not loud, loud
    found = delivered(one, two)
    assert sorted(found) == sorted(url_identity(u) for u in site.article_urls())
    assert delivered(one) and delivered(two), "both workers took a share"
    assert site.requests.count("/feed.xml") == 1, "the start requests were seeded once"
    summary = json.loads(next((two / "output" / "testsite").glob("*.w2.summary.json")).read_text())
    assert summary["distributed"]["worker"] == "w2" and summary["distributed"]["drained"]
    # A drained crawl leaves only the ledger (kept across crawls) and the host's pace.
    with redis_server.client() as client:
        assert {k.decode().split(":")[2] for k in client.keys("newsspider:testsite:*")} == {"ledger"}

    # The next scheduled run, on one worker: nothing new, exit 0, no warning.
    code, log = finish(worker("w3", tmp_path / "three", sites, redis_server.url))
    assert code == 0 and " WARNING: " not in log, log[-3000:]
    assert delivered(tmp_path / "three") == []


@pytest.mark.parametrize("restarted", [True, False], ids=["restarted", "not-restarted"])
def test_a_worker_killed_mid_crawl_loses_nothing(site, tmp_path, redis_server, restarted):
    site.delay = 0.15
    sites = sites_toml(tmp_path, site)
    one, two = tmp_path / "one", tmp_path / "two"
    first = worker("w1", one, sites, redis_server.url)
    wait_for(lambda: len(site.requests) >= 12)
    second = worker("w2", two, sites, redis_server.url)
    wait_for(lambda: len(site.requests) >= 30)
    os.kill(first.pid, signal.SIGKILL)
    first.process.wait()
    restart = worker("w1", one, sites, redis_server.url) if restarted else None
    code, log = finish(second)
    assert code == 0, log[-3000:]
    if restart is not None:
        code, log = finish(restart)
        assert code == 0, log[-3000:]
    else:
        assert "stopped heartbeating" in log
    found = delivered(one, two)
    assert sorted(found) == sorted(url_identity(u) for u in site.article_urls()), "every article exactly once"


def test_two_workers_keep_one_pace_per_host(site, tmp_path, redis_server):
    site.requests = TimedRequests()
    sites = sites_toml(tmp_path, site)
    interval = ("-s", "DISTRIBUTED_HOST_INTERVAL=0.1")
    one, two = tmp_path / "one", tmp_path / "two"
    workers = [worker("w1", one, sites, redis_server.url, *interval),
               worker("w2", two, sites, redis_server.url, *interval)]
    results = [finish(w) for w in workers]
    assert [code for code, _ in results] == [0, 0], results[0][1][-2000:] + results[1][1][-2000:]
    assert delivered(one) and delivered(two), (len(delivered(one)), len(delivered(two)))
    times = sorted(t for t, _ in site.requests)
    assert len(times) > 60, len(times)
    # 10 requests a second to the host, whatever the number of workers (unpaced, two workers make
    # well over 100 a second here). Requests start on their reserved instants give or take the
    # moments a busy worker's event loop is extracting a page (up to half a second on a loaded
    # machine): in any window of W seconds, at most (W + 0.5) / interval + 1 requests.
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert rate <= 10.5, rate
    busiest = max(sum(1 for t in times if start <= t < start + 2.0) for start in times)
    assert busiest <= (2.0 + 0.5) / 0.1 + 1, busiest


def test_redis_going_away_stops_the_worker_and_the_next_run_resumes(site, tmp_path, redis_server):
    site.delay = 0.15
    sites = sites_toml(tmp_path, site)
    one = tmp_path / "one"
    running = worker("w1", one, sites, redis_server.url)
    wait_for(lambda: len(site.requests) >= 25)
    redis_server.kill()
    code, log = finish(running, timeout=60)
    assert code == 1, log[-3000:]
    errors = [line for line in log.splitlines() if " ERROR: " in line]
    assert len(errors) == 1 and "Redis at redis://127.0.0.1" in errors[0], errors
    assert "Traceback" not in log
    before = delivered(one)
    redis_server.start()
    code, log = finish(worker("w1", one, sites, redis_server.url))
    assert code == 0, log[-3000:]
    found = delivered(one)
    assert len(before) < len(found)
    assert sorted(found) == sorted(url_identity(u) for u in site.article_urls()), "every article exactly once"


def test_no_redis_is_one_error_line_and_exit_1(site, tmp_path, redis_server):
    redis_server.kill()
    code, log = finish(worker("w1", tmp_path / "one", sites_toml(tmp_path, site), redis_server.url))
    assert code == 1
    errors = [line for line in log.splitlines() if " ERROR: " in line]
    assert len(errors) == 1 and "is not reachable" in errors[0], log[-3000:]
    assert "Traceback" not in log
