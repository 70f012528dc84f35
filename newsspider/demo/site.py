"""The bundled demo news site, "The Harbour Courier": rendered from articles.toml, served on 127.0.0.1.

It has what a crawler meets on a real news site: section fronts, an RSS feed and an Atom feed,
a sitemap index with a Google News sitemap, robots.txt with a `Sitemap:` line, article pages in
five languages inside three themes (see articles.toml), AMP and tracking-parameter duplicates,
and pages that are not articles (home, sections, a tag page, about, login, a script-only shell).

The tests serve the same site (plus junk pages of their own) with `DemoSite.serve()`.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
import time
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ARTICLES_FILE = Path(__file__).with_name("articles.toml")
SITE_TITLE = "The Harbour Courier"

# Chrome strings per language: menu, widgets, footer. Written for this demo.
UI: dict[str, dict[str, Any]] = {
    "en": dict(
        menu=["Home", "World", "Local", "Sport", "Culture", "Weather"], by="By", related="Related stories",
        share="Share", ad="Advertisement", newsletter="Get the morning briefing in your inbox",
        subscribe="Subscribe", comments="Leave a comment", comment_box="Write your comment here",
        name="Your name", post="Post comment", cookie="We use cookies to improve your experience.",
        accept="Accept", rights="All rights reserved.", read_more="Read more",
        bio="reports for The Harbour Courier on the city and the coast.",
        reader_comment="Good to see this finally happening, it took long enough.",
        days=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        months=["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        date="{day}, {month} {d}, {y}",
    ),
    "fr": dict(
        menu=["Accueil", "Monde", "Région", "Sport", "Culture", "Météo"], by="Par", related="À lire aussi",
        share="Partager", ad="Publicité", newsletter="Recevez notre lettre d'information chaque matin",
        subscribe="S'abonner", comments="Laisser un commentaire", comment_box="Écrivez votre commentaire ici",
        name="Votre nom", post="Publier le commentaire", cookie="Nous utilisons des cookies pour améliorer votre expérience.",
        accept="Accepter", rights="Tous droits réservés.", read_more="Lire aussi",
        bio="est journaliste au Harbour Courier et couvre la ville et la côte.",
        reader_comment="Il était temps, nous attendions cela depuis des années.",
        days=["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        date="{day} {d} {month} {y}",
    ),
    "de": dict(
        menu=["Startseite", "Welt", "Lokales", "Sport", "Kultur", "Wetter"], by="Von", related="Lesen Sie auch",
        share="Teilen", ad="Anzeige", newsletter="Unser Newsletter jeden Morgen in Ihrem Postfach",
        subscribe="Abonnieren", comments="Kommentar schreiben", comment_box="Schreiben Sie hier Ihren Kommentar",
        name="Ihr Name", post="Kommentar abschicken", cookie="Wir verwenden Cookies, um Ihr Erlebnis zu verbessern.",
        accept="Akzeptieren", rights="Alle Rechte vorbehalten.", read_more="Weiterlesen",
        bio="berichtet für den Harbour Courier über die Stadt und die Küste.",
        reader_comment="Endlich passiert hier etwas, das hat viel zu lange gedauert.",
        days=["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        date="{day}, {d}. {month} {y}",
    ),
    "es": dict(
        menu=["Inicio", "Mundo", "Local", "Deportes", "Cultura", "El tiempo"], by="Por", related="Noticias relacionadas",
        share="Compartir", ad="Publicidad", newsletter="Recibe nuestro boletín cada mañana en tu correo",
        subscribe="Suscribirse", comments="Deja un comentario", comment_box="Escribe aquí tu comentario",
        name="Tu nombre", post="Publicar comentario", cookie="Utilizamos cookies para mejorar su experiencia.",
        accept="Aceptar", rights="Todos los derechos reservados.", read_more="Leer más",
        bio="escribe para The Harbour Courier sobre la ciudad y la costa.",
        reader_comment="Ya era hora, llevamos años esperando esta noticia.",
        days=["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        months=["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        date="{day}, {d} de {month} de {y}",
    ),
    "it": dict(
        menu=["Home", "Mondo", "Cronaca", "Sport", "Cultura", "Meteo"], by="Di", related="Leggi anche",
        share="Condividi", ad="Pubblicità", newsletter="Ricevi la nostra newsletter ogni mattina",
        subscribe="Iscriviti", comments="Lascia un commento", comment_box="Scrivi qui il tuo commento",
        name="Il tuo nome", post="Pubblica il commento", cookie="Utilizziamo i cookie per migliorare la tua esperienza.",
        accept="Accetta", rights="Tutti i diritti riservati.", read_more="Leggi tutto",
        bio="scrive per The Harbour Courier sulla città e sulla costa.",
        reader_comment="Finalmente una buona notizia per il nostro porto.",
        days=["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
        months=["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        date="{day} {d} {month} {y}",
    ),
}
SECTION_CHROME = {"en": "en", "fr": "fr", "de": "de", "es": "es", "it": "it", "wire": "en", "monde": "fr"}

# What the "actu" theme (a French news theme like the page in ../shared/seed/) says around a story.
ACTU: dict[str, Any] = dict(
    menu=["Accueil", "Monde", "Politique", "Économie", "Sport", "Contactez-nous"],
    date_line="mercredi, avril 17, 2024", weather="4.6 C", city="Paris",
    ad_label="- Advertisement -", latest="Latest news", related="Related news",
    comment_title="LAISSER UN COMMENTAIRE", comment_box="S'il vous plaît entrez votre commentaire!",
    name_box="S'il vous plaît entrez votre nom ici", email_box="Vous avez entré une adresse e-mail incorrecte!",
    email_prompt="S'il vous plaît entrez votre adresse email ici",
    save="Enregistrer mon nom, email et site web dans ce navigateur pour la prochaine fois que je commenterai.",
    submit="Publier le commentaire", footer="© Tous droits réservés - Actu Monde Express",
    source="Source link",
)


@dataclass
class DemoArticle:
    slug: str
    section: str
    lang: str
    date: str
    author: str
    title: str
    paragraphs: list[str]
    theme: str = "courier"
    feed: bool = False
    news_sitemap: bool = False
    source: str | None = None
    modified: str | None = None  # when set, the sitemap's lastmod

    @property
    def published(self) -> datetime:
        return datetime.fromisoformat(self.date)

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.published:%Y/%m}/{self.slug}.html"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def load_articles(path: Path = ARTICLES_FILE) -> list[DemoArticle]:
    with open(path, "rb") as handle:
        return [DemoArticle(**entry) for entry in tomllib.load(handle)["article"]]


def e(text: str) -> str:
    return html.escape(text, quote=True)


def long_date(when: datetime, lang: str) -> str:
    ui = UI[lang]
    return ui["date"].format(day=ui["days"][when.weekday()], month=ui["months"][when.month - 1], d=when.day, y=when.year)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class DemoSite:
    """All pages of the demo site, keyed by path; `base_url` is where it is served."""

    SHELL_PATH = "/en/2024/04/live-results-dashboard.html"
    NON_ARTICLE_PATHS = ("/", "/about.html", "/login.html", "/tag/harbour/", SHELL_PATH)

    def __init__(self, base_url: str = "http://127.0.0.1:8765", articles: list[DemoArticle] | None = None):
        self.base_url = base_url.rstrip("/")
        self.articles = articles if articles is not None else load_articles()
        self.delay = 0.0  # seconds each response waits (to catch a crawl mid-way in tests)
        self.requests: list[str] = []  # every path requested, in order (what a crawl fetched)
        self.most_in_flight = 0  # the most requests ever answered at once (overlapping crawls show here)
        self._in_flight = 0
        self._in_flight_lock = threading.Lock()
        self.routes: dict[str, Route] = {}
        self.build()

    # -- site map -----------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base_url + path

    def sections(self) -> list[str]:
        return sorted({a.section for a in self.articles})

    def article_urls(self) -> set[str]:
        return {self.url(a.path) for a in self.articles}

    def build(self) -> None:
        self.routes.clear()
        for index, article in enumerate(self.articles):
            related = [a for a in self.articles if a.section == article.section and a is not article][:3]
            page = {"actu": self.actu_page, "wire": self.wire_page}.get(article.theme, self.courier_page)
            self.routes[article.path] = Route(page(article, related, with_jsonld=index % 2 == 0).encode())
        first = self.articles[0]
        self.routes[first.path.replace(".html", ".amp.html")] = Route(self.courier_page(first, [], amp=True).encode())
        for section in self.sections():
            self.routes[f"/{section}/"] = Route(self.listing_page(section, [a for a in self.articles if a.section == section]).encode())
        self.routes["/"] = Route(self.listing_page(None, self.articles).encode())
        self.routes["/tag/harbour/"] = Route(self.listing_page("tag", self.articles[::2]).encode())
        self.routes["/about.html"] = Route(self.plain_page("About us", [
            "The Harbour Courier is a demo news site bundled with newsspider.",
            "It is served on your own machine so that a crawl can run without the internet."]).encode())
        self.routes["/login.html"] = Route(self.login_page().encode())
        self.routes[self.SHELL_PATH] = Route(self.shell_page().encode())
        self.routes["/robots.txt"] = Route(
            f"User-agent: *\nDisallow: /admin/\nSitemap: {self.url('/sitemap_index.xml')}\n".encode(), "text/plain")
        self.routes["/feed.xml"] = Route(self.rss([a for a in self.articles if a.feed]).encode(), "application/rss+xml")
        self.routes["/fr/atom.xml"] = Route(self.atom([a for a in self.articles if a.section == "fr" and a.feed]).encode(), "application/atom+xml")
        self.routes["/sitemap_index.xml"] = Route(self.sitemap_index(["/sitemap-news.xml", "/sitemap-articles.xml"]).encode(), "application/xml")
        news = [a.path for a in self.articles if a.news_sitemap] + [self.SHELL_PATH]
        self.routes["/sitemap-news.xml"] = Route(self.news_sitemap(news).encode(), "application/xml")
        everything = [a.path for a in self.articles] + ["/about.html"] + [f"/{s}/" for s in self.sections()]
        self.routes["/sitemap-articles.xml"] = Route(self.urlset(everything).encode(), "application/xml")

    # -- feeds and sitemaps -------------------------------------------------------------------
    def rss(self, articles: list[DemoArticle]) -> str:
        items = []
        for n, a in enumerate(articles):
            link = self.url(a.path) + ("?utm_source=rss&utm_medium=feed" if n % 3 == 0 else "")
            items.append(
                f"<item><title>{e(a.title)}</title><link>{e(link)}</link><guid isPermaLink=\"false\">{a.slug}</guid>"
                f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate><dc:creator>{e(a.author)}</dc:creator></item>"
            )
        first = self.articles[0]
        items.append(  # the AMP copy of a story, as some feeds carry it
            f"<item><title>{e(first.title)}</title><link>{self.url(first.path.replace('.html', '.amp.html'))}</link></item>")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{SITE_TITLE}</title><link>{self.url('/')}</link><description>Latest stories</description>"
            + "".join(items) + "</channel></rss>"
        )

    def atom(self, articles: list[DemoArticle]) -> str:
        entries = "".join(
            f'<entry><title>{e(a.title)}</title><link rel="alternate" href="{e(self.url(a.path))}"/>'
            f"<id>{e(self.url(a.path))}</id><updated>{a.date}</updated><author><name>{e(a.author)}</name></author></entry>"
            for a in articles
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{SITE_TITLE} — France</title><id>{self.url('/fr/')}</id><updated>2024-04-17T00:00:00Z</updated>"
            + entries + "</feed>"
        )

    def sitemap_index(self, paths: list[str]) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<sitemap><loc>{self.url(p)}</loc><lastmod>2024-04-17</lastmod></sitemap>" for p in paths)
            + "</sitemapindex>"
        )

    def news_sitemap(self, paths: list[str]) -> str:
        by_path = {a.path: a for a in self.articles}
        entries = []
        for path in paths:
            a = by_path.get(path)
            title = e(a.title) if a else "Live results"
            lang = a.lang if a else "en"
            date = a.date if a else "2024-04-17T08:00:00+00:00"
            entries.append(
                f"<url><loc>{self.url(path)}</loc><news:news><news:publication><news:name>{SITE_TITLE}</news:name>"
                f"<news:language>{lang}</news:language></news:publication><news:publication_date>{date}</news:publication_date>"
                f"<news:title>{title}</news:title></news:news></url>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(entries) + "</urlset>"
        )

    def urlset(self, paths: list[str]) -> str:
        lastmod = {a.path: a.modified or a.date for a in self.articles}
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(
                f"<url><loc>{self.url(p)}</loc>" + (f"<lastmod>{lastmod[p]}</lastmod>" if p in lastmod else "") + "</url>"
                for p in paths
            )
            + "</urlset>"
        )

    # -- pages --------------------------------------------------------------------------------
    def head(self, title: str, lang: str, *, og_type: str = "website", canonical: str | None = None,
             extra: str = "", locale: str | None = None) -> str:
        canonical_tag = f'<link rel="canonical" href="{e(canonical)}">' if canonical else ""
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta property="og:type" content="{og_type}"><meta property="og:site_name" content="{SITE_TITLE}">'
            f'<meta property="og:locale" content="{locale or lang.replace("-", "_")}">{canonical_tag}'
            f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{self.url("/feed.xml")}">'
            f'<link rel="stylesheet" href="/static/site.css">{extra}</head>'
        )

    def masthead(self, lang: str, when: datetime | None = None) -> str:
        ui = UI[lang]
        links = "".join(f'<li><a href="/{s}/">{e(label)}</a></li>' for s, label in zip(["", *self.sections()], ui["menu"], strict=False))
        date_line = f'<div class="date-line">{e(long_date(when, lang))}</div>' if when else ""
        return (
            f'<header class="site-header"><div class="top-bar">{date_line}</div>'
            f'<a class="logo" href="/">{SITE_TITLE}</a><nav class="main-menu"><ul>{links}</ul></nav>'
            f'<form class="search" role="search" action="/search"><input type="search" name="q"></form></header>'
        )

    def footer(self, lang: str) -> str:
        ui = UI[lang]
        return (
            f'<footer class="site-footer"><p>© 2024 {SITE_TITLE}. {e(ui["rights"])}</p>'
            f'<a href="/about.html">About</a></footer>'
            f'<div id="cookie-notice" class="cookie-banner"><p>{e(ui["cookie"])}</p><button>{e(ui["accept"])}</button></div>'
            "</body></html>"
        )

    def jsonld(self, a: DemoArticle) -> str:
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": a.date, "dateModified": a.date, "inLanguage": a.lang,
            "author": [{"@type": "Person", "name": n.strip()} for n in a.author.split(" and ")],
            "publisher": {"@type": "Organization", "name": SITE_TITLE},
            "mainEntityOfPage": self.url(a.path),
        }
        return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'

    def courier_page(self, a: DemoArticle, related: list[DemoArticle], *, with_jsonld: bool = True, amp: bool = False) -> str:
        lang = SECTION_CHROME[a.section]
        ui = UI[lang]
        meta = (
            f'<meta property="article:published_time" content="{a.date}">'
            f'<meta name="author" content="{e(a.author)}">' + (self.jsonld(a) if with_jsonld else "")
        )
        paragraphs = [f"<p>{e(p)}</p>" for p in a.paragraphs]
        if related:  # a "read more" box in the middle of the story
            paragraphs.insert(2, f'<div class="read-more-box"><strong>{e(ui["read_more"])}:</strong> '
                                 f'<a href="{related[0].path}">{e(related[0].title)}</a></div>')
        paragraphs.insert(1, f'<div class="ad-slot"><span>{e(ui["ad"])}</span></div>')
        related_list = "".join(f'<li><a href="{r.path}">{e(r.title)}</a></li>' for r in related)
        return (
            self.head(f"{a.title} | {SITE_TITLE}", lang, og_type="article", canonical=self.url(a.path), extra=meta)
            + f'<body class="single-post has-comments">{self.masthead(lang, datetime(2024, 4, 17))}'
            + '<div class="banner-ad"><a href="https://ads.example.net/click"><img src="/static/ad.png" alt=""></a></div>'
            + f'<main><article class="post"><h1 class="entry-title">{e(a.title)}</h1>'
            + f'<div class="byline">{e(ui["by"])} <a rel="author" href="/author/">{e(a.author)}</a> · '
            + f'<time datetime="{a.date}">{e(long_date(a.published, lang))}</time></div>'
            + f'<div class="share-bar"><span>{e(ui["share"])}</span><a href="#">Facebook</a><a href="#">X</a><a href="#">E-mail</a></div>'
            + f'<div class="entry-content">{"".join(paragraphs)}</div>'
            + f'<div class="author-box"><p>{e(a.author)} {e(ui["bio"])}</p></div>'
            + "</article>"
            + (f'<section class="related-posts"><h2>{e(ui["related"])}</h2><ul>{related_list}</ul></section>' if related else "")
            + f'<aside class="newsletter-box"><h3>{e(ui["newsletter"])}</h3><form action="/subscribe">'
            + f'<input type="email" name="email" placeholder="E-mail"><button>{e(ui["subscribe"])}</button></form></aside>'
            + f'<section id="comments" class="comments-area"><h2>{e(ui["comments"])}</h2>'
            + f'<ol class="comment-list"><li class="comment"><p>{e(ui["reader_comment"])}</p></li></ol>'
            + f'<form id="commentform" action="/comment"><textarea name="comment" placeholder="{e(ui["comment_box"])}"></textarea>'
            + f'<input name="author" placeholder="{e(ui["name"])}"><input type="submit" value="{e(ui["post"])}"></form></section>'
            + "</main>" + self.footer(lang)
        )

    def actu_page(self, a: DemoArticle, related: list[DemoArticle], *, with_jsonld: bool = True) -> str:
        """A French news theme around a republished English story, built like ../shared/seed/."""
        t = ACTU
        menu = "".join(f'<li class="menu-item"><a href="/monde/">{e(m)}</a></li>' for m in t["menu"])
        ad = f'<div class="td-a-rec td-a-rec-id-content_top"><span class="td-adspot-title">{t["ad_label"]}</span><img class="spot_img" src="/static/spot_img.png" alt="spot_img"></div>'
        bare_ad = f'<div class="td-fix-index"><div>{t["ad_label"]}</div><div>spot_imgspot_img</div></div>'
        others = [o for o in self.articles if o is not a][:4]
        teaser = "".join(f'<div class="td-module"><h3 class="entry-title td-module-title"><a href="{o.path}">{e(o.title)}</a></h3><span class="td-post-date">{o.published:%d/%m/%Y}</span></div>' for o in others)
        body = "".join(f"<p>{e(p)}</p>" for p in a.paragraphs)
        return (
            self.head(f"{a.title} - Actu Monde Express", "fr-FR", og_type="article", canonical=self.url(a.path), locale="fr_FR",
                      extra=f'<meta property="article:published_time" content="{a.date}">' + (self.jsonld(a) if with_jsonld else ""))
            + '<body class="post-template-default single single-post td-standard-pack">'
            + f'<div class="td-header-top-menu"><div class="td-header-sp-top-menu"><div class="td_data_time">{t["date_line"]}</div>'
            + f'<div class="td-weather-top-widget"><span class="td-weather-now">{t["weather"]}</span><span class="td-weather-city">{t["city"]}</span></div></div></div>'
            + f'<div class="td-header-menu-wrap"><ul class="sf-menu">{menu}</ul></div>'
            + f'<div class="td-main-content-wrap"><div class="td-post-header"><h1 class="entry-title">{e(a.title)}</h1>'
            + f'<div class="td-module-meta-info"><span class="td-post-author-name"><a href="/author/newsdesk/">{e(a.author)}</a></span>'
            + f'<span class="td-post-date"><time class="entry-date" datetime="{a.date}">{t["date_line"]}</time></span></div></div>'
            + ad + bare_ad
            + f'<div class="td-post-content tagdiv-type">{body}<p><a href="{e(a.source or "")}" target="_blank" rel="noopener">{t["source"]}</a></p></div>'
            + bare_ad
            + f'<div class="td_block_wrap td_block_related_posts"><h4 class="td-block-title"><span>{t["latest"]}</span></h4>{ad}{teaser}</div>'
            + f'<div class="td_block_wrap td_flex_block"><h4 class="td-block-title"><span>{t["related"]}</span></h4>{ad}{teaser}</div>'
            + f'<div class="comments" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{t["comment_title"]}</h3>'
            + '<form id="commentform" class="comment-form"><div class="clearfix"></div><div class="comment-form-input-wrap td-form-comment">'
            + f'<textarea placeholder="{e(t["comment_box"])}" id="comment" name="comment"></textarea>'
            + f'<div class="td-warning-comment">{e(t["comment_box"])}</div></div>'
            + '<div class="comment-form-input-wrap td-form-author"><input placeholder="Nom:*" name="author" type="text">'
            + f'<div class="td-warning-author">{e(t["name_box"])}</div></div>'
            + '<div class="comment-form-input-wrap td-form-email"><input placeholder="Email:*" name="email" type="text">'
            + f'<div class="td-warning-email-error">{e(t["email_box"])}</div><div class="td-warning-email">{e(t["email_prompt"])}</div></div>'
            + f'<p class="comment-form-cookies-consent"><input type="checkbox"><label>{e(t["save"])}</label></p>'
            + f'<p class="form-submit"><input name="submit" type="submit" class="submit" value="{e(t["submit"])}"></p></form></div></div>'
            + f'</div><div class="td-footer-wrap"><p>{e(t["footer"])}</p></div></body></html>'
        )

    def wire_page(self, a: DemoArticle, related: list[DemoArticle], *, with_jsonld: bool = True) -> str:
        """An English theme left at lang="en-US" around a German wire story."""
        ui = UI["en"]
        body = "".join(f"<p>{e(p)}</p>" for p in a.paragraphs)
        return (
            self.head(f"{a.title} | Wire | {SITE_TITLE}", "en-US", og_type="article", canonical=self.url(a.path), locale="en_US",
                      extra=f'<meta property="article:published_time" content="{a.date}">' + (self.jsonld(a) if with_jsonld else ""))
            + f"<body>{self.masthead('en', datetime(2024, 4, 16))}"
            + f'<main><article><h1>{e(a.title)}</h1><p class="byline">{e(ui["by"])} {e(a.author)}, dpa-style wire</p>'
            + f'<div class="article-body">{body}</div></article>'
            + '<div class="social-share"><span>Share this story</span><a href="#">Facebook</a><a href="#">LinkedIn</a></div>'
            + '<section class="related"><h2>More from the wire</h2><ul>'
            + "".join(f'<li><a href="{r.path}">{e(r.title)}</a></li>' for r in related)
            + "</ul></section>"
            + f'<section id="comments"><h2>{ui["comments"]}</h2><form><textarea placeholder="{ui["comment_box"]}"></textarea>'
            + f'<input placeholder="{ui["name"]}"><button>{ui["post"]}</button></form></section>'
            + "</main>" + self.footer("en")
        )

    def listing_page(self, section: str | None, articles: list[DemoArticle]) -> str:
        lang = SECTION_CHROME.get(section or "en", "en")
        teasers = "".join(
            f'<div class="teaser"><h3><a href="{a.path}">{e(a.title)}</a></h3><p>{e(a.paragraphs[0][:140])}</p></div>'
            for a in articles
        )
        title = SITE_TITLE if section in (None, "tag") else f"{section.upper()} — {SITE_TITLE}"
        return (self.head(title, lang) + f"<body>{self.masthead(lang, datetime(2024, 4, 17))}<main><h1>{e(title)}</h1>"
                + teasers + "</main>" + self.footer(lang))

    def plain_page(self, title: str, paragraphs: list[str]) -> str:
        return (self.head(title, "en") + f"<body>{self.masthead('en')}<main><h1>{e(title)}</h1>"
                + "".join(f"<p>{e(p)}</p>" for p in paragraphs) + "</main>" + self.footer("en"))

    def login_page(self) -> str:
        return (self.head("Sign in", "en") + f"<body>{self.masthead('en')}<main><h1>Sign in</h1>"
                '<form action="/login" method="post"><label>E-mail <input type="email" name="email"></label>'
                '<label>Password <input type="password" name="password"></label><button>Sign in</button></form>'
                "<p>Subscribers can sign in to read every story and manage their newsletters.</p></main>" + self.footer("en"))

    def shell_page(self) -> str:
        """An empty shell that a script would fill in: no article without a browser."""
        script = "window.__DATA__ = " + json.dumps({"items": ["x" * 40] * 150}) + ";"
        return (self.head("Live results", "en", og_type="article")
                + '<body><div id="app"></div><noscript>Please enable JavaScript to view the live results.</noscript>'
                + f'<script>{script}</script><script src="/static/app.js"></script></body></html>')

    # -- serving ------------------------------------------------------------------------------
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> RunningSite:
        """Serve in a background thread; port 0 picks a free port and rebases the site on it."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                with site._in_flight_lock:
                    site._in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site._in_flight)
                try:
                    self.answer()
                finally:
                    with site._in_flight_lock:
                        site._in_flight -= 1

            def answer(self) -> None:
                if site.delay:
                    time.sleep(site.delay)
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.end_headers()
                    self.wfile.write(b"<html><body><h1>Not found</h1></body></html>")
                    return
                # An ETag per page body, and 304 for a conditional request that still matches it.
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                if route.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.status == 200:
                    self.send_header("ETag", etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                pass

        server = ThreadingHTTPServer((host, port), Handler)
        server.daemon_threads = True
        actual = f"http://{host}:{server.server_address[1]}"
        if actual != self.base_url:
            self.base_url = actual
            self.build()
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        return RunningSite(self, server, thread)


@dataclass
class RunningSite:
    site: DemoSite
    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def base_url(self) -> str:
        return self.site.base_url

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
