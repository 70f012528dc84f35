"""Real pages with ground truth (../shared/eval): extraction quality and article language hold up
on sites we never tuned for. Every third page of each dataset, to keep the suite quick; the full
sets are measured by benchmarks/quality.py."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import SHARED

from newsspider.extraction.stages import run
from newsspider.items import Page

EVAL = SHARED / "eval"
# Below the measured value on these subsets (fundus-dev 0.95, readability 0.92 on the full sets),
# with room for noise but not for a regression that loses whole bodies or lets widgets in.
MIN_F1 = {"fundus-dev": 0.92, "readability": 0.88}


def scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_stages(record, html: bytes) -> Page:
    page = Page(url=record.get("url") or "https://example.invalid/", body=html)
    run(page)
    return page


def body_text(page: Page) -> str:
    return page.article_body.text if page.article_body is not None else ""


@pytest.mark.parametrize("dataset", sorted(MIN_F1))
def test_body_text_and_language_on_real_pages(dataset):
    folder = EVAL / "data" / dataset
    truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()][::3]
    score = scorer()
    triples, declared, agreed = [], 0, 0
    for record in truth:
        page = run_stages(record, (folder / "html" / f"{record['id']}.html").read_bytes())
        text = body_text(page)
        triples.append(score.tp_fp_fn(record["text"], text))
        if record.get("lang") and text:
            declared += 1
            agreed += page.languages.article == record["lang"].split("-")[0].lower()
    summary = score.summarise(triples)
    assert summary["f1"] >= MIN_F1[dataset], summary
    # Declared languages are sometimes wrong (Zulu pages declaring en) and some readability test
    # pages are Lorem ipsum; on the full sets 122/127 and 68/72 agree.
    assert agreed >= 0.85 * declared, (agreed, declared)
