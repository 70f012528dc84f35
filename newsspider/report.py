"""`newsspider report`: what crawls delivered, as one self-contained HTML page or as JSON.

Charts are drawn by matplotlib as inline SVG (text kept as text, so the page is searchable and
works offline); the numbers behind them are also in tables and in `--json`.
"""

from __future__ import annotations

import html
import io
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

WORD_BINS = (0, 100, 200, 400, 800, 1600, 3200)


def output_files(inputs: list[str]) -> list[Path]:
    files: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.jsonl") if not p.name.endswith(".failures.jsonl"))
        else:
            files.append(path)
    return files


def summary_beside(path: Path) -> dict | None:
    candidate = path.with_name(path.name.removesuffix(".jsonl") + ".summary.json")
    try:
        return json.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def word_bin(words: int) -> str:
    for low, high in itertools.pairwise(WORD_BINS):
        if words < high:
            return f"{low}–{high - 1}"
    return f"{WORD_BINS[-1]}+"


def collect(files: list[Path]) -> dict:
    """The report's numbers from the output files (and the summaries beside them)."""
    article_languages: Counter = Counter()
    matrix: Counter = Counter()
    days: Counter = Counter()
    words: Counter = Counter()
    sites: Counter = Counter()
    dropped: Counter = Counter()
    failed: Counter = Counter()
    unreadable_lines = 0
    summaries = 0
    for path in files:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise ReportError(f"cannot read {path}: {exc.strerror}") from exc
        with handle:
            for line in handle:
                try:
                    item = json.loads(line)
                except ValueError:
                    unreadable_lines += 1
                    continue
                article = item.get("article_language") or "unknown"
                chrome = item.get("chrome_language") or "unknown"
                article_languages[article] += 1
                matrix[(chrome, article)] += 1
                day = (item.get("published_at") or item.get("crawled_at") or "")[:10] or "unknown"
                days[day] += 1
                words[word_bin(int(item.get("word_count") or 0))] += 1
                sites[item.get("spider") or "unknown"] += 1
        summary = summary_beside(path)
        if summary:
            summaries += 1
            dropped.update(summary.get("dropped", {}))
            failed.update(summary.get("failed", {}))
    chromes = sorted({c for c, _ in matrix})
    articles = sorted({a for _, a in matrix})
    bins = [word_bin(low) for low in WORD_BINS]
    return {
        "files": [str(p) for p in files],
        "articles": sum(article_languages.values()),
        "sites": dict(sites.most_common()),
        "article_languages": dict(article_languages.most_common()),
        "language_matrix": {"chrome": chromes, "article": articles,
                            "counts": [[matrix[(c, a)] for a in articles] for c in chromes]},
        "language_mismatches": sum(n for (c, a), n in matrix.items() if c != a and "unknown" not in (c, a)),
        "articles_per_day": dict(sorted(days.items())),
        "words_per_article": {b: words.get(b, 0) for b in bins},
        "dropped": dict(dropped.most_common()),
        "failed": dict(failed.most_common()),
        "summaries_found": summaries,
        "unreadable_lines": unreadable_lines,
    }


class ReportError(Exception):
    pass


# -- the page ----------------------------------------------------------------------------------------
def svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def bar_chart(title: str, data: dict[str, int], *, horizontal: bool = False, color: str = "#3b6ea8",
              unit: str = "articles") -> str:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels, values = list(data), list(data.values())
    figure, axes = plt.subplots(figsize=(7, 0.4 * len(labels) + 1.2) if horizontal else (7, 3.2))
    if horizontal:
        axes.barh(labels[::-1], values[::-1], color=color, height=0.6)
        axes.set_xlabel(unit)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        axes.bar(labels, values, color=color)
        axes.set_ylabel(unit)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        if len(labels) > 5:
            axes.tick_params(axis="x", labelrotation=45)
            for label in axes.get_xticklabels():
                label.set_horizontalalignment("right")
    axes.set_title(title)
    axes.spines[["top", "right"]].set_visible(False)
    drawn = svg(figure)
    plt.close(figure)
    return drawn


def matrix_chart(matrix: dict) -> str:
    import matplotlib.pyplot as plt

    chromes, articles, counts = matrix["chrome"], matrix["article"], matrix["counts"]
    figure, axes = plt.subplots(figsize=(1.2 + 0.6 * len(articles), 1.2 + 0.5 * len(chromes)))
    axes.imshow(counts, cmap="Blues", aspect="auto")
    axes.set_xticks(range(len(articles)), articles)
    axes.set_yticks(range(len(chromes)), chromes)
    axes.set_xlabel("article language")
    axes.set_ylabel("chrome language")
    peak = max((max(row) for row in counts), default=0) or 1
    for y, row in enumerate(counts):
        for x, n in enumerate(row):
            if n:
                axes.text(x, y, str(n), ha="center", va="center", color="white" if n > peak / 2 else "black",
                          fontweight="bold" if chromes[y] != articles[x] else "normal")
    axes.set_title("chrome × article language (off the diagonal: mismatches)")
    drawn = svg(figure)
    plt.close(figure)
    return drawn


def table(rows: dict[str, int], heading: str) -> str:
    if not rows:
        return f"<p class=none>No {html.escape(heading)}.</p>"
    body = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{v}</td></tr>" for k, v in rows.items())
    return f"<table><tr><th>{html.escape(heading)}</th><th>count</th></tr>{body}</table>"


def render_html(numbers: dict) -> str:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: searchable, and small
    matplotlib.rcParams["svg.hashsalt"] = "newsspider"  # the same numbers give the same page
    sections = [
        f"<p><b>{numbers['articles']}</b> articles from {len(numbers['sites'])} site(s) in "
        f"{len(numbers['files'])} file(s); chrome and article language differ on "
        f"<b>{numbers['language_mismatches']}</b>.</p>",
    ]
    if numbers["articles"]:
        sections += [
            "<h2>Article languages</h2>", bar_chart("articles by article language", numbers["article_languages"], horizontal=True),
            table(numbers["article_languages"], "article language"),
            "<h2>Chrome and article languages</h2>", matrix_chart(numbers["language_matrix"]),
            "<h2>Articles per day</h2>", bar_chart("articles per day (published, else crawled)", numbers["articles_per_day"]),
            "<h2>Words per article</h2>", bar_chart("words per article", numbers["words_per_article"], color="#6a8f3b"),
        ]
    sections.append("<h2>Drops and failures</h2>")
    if numbers["summaries_found"]:
        if numbers["dropped"]:
            sections.append(bar_chart("pages dropped, by reason", numbers["dropped"], horizontal=True, color="#a8613b", unit="pages"))
        sections += [table(numbers["dropped"], "drop reason"), table(numbers["failed"], "failed fetches")]
    else:
        sections.append("<p class=none>No crawl summary (.summary.json) beside these files.</p>")
    files = "".join(f"<li>{html.escape(f)}</li>" for f in numbers["files"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsspider report</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}
table{{border-collapse:collapse;margin:.5rem 0 1.5rem}}td,th{{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}}
svg{{max-width:100%;height:auto}}.none{{color:#777}}</style></head>
<body><h1>newsspider report</h1>
{''.join(sections)}
<h2>Files</h2><ul>{files}</ul>
</body></html>
"""


def main(inputs: list[str], output: str, *, as_json: bool = False) -> int:
    files = output_files(inputs)
    if not files:
        print("newsspider report: no .jsonl files in " + ", ".join(inputs), file=sys.stderr)
        return 2
    try:
        numbers = collect(files)
    except ReportError as exc:
        print(f"newsspider report: {exc}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(numbers, ensure_ascii=False, indent=1))
        return 0
    Path(output).write_text(render_html(numbers), encoding="utf-8")
    print(f"newsspider report: {numbers['articles']} articles → {output}")
    return 0
