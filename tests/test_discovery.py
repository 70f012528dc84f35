"""Discovery on real URL shapes and real feed and sitemap formats, on sites served on 127.0.0.1:
every announced article is found, and a source that yields nothing says so."""

from __future__ import annotations

import gzip
from html import escape

import pytest
from conftest import QUIET, crawl, newsspider_cmd, site_file

from newsspider.demo.site import DemoSite, Route, load_articles
from newsspider.discovery.feeds import parse_feed
from newsspider.discovery.sitemaps import parse_sitemap, robots_sitemaps
from newsspider.discovery.templates import TemplateModel, url_template

# Article paths of real publishers (the shapes, not their pages), none of which the generic
# URL-shape test accepts.
ODD_PATHS = [
    "/news/articles/c5y8l4k2dplo", "/news/articles/c0n4d8e2qz9o", "/news/articles/cx2e7gkl1v4o",
    "/news/articles/c9w1m3rj8k2o", "/news/articles/c3b7t0sv5n1o", "/news/articles/c8q2z6hp4f7o",
    "/view.php?id=8576&cat=3", "/a0.html", "/ausland/europa/armenien-russland-100.html", "/2003825372",
]


def story_page(n: int, title: str) -> bytes:
    stock = load_articles()[n % len(load_articles())]
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in [*stock.paragraphs, f"This is report {n} of the series."])
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>").encode()


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Story</title><link>{escape(base + p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def news_sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{escape(base + p)}</loc><news:news><news:title>T</news:title></news:news></url>" for p in paths)
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


class OddSite(DemoSite):
    """Stories at real publishers' URL shapes, announced by whatever routes a test adds."""

    def __init__(self, paths=ODD_PATHS):
        self.paths = list(paths)
        super().__init__(articles=[])

    def build(self) -> None:
        self.routes.clear()
        for n, path in enumerate(self.paths):
            self.routes[path] = Route(story_page(n, f"Odd story number {n}"))
        links = "".join(f'<li><a href="{escape(p)}">Odd story number {n}</a></li>' for n, p in enumerate(self.paths))
        self.routes["/"] = Route(f"<html><body><h1>Front</h1><ul>{links}</ul></body></html>".encode())
        self.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", "text/plain")


@pytest.fixture
def odd_site():
    site = OddSite()
    running = site.serve()
    yield site
    running.stop()


def titles(result) -> set[str]:
    return {item["title"] for item in result.items}


def all_titles(site) -> set[str]:
    return {f"Odd story number {n}" for n in range(len(site.paths))}


def test_feed_and_news_sitemap_entries_of_any_shape_are_articles(odd_site, tmp_path):
    base = odd_site.base_url
    odd_site.routes["/feed.xml"] = Route(rss(base, ODD_PATHS[:4]), "application/rss+xml")
    odd_site.routes["/news.xml"] = Route(news_sitemap(base, ODD_PATHS[4:]), "application/xml")
    config = site_file(tmp_path, base, start_urls=[], feeds=[f"{base}/feed.xml"], sitemaps=[f"{base}/news.xml"],
                       article_url_pattern=None)
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", "-s", "VALIDATION_MIN_WORDS=20")
    assert titles(result) == all_titles(odd_site), result.log[-3000:]


def test_a_page_without_a_date_or_byline_takes_those_its_feed_or_news_sitemap_gave_it(odd_site, tmp_path):
    base = odd_site.base_url
    dated, listed, undated = ODD_PATHS[:3], ODD_PATHS[3:6], ODD_PATHS[6:]
    items = "".join(f"<item><title>Story</title><link>{escape(base + p)}</link><dc:creator>Mia Chen</dc:creator>"
                    f"<pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate></item>" for p in dated)
    odd_site.routes["/feed.xml"] = Route(('<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>'
                                          f'{items}</channel></rss>').encode(), "application/rss+xml")
    signed = ODD_PATHS[1]  # a page with its own byline: the page's wins over the feed's
    odd_site.routes[signed] = Route(story_page(1, "Odd story number 1").replace(b"<article>", b'<article><p class="byline">By Ola Berg</p>'))
    urls = "".join(f"<url><loc>{escape(base + p)}</loc><news:news><news:title>T</news:title>"
                   f"<news:publication_date>2024-03-06T08:00:00+01:00</news:publication_date></news:news></url>" for p in listed)
    urls += "".join(f"<url><loc>{escape(base + p)}</loc><lastmod>2024-03-07</lastmod></url>" for p in undated)
    odd_site.routes["/news.xml"] = Route(('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                                          f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode(),
                                         "application/xml")
    config = site_file(tmp_path, base, start_urls=[], feeds=[f"{base}/feed.xml"], sitemaps=[f"{base}/news.xml"],
                       article_url_pattern=None)
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", "-s", "VALIDATION_MIN_WORDS=20")
    dates = {item["url"].removeprefix(base): item["published_at"] for item in result.items}
    assert {dates[p] for p in dated} == {"2024-03-05T09:30:00+00:00"}, result.log[-3000:]
    assert {dates[p] for p in listed} == {"2024-03-06T08:00:00+01:00"}
    authors = {item["url"].removeprefix(base): item["authors"] for item in result.items}
    assert [authors[p] for p in dated] == [["Mia Chen"], ["Ola Berg"], ["Mia Chen"]]
    assert {tuple(authors[p]) for p in listed} == {()}
    # A plain sitemap's lastmod says when the page changed, not when it was published.
    assert "2024-03-07" not in {(dates[p] or "")[:10] for p in undated if p in dates}


def test_link_following_finds_articles_through_learned_templates(odd_site, tmp_path):
    base = odd_site.base_url
    odd_site.routes["/feed.xml"] = Route(rss(base, ODD_PATHS[:3]), "application/rss+xml")
    (tmp_path / "feed-only").mkdir()
    (tmp_path / "links-only").mkdir()
    feed_only = site_file(tmp_path / "feed-only", base, name="learner", start_urls=[], feeds=[f"{base}/feed.xml"], sitemaps=[],
                          article_url_pattern=None)
    links_only = site_file(tmp_path / "links-only", base, name="learner", start_urls=[f"{base}/"], feeds=[], sitemaps=[],
                           article_url_pattern=None, max_depth=1)
    args = ("-s", "VALIDATION_MIN_WORDS=20")
    crawl("learner", tmp_path, "-s", f"SITES_FILES={feed_only}", *args, output="learn.jsonl")
    followed = crawl("learner", tmp_path, "-s", f"SITES_FILES={links_only}", *args, output="follow.jsonl")
    learned_shape = {f"Odd story number {n}" for n in range(3, 6)}  # /news/articles/<id>, like the feed's
    assert learned_shape <= titles(followed), followed.log[-3000:]
    assert followed.stats["newsspider/discovered/by_learned_template"] >= 3
    # Without what the feed taught, the same links are not taken for articles.
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    unlearned = crawl("learner", fresh, "-s", f"SITES_FILES={links_only}", *args, output="follow.jsonl")
    assert not learned_shape & titles(unlearned)


def test_a_feed_on_another_host_name_is_read(odd_site, tmp_path):
    base = odd_site.base_url
    odd_site.routes["/feed.xml"] = Route(rss(base, ODD_PATHS[:4]), "application/rss+xml")
    feed_host = base.replace("127.0.0.1", "localhost")  # the feeds.example.com of a site on www.example.com
    config = site_file(tmp_path, base, start_urls=[], feeds=[f"{feed_host}/feed.xml"], sitemaps=[],
                       article_url_pattern=None, allowed_domains=["127.0.0.1"])
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", "-s", "VALIDATION_MIN_WORDS=20")
    assert titles(result) == {f"Odd story number {n}" for n in range(4)}, result.log[-3000:]


def test_every_feed_and_sitemap_class_yields_its_articles(odd_site, tmp_path):
    base = odd_site.base_url
    paths = ODD_PATHS
    utf16 = ('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>t</title>'
             f'<item><link>{base}{paths[0]}</link></item></channel></rss>').encode("utf-16")
    atom_ids = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                f"<entry><id>{base}{paths[1]}</id><title>x</title></entry></feed>").encode()
    malformed = ('<?xml version="1.0"?><rss version="2.0"><channel><item><link>http://example.c[o.test/</link></item>'
                 f"<item><link>{base}{paths[2]}</link></item></channel></rss>").encode()
    preamble = (b'<?xml version="1.0"?>\n<!-- ' + b"a long licence text " * 400 + b"-->\n"
                + f'<rss version="2.0"><channel><item><link>{base}{paths[3]}</link></item></channel></rss>'.encode())
    odd_site.routes.update({
        "/utf16.xml": Route(utf16, "application/rss+xml"), "/atom-ids.xml": Route(atom_ids, "application/atom+xml"),
        "/malformed.xml": Route(malformed, "application/rss+xml"), "/preamble.xml": Route(preamble, "application/rss+xml"),
        "/robots.txt": Route(b"User-agent: *\nAllow: /\nSitemap: /urls.txt\n", "text/plain"),
        "/urls.txt": Route("".join(f"{base}{p}\n" for p in paths[4:6]).encode(), "text/plain"),
        "/news.xml.gz": Route(gzip.compress(news_sitemap(base, paths[6:])), "application/gzip"),
    })
    feeds = [f"{base}/{name}.xml" for name in ("utf16", "atom-ids", "malformed", "preamble")]
    config = site_file(tmp_path, base, start_urls=[], feeds=feeds, sitemaps=[f"{base}/robots.txt", f"{base}/news.xml.gz"],
                       article_url_pattern=r"/news/articles/")  # the pattern prunes the plain-text sitemap only
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}", "-s", "VALIDATION_MIN_WORDS=20")
    assert titles(result) == all_titles(odd_site), result.log[-3000:]


def test_a_source_that_yields_nothing_warns_once(odd_site, tmp_path):
    base = odd_site.base_url
    odd_site.routes["/feed.xml"] = Route(rss("http://elsewhere.invalid", ODD_PATHS[:5]), "application/rss+xml")
    config = site_file(tmp_path, base, start_urls=[], feeds=[f"{base}/feed.xml"], sitemaps=[], article_url_pattern=None)
    result = crawl("testsite", tmp_path, "-s", f"SITES_FILES={config}")
    warnings = [line for line in result.log.splitlines() if " WARNING: " in line]
    assert len(warnings) == 2, warnings  # the source, then the site
    assert f"{base}/feed.xml has 5 entries but gave no article to fetch (off the site's hosts 5)" in warnings[0]
    assert "testsite: the crawl found no article" in warnings[1]


def test_sources_command_on_the_demo_and_on_a_broken_site(demo_site, tmp_path):
    good = newsspider_cmd("sources", "testsite", "-s", f"SITES_FILES={site_file(tmp_path, demo_site.base_url)}", *QUIET,
                          cwd=tmp_path)
    assert good.returncode == 0, good.stderr[-2000:]
    assert f"{demo_site.base_url}/feed.xml  200" in good.stdout and "would be fetched as articles" in good.stdout
    assert "reads without a browser" in good.stdout and "e.g. " in good.stdout
    broken = site_file(tmp_path, demo_site.base_url, name="broken", feeds=[f"{demo_site.base_url}/no-such-feed.xml"],
                       sitemaps=[f"{demo_site.base_url}/about.html"], start_urls=[])
    bad = newsspider_cmd("sources", "broken", "-s", f"SITES_FILES={broken}", *QUIET, cwd=tmp_path)
    assert bad.returncode == 1
    assert "failed: HTTP 404" in bad.stdout and "not a sitemap" in bad.stdout
    assert "dead source(s)" in bad.stderr and not (tmp_path / "output" / "broken").exists()


# -- the parsers, one case per class of real-world input -------------------------------------------
@pytest.mark.parametrize("body,expected", [
    (b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry><atom:link href="https://n.example/p"/></atom:entry></atom:feed>',
     ["https://n.example/p"]),
    (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://n.example/s/"><entry><link href="a.html"/></entry></feed>',
     ["https://n.example/s/a.html"]),
    (b'<rss version="2.0"><channel><item><link>https://n.example/view.php?id=1&cat=3</link></item></channel></rss>',
     ["https://n.example/view.php?id=1&cat=3"]),
    (b'<rss version="2.0"><channel><item><guid isPermaLink="false">https://n.example/x</guid></item></channel></rss>', []),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "https://n.example/j"}]}',
     ["https://n.example/j"]),
])
def test_feed_parser_classes(body, expected):
    assert [e.url for e in parse_feed(body, "https://n.example/feed").entries] == expected


@pytest.mark.parametrize("body,expected", [
    (b'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><link>https://n.example/a</link>'
     b'<dc:creator>Jane Doe</dc:creator></item><item><link>https://n.example/b</link><author>jd@n.example (Jo Roe)</author></item>'
     b'<item><link>https://n.example/c</link><author>desk@n.example</author></item></channel></rss>',
     [("Jane Doe",), ("Jo Roe",), ()]),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://n.example/a"/><author><name>A B</name></author>'
     b'<author><name>C D</name></author></entry></feed>', [("A B", "C D")]),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://n.example/j", "authors": [{"name": "E F"}]},'
     b'{"url": "https://n.example/k", "author": {"name": "G H"}}]}', [("E F",), ("G H",)]),
])
def test_feed_item_authors_are_read_in_every_feed_format(body, expected):
    assert [e.authors for e in parse_feed(body, "https://n.example/feed").entries] == expected


def test_a_cut_sitemap_loses_only_its_cut_entry():
    body = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://n.example/a</loc></url>'
            b"<url><loc>https://n.example/b</loc></url><url><loc>https://n.exa")
    sitemap = parse_sitemap(body, "https://n.example/sitemap.xml")
    assert [e.url for e in sitemap.entries] == ["https://n.example/a", "https://n.example/b"] and sitemap.dropped == 1


def test_robots_txt_sitemap_lines_in_every_spelling():
    robots = "User-agent: *\nSite-map: /news.xml\nSITEMAP:https://n.example/s.xml\nSitemap: http://[bad/x\n"
    assert robots_sitemaps(robots, "https://n.example/robots.txt") == ["https://n.example/news.xml", "https://n.example/s.xml"]


def test_url_templates_keep_shapes_and_only_learn_distinctive_ones():
    model = TemplateModel()
    model.learn("https://n.example/world/2024/apr/17/russia-armenia")
    model.learn("https://n.example/world/")  # a section: nothing to learn
    assert model.fits("https://n.example/politics/2023/dec/01/budget-vote-delayed")
    assert not model.fits("https://n.example/politics/")
    assert url_template("https://n.example/view.php?id=8&cat=3") == "/{word}.php?cat&id"


def listing_verdict(body_paragraphs: list[str], links: list[tuple[str, str]], og_type: str = "website"):
    from newsspider.extraction.stages import run
    from newsspider.items import Page

    items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in links)
    html = (f'<html><head><meta property="og:type" content="{og_type}"><title>Page</title></head><body>'
            f'<main>{"".join(f"<p>{escape(p)}</p>" for p in body_paragraphs)}</main><aside><ul>{items}</ul></aside>'
            "</body></html>").encode()
    return run(Page(url="https://n.example/politics/2024/04/the-page-itself.html", body=html)).drop_reason


def test_a_long_story_beside_many_story_links_is_an_article():
    sentence = "The council met on Tuesday evening and agreed after a long debate to fund the new harbour wall next spring"
    paragraphs = [f"{sentence}, said member number {n}, who had asked for the vote in March." for n in range(8)]
    links = [(f"https://n.example/world/2024/04/another-story-about-topic-{n}.html", f"Another story about topic {n}")
             for n in range(60)]  # a long "more from the site" list the widget pass did not recognise
    assert listing_verdict(paragraphs, links) is None


def test_a_page_of_teasers_is_a_listing_even_when_it_says_article():
    links = [(f"https://n.example/world/2024/04/headline-of-story-number-{n}.html", f"Headline of story number {n} today")
             for n in range(12)]
    teasers = [f"Headline of story number {n} today" for n in range(12)]
    assert listing_verdict(teasers, links) == "listing_page"
    assert listing_verdict(teasers, links, og_type="article") == "listing_page"


def _long_feed(kind: str, items: int) -> bytes:
    """A feed of `items` entries whose descriptions hold CDATA and comments that write an item's
    end tag as text, with namespaces and a base URL declared before the first entry."""
    if kind == "rss":
        entries = "".join(
            f"<item><title>Story {n}</title><link>/en/2024/04/story-{n}.html</link><dc:creator>Jo Roe {n}</dc:creator>"
            f"<description><![CDATA[<p>About </item> and <item> tags, part {n}</p>]]></description>"
            f"<!-- </item> --><pubDate>Mon, 01 Apr 2024 10:{n % 60:02d}:00 GMT</pubDate></item>" for n in range(items))
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
                ' xml:base="https://n.example/"><channel><title>News</title><link>https://n.example/</link>'
                f"{entries}<copyright>© News</copyright></channel></rss>").encode()
    entries = "".join(
        f'<atom:entry><atom:title>Story {n}</atom:title><atom:link href="story-{n}.html"/>'
        f"<atom:author><atom:name>A B{n}</atom:name></atom:author><atom:summary><![CDATA[</atom:entry> {n}]]></atom:summary>"
        "</atom:entry>" for n in range(items))
    return (f'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom" xml:base="https://n.example/s/">'
            f"<atom:title>News</atom:title>{entries}</atom:feed>").encode()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_long_feed_read_in_slices_gives_every_entry_once_as_a_whole_parse_does(kind, monkeypatch):
    import newsspider.discovery.feeds as feeds

    body = _long_feed(kind, 400)
    assert len(list(feeds.feed_slices(body, 5_000))) > 5  # the feed is really cut
    whole = parse_feed(body, "https://n.example/feed")
    monkeypatch.setattr(feeds, "FEED_SLICE_BYTES", 5_000)
    sliced = parse_feed(body, "https://n.example/feed")
    assert sliced.is_feed and len(sliced.entries) == 400
    assert sliced.entries == whole.entries
    assert sliced.entries[7].authors == (("Jo Roe 7",) if kind == "rss" else ("A B7",))
    assert sliced.entries[399].url.startswith("https://n.example/")
