"""The project deploys to a real Scrapyd server, and a job scheduled through its HTTP API writes
the same output as a crawl from the command line."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import ROOT, article_files

from newsspider.demo.site import DemoSite
from newsspider.extraction.urls import url_identity

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(url: str, data: dict | None = None) -> dict:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(url, body, timeout=30) as response:
        return json.load(response)


def test_deploy_schedule_and_read_the_output(tmp_path):
    port = free_port()
    server_dir = tmp_path / "scrapyd"
    server_dir.mkdir()
    (server_dir / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {server_dir / 'eggs'}\n"
        f"logs_dir = {server_dir / 'logs'}\ndbs_dir = {server_dir / 'dbs'}\nitems_dir =\npoll_interval = 0.5\nmax_proc = 2\n"
    )
    # The project as a user deploys it, with a [deploy] target naming this server.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "newsspider", project / "newsspider", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    (project / "scrapy.cfg").write_text(
        f"[settings]\ndefault = newsspider.settings\n\n[deploy]\nurl = http://127.0.0.1:{port}/\nproject = newsspider\n")

    server = subprocess.Popen([str(BIN / "scrapyd")], cwd=server_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site = DemoSite()
    running = site.serve()
    try:
        for _ in range(100):
            try:
                assert call(f"http://127.0.0.1:{port}/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                time.sleep(0.2)
        deployed = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project, capture_output=True, text=True, timeout=120)
        assert deployed.returncode == 0 and '"status": "ok"' in deployed.stdout, deployed.stdout + deployed.stderr
        assert "demo" in call(f"http://127.0.0.1:{port}/listspiders.json?project=newsspider")["spiders"]

        job = call(f"http://127.0.0.1:{port}/schedule.json", {
            "project": "newsspider", "spider": "news", "url": f"{site.base_url}/", "render_js": "never",
            "setting": ["TELNETCONSOLE_ENABLED=False", "SCOPE_ALLOWED_HOSTS=127.0.0.1"],
        })
        assert job["status"] == "ok"
        finished = []
        for _ in range(240):
            finished = call(f"http://127.0.0.1:{port}/listjobs.json?project=newsspider")["finished"]
            if finished:
                break
            time.sleep(0.5)
        assert finished and finished[0]["id"] == job["jobid"]
    finally:
        running.stop()
        server.terminate()
        server.wait(timeout=30)

    (output,) = article_files(server_dir / "output" / "news")
    items = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert {url_identity(i["url"]) for i in items} == {url_identity(u) for u in site.article_urls()}
    assert {i["spider"] for i in items} == {"news"}
