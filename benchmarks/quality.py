"""Extraction quality on the real pages of ../shared/eval: newsspider against other extractors.

    python benchmarks/quality.py [--datasets readability fundus-dev] [--limit N] [--only newsspider,trafilatura]

For every dataset and every extractor in the same run: F1 / precision / recall (the scorer in
../shared/eval/score.py), per language too; pages per second and newsspider's speed as a ratio
to trafilatura's; and how often the output still holds widget text (ad labels, comment-form
labels, cookie text, related/latest headings, share labels). Writes
benchmarks/results/quality.md and quality.json. Not part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

# Widget text that must never be in an article body, per language (whole phrases, case-insensitive).
WIDGET_TEXT = {
    "any": [r"^\s*-?\s*advertisement\s*-?\s*$", r"spot_img", r"^\s*(share|tweet|pin it|email)\s*$"],
    "en": [r"leave a (reply|comment)", r"please enter your (comment|name)", r"we use cookies", r"^related (news|stories|articles)$",
           r"^latest news$", r"sign up for our newsletter", r"^read more$", r"your email address will not be published"],
    "fr": [r"s'il vous plaît entrez votre", r"laisser un commentaire", r"nous utilisons des cookies", r"^à lire aussi$",
           r"^publicité$", r"inscrivez-vous à (notre|la) newsletter", r"^partager$"],
    "de": [r"kommentar schreiben", r"wir verwenden cookies", r"^lesen sie auch$", r"^anzeige$", r"newsletter abonnieren", r"^teilen$"],
    "es": [r"deja (un comentario|una respuesta)", r"utilizamos cookies", r"^noticias relacionadas$", r"^publicidad$", r"^compartir$"],
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module




def newsspider_extractor():
    """newsspider's extraction (decode, widgets, metadata, body) is what is timed against the other
    extractors; the language stage, which they do not have, runs too and is timed apart."""
    from newsspider.extraction.stages import run
    from newsspider.items import Page

    def extract(html: str, url: str) -> str:
        page = Page(url=url or "https://example.invalid/", body=html.encode("utf-8"), headers={"content-type": "text/html; charset=utf-8"})
        run(page, skip={"language"})
        return page.article_body.text if page.article_body is not None else ""

    return extract


def time_language_stage(html: str, url: str) -> float:
    """Seconds newsspider's language stage takes on a page already through the other stages."""
    from newsspider.extraction.stages import language_stage, run
    from newsspider.items import Page

    page = Page(url=url or "https://example.invalid/", body=html.encode("utf-8"), headers={"content-type": "text/html; charset=utf-8"})
    run(page, skip={"language"})
    if page.article_body is None:
        return 0.0
    start = time.perf_counter()
    language_stage(page)
    return time.perf_counter() - start


def trafilatura_extractor(**options):
    import trafilatura

    def extract(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""

    return extract


def readability_extractor():
    from lxml.html import fromstring
    from readability import Document

    def extract(html: str, url: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return "\n\n".join(t.strip() for t in fromstring(summary).itertext() if t.strip()) if summary else ""

    return extract


def newspaper_extractor():
    from newspaper import Article

    def extract(html: str, url: str) -> str:
        article = Article(url or "https://example.invalid/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return extract


def extractors(only: set[str] | None):
    candidates = {
        "newsspider": newsspider_extractor,
        "trafilatura": lambda: trafilatura_extractor(include_comments=False),
        "trafilatura-default": lambda: trafilatura_extractor(),
        "trafilatura-precision": lambda: trafilatura_extractor(favor_precision=True, include_comments=False),
        "readability-lxml": readability_extractor,
        "newspaper4k": newspaper_extractor,
    }
    built = {}
    for name, factory in candidates.items():
        if only and name not in only:
            continue
        try:
            built[name] = factory()
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    return built


def widget_hits(text: str, lang: str | None) -> bool:
    patterns = WIDGET_TEXT["any"] + WIDGET_TEXT.get(lang or "", []) + (WIDGET_TEXT["en"] if lang != "en" else [])
    lines = [line.strip().lower() for line in text.splitlines() if line.strip()]
    return any(re.search(p, line) for p in patterns for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="*", default=None)
    parser.add_argument("--limit", type=int, default=0, help="pages per dataset (0 = all)")
    parser.add_argument("--only", default="", help="comma-separated extractor names")
    parser.add_argument("--name", default="quality", help="results file name")
    args = parser.parse_args()
    scorer = load_scorer()
    tools = extractors(set(filter(None, args.only.split(","))) or None)
    datasets = args.datasets or sorted(p.name for p in (EVAL / "data").iterdir() if p.is_dir())
    report: dict = {"datasets": {}}
    for dataset in datasets:
        folder = EVAL / "data" / dataset
        truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
        if args.limit:
            truth = truth[: args.limit]
        pages = [(t, (folder / "html" / f"{t['id']}.html").read_text(encoding="utf-8")) for t in truth]
        results = {}
        for name, extract in tools.items():
            triples, by_lang, seconds, widget_pages, language_seconds = [], defaultdict(list), [], 0, []
            for record, html in pages:
                start = time.perf_counter()
                try:
                    text = extract(html, record.get("url") or "")
                except Exception as exc:  # a crashing extractor scores an empty page
                    print(f"{name} failed on {record['id']}: {exc!r}", file=sys.stderr)
                    text = ""
                seconds.append(time.perf_counter() - start)
                if name == "newsspider":
                    language_seconds.append(time_language_stage(html, record.get("url") or ""))
                triple = scorer.tp_fp_fn(record["text"], text)
                triples.append(triple)
                by_lang[record.get("lang") or "undeclared"].append(triple)
                widget_pages += widget_hits(text, record.get("lang"))
            summary = scorer.summarise(triples)
            summary.update(
                pages_per_second=len(pages) / sum(seconds) if sum(seconds) else 0.0,
                median_ms=statistics.median(seconds) * 1000,
                widget_text_rate=widget_pages / len(pages),
                languages={lang: scorer.summarise(t) for lang, t in sorted(by_lang.items())},
            )
            if language_seconds:
                summary["language_stage_median_ms"] = statistics.median(language_seconds) * 1000
                summary["pages_per_second_with_language"] = len(pages) / (sum(seconds) + sum(language_seconds))
            results[name] = summary
        if "newsspider" in results and "trafilatura" in results:
            results["newsspider"]["speed_vs_trafilatura"] = (
                results["newsspider"]["pages_per_second"] / results["trafilatura"]["pages_per_second"]
            )
            results["newsspider"]["median_speed_vs_trafilatura"] = (
                results["trafilatura"]["median_ms"] / results["newsspider"]["median_ms"]
            )
        report["datasets"][dataset] = results
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    markdown = render(report)
    (RESULTS / f"{args.name}.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


def render(report: dict) -> str:
    lines = ["# Extraction quality (../shared/eval)", ""]
    for dataset, results in report["datasets"].items():
        lines += [f"## {dataset}", "", "| extractor | F1 | precision | recall | pages/s | median ms/page | widget-text rate |", "|---|---|---|---|---|---|---|"]
        for name, r in results.items():
            lines.append(f"| {name} | {r['f1']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['pages_per_second']:.1f} | {r['median_ms']:.1f} | {r['widget_text_rate']:.3f} |")
        ours = results.get("newsspider", {})
        if "speed_vs_trafilatura" in ours:
            lines.append(f"\nnewsspider extraction speed / trafilatura speed: {ours['speed_vs_trafilatura']:.2f} "
                         f"(pages per second); {ours['median_speed_vs_trafilatura']:.2f} (median time per page)")
        if "language_stage_median_ms" in ours:
            lines.append(f"newsspider language stage (not in the timing above): median {ours['language_stage_median_ms']:.1f} ms per page; "
                         f"with it, {ours['pages_per_second_with_language']:.1f} pages/s")
        lines += ["", "Per language (F1):", "", "| extractor | " + " | ".join(next(iter(results.values()))["languages"]) + " |",
                  "|---|" + "---|" * len(next(iter(results.values()))["languages"])]
        for name, r in results.items():
            lines.append(f"| {name} | " + " | ".join(f"{v['f1']:.3f}" for v in r["languages"].values()) + " |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
