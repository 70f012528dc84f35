"""Metadata against the Fundus project's hand-written parsers: title, authors, publishing date.

    python benchmarks/metadata.py [--only newsspider,trafilatura,htmldate]

On ../shared/eval/data/fundus-dev/metadata.jsonl, with the metrics of ../shared/eval/README.md:
title exact and fuzzy (word-token F1 ≥ 0.9), authors precision / recall / F1 pooled over pages whose
truth has authors, date same day (in the truth's UTC offset) and same minute (in UTC, over pages
whose truth has a time of day); overall and per language. newsspider, trafilatura 2.3
(`bare_extraction(with_metadata=True)`) and htmldate run in the same process; newsspider and
trafilatura once more on the same pages with their JSON-LD taken out (many publishers declare none).
Results go to benchmarks/results/metadata.md and .json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "data" / "fundus-dev"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»\u2033"} | {c: "'" for c in "‘’‚‛‹›\u2032"} | {c: "-" for c in "‐‑‒–—―−"})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BY = re.compile(r"^(by|von|par|door|di|por|av|af)\s+", re.IGNORECASE)


def normalize_title(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTES)
    return " ".join(_INVISIBLE.sub("", text).casefold().split())


def tokens(text: str) -> list[str]:
    return [t for part in re.findall(r"\w+", normalize_title(text)) for t in (list(part) if _CJK.search(part) else [part])]


def token_f1(a: str, b: str) -> float:
    x, y = tokens(a), tokens(b)
    if not x or not y:
        return 0.0
    common = sum(min(x.count(t), y.count(t)) for t in set(x))
    if not common:
        return 0.0
    p, r = common / len(y), common / len(x)
    return 2 * p * r / (p + r)


def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _BY.sub("", text)
    return text.strip(" \t\n.,;:()[]\"'")


def parse_date(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser

            return parser.parse(str(value))
        except (ValueError, OverflowError):
            return None


def same_day(truth: datetime, guess: datetime) -> bool:
    if truth.tzinfo and guess.tzinfo:
        guess = guess.astimezone(truth.tzinfo)
    return truth.date() == guess.date()


def same_minute(truth: datetime, guess: datetime) -> bool:
    if not guess.tzinfo:
        guess = guess.replace(tzinfo=UTC)
    if not truth.tzinfo:
        truth = truth.replace(tzinfo=UTC)
    return abs((truth - guess).total_seconds()) < 60


# -- extractors --------------------------------------------------------------------------------------
def newsspider(html: bytes, url: str) -> dict:
    from newsspider.extraction.stages import run
    from newsspider.items import Page

    page = Page(url=url, body=html)
    run(page, skip={"language"})
    meta = page.metadata
    if meta is None:
        return {}
    return {"title": meta.title, "authors": meta.authors, "date": meta.published_at}


def trafilatura_meta(html: bytes, url: str) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else doc
    authors = [a.strip() for a in re.split(r";|,| and ", data.get("author") or "") if a.strip()]
    return {"title": data.get("title"), "authors": authors, "date": data.get("date")}


def htmldate_meta(html: bytes, url: str) -> dict:
    from htmldate import find_date

    return {"date": find_date(html.decode("utf-8", "replace"), url=url, extensive_search=True, original_date=True)}


_JSONLD_SCRIPT = re.compile(rb"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)


def without_jsonld(extract):
    """The same pages without their JSON-LD: the many publishers that declare none leave the
    title, authors and date to og:/meta tags, the <h1>, <title> and the visible byline."""
    return lambda html, url: extract(_JSONLD_SCRIPT.sub(b"", html), url)


EXTRACTORS = {
    "newsspider": newsspider, "trafilatura": trafilatura_meta, "htmldate": htmldate_meta,
    "newsspider without JSON-LD": without_jsonld(newsspider), "trafilatura without JSON-LD": without_jsonld(trafilatura_meta),
}


def score(rows: list[tuple[dict, dict]]) -> dict:
    titled = [(t, g) for t, g in rows if t.get("title") and "title" in g]
    exact = sum(normalize_title(t["title"]) == normalize_title(g.get("title")) for t, g in titled)
    fuzzy = sum(token_f1(t["title"], g.get("title") or "") >= 0.9 for t, g in titled)
    tp = fp = fn = 0
    for t, g in rows:
        if not t.get("authors") or "authors" not in g:
            continue
        truth = {normalize_name(a) for a in t["authors"]}
        guess = {normalize_name(a) for a in g.get("authors") or [] if normalize_name(a)}
        tp += len(truth & guess)
        fp += len(guess - truth)
        fn += len(truth - guess)
    dated = [(parse_date(t.get("publishing_date")), parse_date(g.get("date"))) for t, g in rows
             if t.get("publishing_date") and "date" in g]
    day = sum(bool(guess) and same_day(truth, guess) for truth, guess in dated if truth)
    timed = [(truth, guess) for truth, guess in dated if truth and (truth.hour or truth.minute or truth.second)]
    minute = sum(bool(guess) and same_minute(truth, guess) for truth, guess in timed)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": len(rows),
        "title_exact": round(exact / len(titled), 3) if titled else None,
        "title_fuzzy": round(fuzzy / len(titled), 3) if titled else None,
        "authors_precision": round(precision, 3) if tp + fp + fn else None,
        "authors_recall": round(recall, 3) if tp + fp + fn else None,
        "authors_f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else (0.0 if tp + fp + fn else None),
        "date_same_day": round(day / len(dated), 3) if dated else None,
        "date_same_minute": round(minute / len(timed), 3) if timed else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(EXTRACTORS), help="comma-separated: " + ", ".join(EXTRACTORS))
    parser.add_argument("--show-misses", action="store_true", help="print newsspider's misses (for development)")
    args = parser.parse_args()
    truth = [json.loads(line) for line in (DATA / "metadata.jsonl").read_text(encoding="utf-8").splitlines()]
    results: dict = {}
    for name in args.only.split(","):
        extract = EXTRACTORS[name]
        rows = []
        by_language = defaultdict(list)
        for record in truth:
            html = (DATA / "html" / f"{record['id']}.html").read_bytes()
            guess = extract(html, record["url"])
            rows.append((record, guess))
            by_language[record.get("lang") or "unknown"].append((record, guess))
            if args.show_misses and name == "newsspider":
                show_misses(record, guess)
        results[name] = {"all": score(rows), "by_language": {lang: score(r) for lang, r in sorted(by_language.items())}}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "metadata.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    lines = ["| extractor | title exact | title fuzzy | authors P / R / F1 | date same day | date same minute |",
             "|---|---|---|---|---|---|"]
    for name, result in results.items():
        s = result["all"]
        authors = "–" if s["authors_f1"] is None else f"{s['authors_precision']} / {s['authors_recall']} / **{s['authors_f1']}**"
        lines.append(f"| {name} | {s['title_exact'] or '–'} | {s['title_fuzzy'] or '–'} | {authors} | {s['date_same_day'] or '–'} | "
                     f"{s['date_same_minute'] or '–'} |")
    lines += ["", f"{len(truth)} pages of ../shared/eval/data/fundus-dev (truth: the Fundus project's per-publisher parsers)."]
    (RESULTS / "metadata.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


def show_misses(record: dict, guess: dict) -> None:
    if normalize_title(record.get("title")) != normalize_title(guess.get("title")):
        print(f"TITLE {record['id']}: {record.get('title')!r} ≠ {guess.get('title')!r}")
    if record.get("authors"):
        truth = {normalize_name(a) for a in record["authors"]}
        found = {normalize_name(a) for a in guess.get("authors") or []}
        if truth != found:
            print(f"AUTHORS {record['id']}: {sorted(truth)} ≠ {sorted(found)}")
    t, g = parse_date(record.get("publishing_date")), parse_date(guess.get("date"))
    if t and not (g and same_day(t, g)):
        print(f"DATE {record['id']}: {record.get('publishing_date')} ≠ {guess.get('date')}")


if __name__ == "__main__":
    sys.exit(main())
