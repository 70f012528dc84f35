"""The article test in both directions: real articles it drops, and non-article pages it lets through.

    python benchmarks/article_test.py

Articles: every page of ../shared/eval (all real articles; pages whose true body is shorter than
VALIDATION_MIN_WORDS are counted apart, since the crawl drops those as `too_short` on purpose).
Non-articles: for every eval page, a section front, a tag page, an author page and a search page
built from that page's own chrome (its head, header, navigation and footer) around teasers of other
eval pages in its language (their headlines, first sentences and links) — the shape real listing
pages have. Results go to benchmarks/results/article_test.md and .json.
Goal: at most 0.5 % of real articles dropped, at most 2 % of non-article pages emitted.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "data"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from newsspider.extraction.stages import DEFAULT_MIN_WORDS, run  # noqa: E402
from newsspider.items import Page  # noqa: E402

KINDS = ("section", "tag", "author", "search")
LABELS = {
    "en": ("World", "Topic", "Articles by", "results for"), "de": ("Politik", "Thema", "Artikel von", "Ergebnisse für"),
    "fr": ("International", "Sujet", "Articles de", "résultats pour"), "es": ("Internacional", "Tema", "Artículos de", "resultados para"),
    "it": ("Esteri", "Argomento", "Articoli di", "risultati per"),
}


def load_pages() -> list[dict]:
    pages = []
    for dataset in ("fundus-dev", "readability"):
        for record in map(json.loads, (EVAL / dataset / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
            html = (EVAL / dataset / "html" / f"{record['id']}.html").read_bytes()
            pages.append({**record, "dataset": dataset, "html": html, "lang2": (record.get("lang") or "en")[:2].lower()})
    return pages


def first_sentence(text: str) -> str:
    paragraph = next((p for p in text.split("\n\n") if len(p.split()) >= 8), text)
    return re.split(r"(?<=[.!?。])\s", paragraph, maxsplit=1)[0][:240]


def slug(title: str, n: int) -> str:
    words = re.findall(r"\w+", title.lower())[:8] or ["story"]
    return "-".join(words) + f"-{n}"


def teasers(others: list[dict], everyone: list[dict], host: str, rng: random.Random) -> str:
    """Twelve teasers: other stories in the page's language first, then from any language."""
    chosen = rng.sample(others, min(12, len(others)))
    chosen += rng.sample([p for p in everyone if p not in chosen], 12 - len(chosen))
    items = []
    for n, other in enumerate(chosen):
        href = f"https://{host}/{rng.choice(['news', 'world', 'politics'])}/2024/04/{slug(other.get('title') or 'story', n)}.html"
        items.append(f'<article class="teaser"><h2><a href="{href}">{escape(other.get("title") or "Story")}</a></h2>'
                     f'<p>{escape(first_sentence(other["text"]))} <a href="{href}">More</a></p></article>')
    return "".join(items)


def non_article(page: dict, kind: str, others: list[dict], everyone: list[dict], rng: random.Random) -> tuple[str, bytes]:
    """The page's own chrome around a listing of other stories."""
    tree = lxml.html.fromstring(page["html"])
    host = urlsplit(page.get("url") or "https://news.example/").hostname or "news.example"
    body = tree.find("body")
    if body is None:
        body = lxml.html.Element("body")
        tree.append(body)
    chrome = [copy.deepcopy(e) for e in body.xpath("./header | .//nav | ./footer | //*[@role='navigation']")[:6]]
    for child in list(body):
        body.remove(child)
    section, topic, by, results = LABELS.get(page["lang2"], LABELS["en"])
    heading = {"section": section, "tag": f"{topic}: {section}", "author": f"{by} Alex Morgan",
               "search": f"12 {results} “{section.lower()}”"}[kind]
    extra = {"author": "<p>Alex Morgan covers politics and the economy.</p>",
             "search": '<form action="/search"><input type="search" name="q"><button>Search</button></form>'}.get(kind, "")
    main = lxml.html.fromstring(f'<main><h1>{escape(heading)}</h1>{extra}{teasers(others, everyone, host, rng)}</main>')
    for element in chrome[:3]:
        body.append(element)
    body.append(main)
    for element in chrome[3:]:
        body.append(element)
    for meta in tree.xpath('//meta[@property="og:type"]'):
        meta.set("content", "website")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        script.getparent().remove(script)  # the article's JSON-LD does not describe a listing
    title = tree.find(".//title")
    if title is not None:
        title.text = heading
    path = {"section": "/world/", "tag": "/tag/world/", "author": "/author/alex-morgan/", "search": "/search?q=world"}[kind]
    return f"https://{host}{path}", lxml.html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")


def main() -> int:
    rng = random.Random(7)
    pages = load_pages()
    by_language = defaultdict(list)
    for page in pages:
        by_language[page["lang2"]].append(page)
    real = Counter()
    dropped: list[tuple[str, str]] = []
    for page in pages:
        outcome = run(Page(url=page.get("url") or "https://news.example/story", body=page["html"]))
        short = len(page["text"].split()) < DEFAULT_MIN_WORDS
        real["short" if short else "articles"] += 1
        if outcome.drop_reason and not short:
            dropped.append((page["id"], outcome.drop_reason))
    fake = Counter()
    emitted: list[tuple[str, str]] = []
    for page in pages:
        others = [o for o in by_language[page["lang2"]] if o is not page] or [o for o in pages if o is not page]
        for kind in KINDS:
            url, body = non_article(page, kind, others, [o for o in pages if o is not page], rng)
            outcome = run(Page(url=url, body=body))
            fake[kind] += 1
            if outcome.drop_reason is None:
                emitted.append((f"{page['id']} ({kind})", url))
    result = {
        "real_articles": real["articles"], "real_articles_dropped": len(dropped),
        "real_drop_rate": round(len(dropped) / real["articles"], 4), "dropped": dropped,
        "short_test_pages_left_out": real["short"],
        "non_article_pages": sum(fake.values()), "non_articles_emitted": len(emitted),
        "false_accept_rate": round(len(emitted) / sum(fake.values()), 4), "emitted": emitted[:50],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "article_test.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "article_test.md").write_text(
        "| pages | count | wrongly judged | rate | goal |\n|---|---|---|---|---|\n"
        f"| real articles (../shared/eval) | {real['articles']} | {len(dropped)} dropped | {100 * result['real_drop_rate']:.1f} % | ≤ 0.5 % |\n"
        f"| non-article pages (section, tag, author, search) | {sum(fake.values())} | {len(emitted)} emitted | "
        f"{100 * result['false_accept_rate']:.1f} % | ≤ 2 % |\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k not in ("emitted",)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
