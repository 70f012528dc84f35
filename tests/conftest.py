"""Test helpers: every site is served by the tests themselves on 127.0.0.1.

`demo_site` serves the bundled demo news site on a free port; `crawl()` runs a real
`scrapy crawl` in a subprocess against a site file written for that port and returns the items
and the crawl's stats.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from newsspider.demo.site import DemoSite
from newsspider.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The test sites are on 127.0.0.1, which the open-web mode refuses unless allowed.
SAFE_SETTINGS = ["-s", "TELNETCONSOLE_ENABLED=False", "-s", "REMOTE_CONTROL_ENABLED=False", "-s", "AUTOTHROTTLE_ENABLED=False",
                 "-s", "SCOPE_ALLOWED_HOSTS=127.0.0.1"]


@dataclass
class CrawlResult:
    items: list[dict]
    lines: list[str]
    stats: dict
    log: str
    stdout: str
    returncode: int

    def dropped(self) -> dict[str, int]:
        prefix = "newsspider/dropped/"
        return {k[len(prefix):]: v for k, v in self.stats.items() if k.startswith(prefix)}


def article_files(folder: Path) -> list[Path]:
    """The article outputs in a folder (not the `.failures.jsonl` beside them)."""
    return sorted(p for p in folder.glob("*.jsonl") if not p.name.endswith(".failures.jsonl"))


def site_file(tmp_path: Path, base_url: str, name: str = "testsite", **overrides) -> Path:
    """A site configuration for the demo site served at `base_url`."""
    entry = {
        "name": name,
        "start_urls": [f"{base_url}/"],
        "allowed_domains": ["127.0.0.1"],
        "feeds": [f"{base_url}/feed.xml", f"{base_url}/fr/atom.xml"],
        "sitemaps": [f"{base_url}/sitemap_index.xml"],
        "article_url_pattern": r"^/[a-z]+/\d{4}/\d{2}/[^/]+\.html$",
        "max_depth": 1,
        "render_js": "never",  # these sites are about discovery and cleaning; test_rendering.py renders
    }
    entry.update(overrides)
    lines = ["[[site]]"]
    for key, value in entry.items():
        if value is not None:
            lines.append(f"{key} = {json.dumps(value)}")
    path = tmp_path / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def crawl(spider: str, tmp_path: Path, *args: str, output: str | None = "out.jsonl", snapshot: bool = False,
          timeout: int = 180, env: dict | None = None) -> CrawlResult:
    """`scrapy crawl` into `output` with -o (what is new), or -O with `snapshot` (everything)."""
    out = tmp_path / output if output else None
    stats_file = tmp_path / f"stats-{time.monotonic_ns()}.json"
    command = [sys.executable, "-m", "scrapy", "crawl", spider, *SAFE_SETTINGS, "-s", f"STATS_FILE={stats_file}", *args]
    if out is not None:
        command += ["-O" if snapshot else "-o", str(out)]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsspider.settings", "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout)
    lines = out.read_text(encoding="utf-8").split("\n")[:-1] if out is not None and out.exists() else []
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return CrawlResult([json.loads(line) for line in lines], lines, stats, done.stderr, done.stdout, done.returncode)


COMMAND = Path(sys.executable).with_name("newsspider")
QUIET = ["-s", "TELNETCONSOLE_ENABLED=False", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "SCOPE_ALLOWED_HOSTS=127.0.0.1"]


def user_env() -> dict:
    """The environment of a user's shell: nothing that points at the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}


def newsspider_cmd(*args: str, cwd: Path, stdin: str | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), *args], cwd=cwd, env=user_env(), input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def demo_site():
    running = DemoSite().serve()
    yield running.site
    running.stop()


@pytest.fixture(scope="session")
def schema_validator():
    return jsonschema.Draft202012Validator(load_schema())


@pytest.fixture(scope="session")
def demo_crawl(demo_site, tmp_path_factory) -> CrawlResult:
    """One crawl of the whole demo site, shared by the tests that read its output."""
    tmp = tmp_path_factory.mktemp("demo_crawl")
    return crawl("testsite", tmp, "-s", f"SITES_FILES={site_file(tmp, demo_site.base_url)}")


@dataclass
class RedisServer:
    """A real redis-server on 127.0.0.1 (Debian's package), its data in `folder` (append-only
    file, fsync'd on every write: what the README tells users to run)."""

    folder: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        import redis

        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--appendfsync", "always", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with redis.Redis(port=self.port) as client:
            for _ in range(100):
                try:
                    client.ping()
                    return self
                except redis.ConnectionError:
                    time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def client(self):
        import redis

        return redis.Redis(port=self.port)


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed (make test and .ci/run install Debian's redis-server)")
    server = RedisServer(tmp_path / "redis", free_port()).start()
    yield server
    server.kill()
