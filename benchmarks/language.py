"""Language benchmark: article language, chrome language and the mismatch flag on mixed pages.

    python benchmarks/language.py [--corpus benchmarks/corpus/language] [--rebuild] [--compare]

Builds the corpus with language_corpus.py when it is missing, runs newsspider's stages on every
page, and reports accuracy of `article_language`, `chrome_language` and `language_mismatch`
overall, per source and variant (original / declared / missing / wrong lang), per kit and translated layout, per
chrome language and per language pair; the
calibration of the confidences (of answers given with confidence >= 0.9, how many are right);
and the median time of the language stage per page. `--compare` also runs the chrome decision with
langdetect instead of fastText, to show what the second detector is worth. Writes
benchmarks/results/language.md and .json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus" / "language"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsspider.extraction import language as language_module  # noqa: E402
from newsspider.extraction.stages import language_stage, run  # noqa: E402
from newsspider.items import Page  # noqa: E402


def prepare(corpus: Path) -> list[tuple[dict, Page]]:
    """Every page through the stages before the language stage (done once)."""
    prepared = []
    for row in map(json.loads, (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()):
        page = Page(url=f"https://example.invalid/{row['file']}", body=(corpus / row["file"]).read_bytes())
        run(page, skip={"language"})
        if page.article_body is not None:
            prepared.append((row, page))
    return prepared


def evaluate(prepared, detector: str) -> dict:
    language_module.CHROME_DETECTOR = detector
    counts = defaultdict(lambda: defaultdict(int))
    pairs = defaultdict(lambda: defaultdict(int))
    confident = defaultdict(lambda: [0, 0])
    seconds = []
    for row, page in prepared:
        start = time.perf_counter()
        language_stage(page)
        seconds.append(time.perf_counter() - start)
        found = page.languages
        checks = {
            "article": found.article == row["article_lang"],
            "chrome": found.chrome.language == row["chrome_lang"],
            "mismatch": found.mismatch == row["mismatch"],
        }
        source = row["chrome_source"].split(":")[0] if row["chrome_source"].startswith(("kit:", "translated:")) else "eval"
        groups = ["all", f"{source}: {row['variant']}", f"chrome {row['chrome_lang']}"]
        if row.get("layout"):
            groups.append(f"{source} layout: {row['layout']}")
        for group in groups:
            counts[group]["pages"] += 1
            for name, ok in checks.items():
                counts[group][name] += ok
        pair = f"{row['chrome_lang']}→{row['article_lang']}"
        pairs[pair]["pages"] += 1
        for name, ok in checks.items():
            pairs[pair][name] += ok
        for name, confidence in (("article", found.article_confidence), ("chrome", found.chrome.confidence)):
            if confidence >= 0.9:
                confident[name][0] += 1
                confident[name][1] += checks[name]
    summary = {
        group: {name: (c[name] / c["pages"]) for name in ("article", "chrome", "mismatch")} | {"pages": c["pages"]}
        for group, c in counts.items()
    }
    return {
        "detector": detector,
        "summary": summary,
        "pairs": {p: {n: c[n] / c["pages"] for n in ("article", "chrome", "mismatch")} | {"pages": c["pages"]} for p, c in sorted(pairs.items())},
        "calibration": {name: {"answers": n, "right": r / n if n else None} for name, (n, r) in confident.items()},
        "median_ms": statistics.median(seconds) * 1000,
        "p90_ms": sorted(seconds)[int(0.9 * len(seconds))] * 1000,
    }


def render(results: list[dict]) -> str:
    from chrome_kits import KITS

    lines = [f"# Language benchmark (mixed pages built from ../shared/eval, and UI kits of {len(KITS)} more languages)", "",
             "`eval:` rows: a real page's chrome around another real page's article, republished the way a CMS does "
             "(head and JSON-LD describe the article put in). `kit:` rows: chromes built from the UI strings of "
             "languages the eval data lacks (benchmarks/chrome_kits.py) around real articles, in six layouts. "
             "`translated:` rows: chromes from Django's, Sphinx's and mkdocs-material's translations in 61 languages "
             "(benchmarks/translated_chromes.py: UI strings nobody here wrote), full or sparse. "
             "`chrome xx`: pages whose chrome is in xx.", ""]
    for result in results:
        lines += [f"## chrome detector: {result['detector']}", "",
                  "| pages | article language | chrome language | mismatch flag |", "|---|---|---|---|"]
        for group, s in sorted(result["summary"].items(), key=lambda kv: (kv[0] != "all", kv[0].startswith("chrome "), kv[0])):
            lines.append(f"| {group} ({s['pages']}) | {s['article']:.1%} | {s['chrome']:.1%} | {s['mismatch']:.1%} |")
        cal = result["calibration"]
        lines += ["", "Calibration (answers given with confidence >= 0.9, share right): " + ", ".join(
            f"{name} {c['right']:.1%} of {c['answers']}" for name, c in cal.items() if c["answers"]),
            f"Language stage: median {result['median_ms']:.1f} ms per page, 90th percentile {result['p90_ms']:.1f} ms.", ""]
        worst = sorted(result["pairs"].items(), key=lambda kv: min(kv[1]["article"], kv[1]["chrome"], kv[1]["mismatch"]))[:10]
        lines += ["Weakest pairs (chrome→article):", "", "| pair | pages | article | chrome | mismatch |", "|---|---|---|---|---|"]
        for pair, s in worst:
            lines.append(f"| {pair} | {s['pages']} | {s['article']:.0%} | {s['chrome']:.0%} | {s['mismatch']:.0%} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--compare", action="store_true", help="also run the chrome decision with langdetect")
    args = parser.parse_args()
    if args.rebuild or not (args.corpus / "manifest.jsonl").exists():
        import language_corpus

        language_corpus.build(args.corpus, 2)
    prepared = prepare(args.corpus)
    results = [evaluate(prepared, "fasttext")]
    if args.compare:
        results.append(evaluate(prepared, "langdetect"))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "language.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    markdown = render(results)
    (RESULTS / "language.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
