"""A news site with a JavaScript-only section, for the rendering tests and benchmark.

- `/news/…` plain HTML articles;
- `/app/…` articles that ship as an empty shell (`<div id="root">`, a bundle-sized inline script,
  a `<noscript>` hint); a script builds the article a moment after load;
- `/app/live-election-results-page.html`: its script throws before building anything (unless
  `broken=False`);
- `/feed.xml` lists them all.
Article texts come from the demo site's articles.toml, so pages differ from one another.
"""

from __future__ import annotations

import json

from .site import DemoArticle, DemoSite, Route, e, load_articles

NEVER_RENDERS = "/app/live-election-results-page.html"


class JsDemoSite(DemoSite):
    def __init__(self, base_url: str = "http://127.0.0.1:8766", *, plain: int = 9, scripted: int = 1,
                 delay_ms: int = 150, broken: bool = True, hydration_ms: int = 0):
        self.broken = broken
        self.hydration_ms = hydration_ms
        stock = load_articles()
        count = plain + scripted
        # Enough distinct stories: reuse the stock with a number in the slug when more are asked.
        articles = [
            DemoArticle(**{
                **vars(stock[n % len(stock)]),
                "slug": f"{stock[n % len(stock)].slug}-{n}",
                "paragraphs": [*stock[n % len(stock)].paragraphs, f"This is report number {n} in the series."],
            })
            for n in range(count)
        ]
        # The scripted section's stories are spread through the feed, as a site's feed mixes sections.
        step = max(1, count // scripted) if scripted else count + 1
        self.scripted_articles = [articles[i] for i in range(step - 1, count, step)][:scripted]
        self.scripted_articles += [a for a in articles if a not in self.scripted_articles][: scripted - len(self.scripted_articles)]
        self.plain_articles = [a for a in articles if a not in self.scripted_articles]
        self.delay_ms = delay_ms
        super().__init__(base_url, articles)

    def path_of(self, article: DemoArticle) -> str:
        section = "app" if article in self.scripted_articles else "news"
        return f"/{section}/{article.slug}.html"

    def article_urls(self) -> set[str]:
        return {self.url(self.path_of(a)) for a in self.articles}

    def scripted_urls(self) -> set[str]:
        return {self.url(self.path_of(a)) for a in self.scripted_articles}

    def build(self) -> None:
        self.routes.clear()
        for article in self.articles:
            page = self.scripted_article(article) if article in self.scripted_articles else self.plain_article(article)
            self.routes[self.path_of(article)] = Route(page.encode())
        paths = [self.path_of(a) for a in self.articles]
        if self.broken:
            self.routes[NEVER_RENDERS] = Route(self.broken_app().encode())
            paths.append(NEVER_RENDERS)
        items = "".join(f"<item><title>{n}</title><link>{self.url(p)}</link></item>" for n, p in enumerate(paths))
        self.routes["/feed.xml"] = Route(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>JS news</title>{items}</channel></rss>'.encode(),
            "application/rss+xml")
        self.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", "text/plain")

    def hydration(self) -> str:
        """Main-thread work every page's scripts do in a browser (hydration, analytics), as real
        news pages do; a plain HTTP fetch never runs it."""
        if not self.hydration_ms:
            return ""
        return (f"<script>window.addEventListener('load', () => {{ const end = Date.now() + {self.hydration_ms};"
                " while (Date.now() < end) {} });</script>")

    def plain_article(self, a: DemoArticle) -> str:
        body = "".join(f"<p>{e(p)}</p>" for p in a.paragraphs) + self.hydration()
        return (f'<!DOCTYPE html><html lang="{a.lang}"><head><meta charset="utf-8"><title>{e(a.title)}</title>'
                f'<meta property="og:type" content="article"></head><body><header><a href="/">JS news</a></header>'
                f"<main><article><h1>{e(a.title)}</h1>{body}</article></main><footer>© JS news</footer></body></html>")

    def shell(self, title: str, script: str) -> str:
        bundle = "/* app bundle */ " + "var _ = 0;" * 700  # what a framework bundle weighs
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>'
                f'<meta property="og:type" content="article"></head><body><div id="root"></div>'
                f"<noscript>You need to enable JavaScript to run this app.</noscript>"
                f"<script>{bundle}</script><script>{script}</script>{self.hydration()}</body></html>")

    def scripted_article(self, a: DemoArticle) -> str:
        data = json.dumps({"title": a.title, "paragraphs": a.paragraphs}, ensure_ascii=False).replace("</", "<\\/")
        script = (
            f"const data = {data};"
            "setTimeout(() => { const root = document.getElementById('root');"
            " const article = document.createElement('article');"
            " const h1 = document.createElement('h1'); h1.textContent = data.title; article.appendChild(h1);"
            " for (const text of data.paragraphs) { const p = document.createElement('p'); p.textContent = text; article.appendChild(p); }"
            f" root.appendChild(article); }}, {self.delay_ms});"
        )
        return self.shell(a.title, script)

    def broken_app(self) -> str:
        return self.shell("Live results", "throw new Error('results service unavailable');")
