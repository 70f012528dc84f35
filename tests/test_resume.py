"""A crawl killed with SIGKILL and run again: every article exactly once, every line whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAFE_SETTINGS, article_files, site_file

from newsspider.demo.js_site import JsDemoSite
from newsspider.extraction.urls import url_identity


def command(config, extra=()):
    return [sys.executable, "-m", "scrapy", "crawl", "testsite", *SAFE_SETTINGS, "-s", f"SITES_FILES={config}",
            "-s", "CONCURRENT_REQUESTS=2", *extra]


@pytest.mark.parametrize("mode", ["default output", "JOBDIR", "-o", "-O"])
def test_killed_crawl_resumes_without_losing_or_repeating(tmp_path, mode):
    site = JsDemoSite(plain=60, scripted=0, broken=False)
    running = site.serve()
    site.delay = 0.03
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT)}
    config = site_file(tmp_path, site.base_url, start_urls=[], sitemaps=[], feeds=[f"{site.base_url}/feed.xml"],
                       article_url_pattern=None)
    extra = {"JOBDIR": ["-s", f"JOBDIR={tmp_path / 'job'}"], "-o": ["-o", "mine.jsonl"], "-O": ["-O", "mine.jsonl"]}.get(mode, [])
    out = tmp_path if mode in ("-o", "-O") else tmp_path / "output" / "testsite"
    pattern = "mine.jsonl" if mode in ("-o", "-O") else "*.part"
    try:
        first = subprocess.Popen(command(config, extra), cwd=tmp_path, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            parts = list(out.glob(pattern)) if out.exists() else []
            if parts and len(parts[0].read_bytes().splitlines()) >= 15:
                break
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait()
        written_before = sum(len(p.read_bytes().splitlines()) for p in out.glob(pattern))
        assert 15 <= written_before < 60, "the crawl was not caught mid-way"

        second = subprocess.run(command(config, extra), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    finally:
        running.stop()
    assert second.returncode == 0, second.stderr[-3000:]
    if mode not in ("-o", "-O"):  # the killed crawl's .part file is finished by the next one
        assert "Repaired interrupted output" in second.stderr
    assert not list(out.glob("*.part"))  # both files finished
    files = [out / "mine.jsonl"] if mode in ("-o", "-O") else article_files(out)
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    items = [json.loads(line) for line in lines]  # every line parses
    found = [url_identity(i["url"]) for i in items]
    assert len(found) == len(set(found)), "an article was written twice"
    assert set(found) == {url_identity(u) for u in site.article_urls()}, "an article was lost"
