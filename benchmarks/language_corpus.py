"""Mixed-language pages built from the real pages in ../shared/eval, with ground truth beside them.

    python benchmarks/language_corpus.py [--out benchmarks/corpus/language] [--per-pair 2]

A page is the chrome (everything outside the article: nav, header, footer, widgets, forms, date
line) of a real page in language X with the article body of a real page in language Y put in
its article block, for every pair (X, Y) of the languages available, plus the unmixed originals.
Each mixed page comes in three variants: `declared` (X's own lang attributes), `missing` (no
`lang`, `og:locale` or content-language at all) and, for X other than English, `wrong` (a theme
left at lang="en-US" / og:locale en_US around X chrome); once per pair, `leftover` keeps two
paragraphs of the chrome page's own story after the article (a second story left in the theme).

Mixed pages are republished the way a CMS does it (see `republish`): the head and JSON-LD describe
the article put in, the theme's language settings stay. Languages the eval data lacks get chromes
built from their UI strings (chrome_kits.py) around the real articles, and chromes in 61 languages
are built from Django's, Sphinx's and mkdocs-material's translations (translated_chromes.py): UI strings nobody here wrote.

Only pages whose declared language is their article's language are used (checked with both
detectors), so that the truth is the truth. The corpus holds real pages' text: it is written
under benchmarks/corpus/ (git-ignored), never committed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from newsspider.extraction.document import element_text, normalize_space, parse_html  # noqa: E402
from newsspider.extraction.language import detect, second_opinion  # noqa: E402

CONTAINERS = ("div", "article", "section", "main", "td", "body")


def article_block(tree, paragraphs: list[str]):
    """The smallest block holding at least 80% of the page's true paragraphs."""
    keys = [normalize_space(p)[:60].lower() for p in paragraphs if len(p) > 40][:30]
    if not keys:
        return None
    best, best_len = None, None
    for element in tree.iter(*CONTAINERS):
        text = element_text(element).lower()
        if best_len is not None and len(text) >= best_len:
            continue
        hits = sum(key in text for key in keys)
        if hits >= 0.8 * len(keys):
            best, best_len = element, len(text)
    return best


def usable_pages() -> dict[str, list[dict]]:
    """Pages by language, with their article block found and their language confirmed."""
    pages: dict[str, list[dict]] = defaultdict(list)
    for dataset in sorted(p.name for p in (EVAL / "data").iterdir() if p.is_dir()):
        folder = EVAL / "data" / dataset
        for record in map(json.loads, (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
            lang = (record.get("lang") or "").split("-")[0].lower()
            text = record.get("text") or ""
            if not lang or len(text) < 400:
                continue
            detected, _, _ = detect(text)
            second, certainty = second_opinion(text)
            if lang not in (detected, second if certainty >= 0.5 else None):
                continue  # a declared language the article does not have (Zulu pages saying en: fastText 0.1 en)
            raw = (folder / "html" / f"{record['id']}.html").read_text(encoding="utf-8")
            tree, _ = parse_html(raw)
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            if article_block(tree, paragraphs) is None:
                continue
            pages[lang].append({"id": f"{dataset}/{record['id']}", "html": raw, "paragraphs": paragraphs, "lang": lang,
                                "title": normalize_space(record.get("title") or paragraphs[0][:90])})
    return pages


def mixed_page(chrome: dict, body: dict, variant: str) -> str | None:
    tree, _ = parse_html(chrome["html"])
    block = article_block(tree, chrome["paragraphs"])
    for child in list(block):
        block.remove(child)
    block.text = None
    # Some pages print their story twice (a print copy, a teaser, a data block): no trace stays.
    keys = [normalize_space(p)[:60] for p in chrome["paragraphs"] if len(p) > 40]
    for element in list(tree.iter("p", "div", "span", "li", "h2", "h3", "section", "article", "td")):
        own = normalize_space(element.text or "")
        if element.getparent() is not None and any(key and key in own for key in keys):
            element.drop_tree()
    for paragraph in body["paragraphs"]:
        p = lxml.html.Element("p")
        p.text = paragraph
        block.append(p)
    republish(tree, chrome, body, variant)
    root = tree.getroottree().getroot()
    if variant in ("missing", "wrong"):
        root.attrib.pop("lang", None)
        root.attrib.pop("{http://www.w3.org/XML/1998/namespace}lang", None)
        for meta in tree.xpath('//meta[@property="og:locale" or @name="og:locale" or '
                               'translate(@http-equiv, "CONTENTLANGUAGE", "contentlanguage")="content-language"]'):
            meta.drop_tree()
    if variant == "wrong":
        root.set("lang", "en-US")
        head = tree.find("head")
        if head is not None:
            head.append(lxml.html.fromstring('<meta property="og:locale" content="en_US">'))
    visible = element_text(tree.find("body")) if tree.find("body") is not None else ""
    if any(normalize_space(p)[:60] in visible for p in chrome["paragraphs"][:8] if len(p) > 40):
        return None  # the chrome page's story is still on the page: not a clean mix
    if variant == "leftover":
        # A second story left in the theme's article block: the chrome page's own first two
        # paragraphs after the story put in (its language is the chrome's).
        for paragraph in chrome["paragraphs"][:2]:
            p = lxml.html.Element("p")
            p.text = paragraph
            block.append(p)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def republish(tree, chrome: dict, body: dict, variant: str) -> None:
    """What a CMS republishing `body`'s story in `chrome`'s theme writes: the story's title in
    <title>, og:/twitter: title and description, the <h1> and a JSON-LD NewsArticle (headline,
    description, articleBody); the theme's settings (lang, og:locale, inLanguage) stay the
    theme's. The chrome page's own story leaves no trace in the head."""
    title = body["title"]
    description = normalize_space(body["paragraphs"][0])[:200]
    head = tree.find("head")
    if head is None:
        head = lxml.html.Element("head")
        tree.insert(0, head)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        script.drop_tree()  # its articleBody and headline belong to the chrome page's story
    site_names = tree.xpath('//meta[@property="og:site_name"]/@content')
    for element in head.findall("title"):
        element.drop_tree()
    title_element = lxml.html.Element("title")
    title_element.text = f"{title} - {site_names[0]}" if site_names else title
    head.insert(0, title_element)
    for meta in tree.xpath('//meta[@property or @name]'):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:title", "twitter:title"):
            meta.set("content", title)
        elif key in ("description", "og:description", "twitter:description"):
            meta.set("content", description)
    headings = tree.xpath("//body//h1")
    if headings:
        for child in list(headings[0]):
            headings[0].remove(child)
        headings[0].text = title
    language = {"declared": chrome["lang"], "wrong": "en-US"}.get(variant)
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "description": description,
            "articleBody": "\n\n".join(body["paragraphs"])}
    if language:
        data["inLanguage"] = language
    script = lxml.html.Element("script", type="application/ld+json")
    script.text = json.dumps(data, ensure_ascii=False)
    head.append(script)


def story_jsonld(body: dict, html_lang: str | None) -> tuple[str, str]:
    """The JSON-LD NewsArticle a CMS writes for the story put in (the theme's language as its
    `inLanguage`), ready for a <script>, and the description it gives."""
    description = normalize_space(body["paragraphs"][0])[:200]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": body["title"],
            "description": description, "articleBody": "\n\n".join(body["paragraphs"])}
    if html_lang:
        data["inLanguage"] = html_lang
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/"), description


def kit_pages(out: Path, pages: dict[str, list[dict]], languages: list[str]) -> list[dict]:
    """Chromes of languages the eval data lacks (chrome_kits.py) around real articles: every kit
    in every layout and variant, each around two articles of two other languages in turn."""
    from chrome_kits import KITS, LAYOUTS, chrome

    rows = []
    turn = 0
    for x in sorted(KITS):
        for layout in LAYOUTS:
            for variant in ("declared", "missing", "wrong"):
                for n in range(2):
                    y = languages[turn % len(languages)]
                    body = pages[y][turn % len(pages[y])]
                    turn += 1
                    html_lang = {"declared": x, "wrong": "en-US"}.get(variant)
                    jsonld, description = story_jsonld(body, html_lang)
                    name = f"kit-{x}-{layout}-{y}-{n}-{variant}.html"
                    (out / name).write_text(chrome(x, layout, body["title"], body["paragraphs"], html_lang, jsonld,
                                                   description), encoding="utf-8")
                    rows.append({"file": name, "variant": variant, "layout": layout, "chrome_lang": x,
                                 "article_lang": y, "mismatch": x != y, "chrome_source": f"kit:{x}",
                                 "body_source": body["id"]})
    return rows


def translated_pages(out: Path, pages: dict[str, list[dict]], languages: list[str]) -> list[dict]:
    """Chromes from Django's and Sphinx's translations (translated_chromes.py) around real
    articles of other languages: every language they translate, in both layouts and every variant,
    twice. None without those packages installed."""
    import translated_chromes

    chrome_languages = translated_chromes.available()
    if not chrome_languages:
        print("translated chromes left out: Django and Sphinx are not installed (pip install -e '.[bench]')")
        return []
    rows = []
    turn = 0
    for x in chrome_languages:
        others = [y for y in languages if y != x]
        for layout in translated_chromes.LAYOUTS:
            for variant in ("declared", "missing", "wrong"):
                for n in range(2):
                    y = others[turn % len(others)]
                    body = pages[y][turn % len(pages[y])]
                    turn += 1
                    html_lang = {"declared": translated_chromes.DECLARED.get(x, x), "wrong": "en-US"}.get(variant)
                    jsonld, description = story_jsonld(body, html_lang)
                    name = f"translated-{x}-{layout}-{y}-{n}-{variant}.html"
                    page = translated_chromes.chrome(x, layout, body["title"], body["paragraphs"], html_lang, jsonld,
                                                     description, seed=name)
                    (out / name).write_text(page, encoding="utf-8")
                    rows.append({"file": name, "variant": variant, "layout": layout, "chrome_lang": x,
                                 "article_lang": y, "mismatch": x != y, "chrome_source": f"translated:{x}",
                                 "body_source": body["id"]})
    return rows


def build(out: Path, per_pair: int) -> int:
    pages = usable_pages()
    languages = sorted(pages)
    # A page that prints its story twice cannot lend its chrome: its story would stay on the page.
    stand_in = {"paragraphs": ["-"], "title": "-"}
    chrome_pages = {x: [p for p in pages[x] if mixed_page(p, stand_in, "declared") is not None] for x in languages}
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for x in languages:
        for n, original in enumerate(pages[x][:per_pair]):  # the unmixed originals
            name = f"orig-{x}-{n}.html"
            (out / name).write_text(original["html"], encoding="utf-8")
            manifest.append({"file": name, "variant": "original", "chrome_lang": x, "article_lang": x,
                             "mismatch": False, "chrome_source": original["id"], "body_source": original["id"]})
        for y in languages:
            for n in range(per_pair):
                if not chrome_pages[x]:
                    continue
                chrome = chrome_pages[x][n % len(chrome_pages[x])]
                body = pages[y][(n + 1) % len(pages[y])]  # never the chrome page's own story
                if chrome["id"] == body["id"]:
                    continue  # a language with one page: its original covers it
                for variant in ("declared", "missing", "wrong", "leftover"):
                    if (variant == "wrong" and x == "en") or (variant == "leftover" and (n or x == y)):
                        continue
                    name = f"mix-{x}-{y}-{n}-{variant}.html"
                    (out / name).write_text(mixed_page(chrome, body, variant), encoding="utf-8")
                    manifest.append({"file": name, "variant": variant, "chrome_lang": x, "article_lang": y,
                                     "mismatch": x != y, "chrome_source": chrome["id"], "body_source": body["id"]})
    manifest += kit_pages(out, pages, languages)
    manifest += translated_pages(out, pages, languages)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as handle:
        for row in manifest:
            handle.write(json.dumps(row) + "\n")
    print(f"{len(manifest)} pages in {len(languages)} languages ({', '.join(languages)}) → {out}")
    unused = sorted(p["id"] for x in languages for p in pages[x] if p not in chrome_pages[x])
    if unused:
        print(f"not used as chrome (their story stays on the page): {', '.join(unused)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus" / "language")
    parser.add_argument("--per-pair", type=int, default=2)
    args = parser.parse_args()
    return build(args.out, args.per_pair)


if __name__ == "__main__":
    sys.exit(main())
