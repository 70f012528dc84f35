"""The same bytes and URL give the same item in every process (no answer may depend on Python's
per-process string hashing, i.e. on the iteration order of a set of strings)."""

from __future__ import annotations

import json

from conftest import SHARED, user_env

PAGES = [
    *sorted((SHARED / "eval" / "data" / "fundus-dev" / "html").glob("*.html"))[::3],
    *sorted((SHARED / "eval" / "data" / "readability" / "html").glob("*.html"))[::5],
]
CRAWL_TIME_FIELDS = {"crawled_at"}


def extract_with_hash_seed(seed: str, tmp_path) -> list[dict]:
    import subprocess

    from conftest import COMMAND

    done = subprocess.run([str(COMMAND), "extract", *map(str, PAGES)], cwd=tmp_path, capture_output=True, text=True,
                          env={**user_env(), "PYTHONHASHSEED": seed}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return [{k: v for k, v in json.loads(line).items() if k not in CRAWL_TIME_FIELDS} for line in done.stdout.splitlines()]


def test_extract_gives_the_same_items_whatever_the_hash_seed(tmp_path):
    assert len(PAGES) >= 20
    first, second = extract_with_hash_seed("1", tmp_path), extract_with_hash_seed("2024", tmp_path)
    assert len(first) == len(PAGES)
    for a, b in zip(first, second, strict=True):
        assert a == b, [k for k in a if a[k] != b.get(k)]
