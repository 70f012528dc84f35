"""Page chromes built from strings that translators, not we, wrote: Django's and Sphinx's message
catalogs (their admin, authentication and documentation UIs: "Log in", "Search", "Previous",
"Table of contents", form labels), the site theme mkdocs-material's (a blog's "Continue reading",
"Share", "Comments", "Back to top", a consent box's buttons) and Django's own day and month names
(the CLDR's through Babel where Django has none), in 60 languages. language_corpus.py puts real
articles inside them.

chrome_kits.py holds UI strings written here for the layouts news sites use; these catalogs are a
second, independent source of real UI strings, in languages the kits cover and in more. A page
has the catalog's strings as menus, a date line in the catalog's day and month names, a search
box, a comment form and a footer (`full`), or menus, the date line and a short footer only
(`sparse`). The chrome language is the catalog's.

Needs Django, Sphinx and mkdocs-material installed (the `bench` extra); without them no page is built.
"""

from __future__ import annotations

import ast
import datetime
import functools
import importlib.util
import random
import re
from html import escape
from pathlib import Path

# The chrome language -> the catalogs' locale folder. Bokmål is "nb" on pages; the detectors and
# newsspider answer "no" (see normalize_code), so the truth is "no" for it.
LOCALES = {
    "ar": "ar", "bg": "bg", "bn": "bn", "ca": "ca", "cs": "cs", "da": "da", "de": "de", "el": "el", "es": "es",
    "et": "et", "fa": "fa", "fi": "fi", "fr": "fr", "he": "he", "hi": "hi", "hr": "hr", "hu": "hu", "id": "id",
    "is": "is", "it": "it", "ja": "ja", "ko": "ko", "lt": "lt", "lv": "lv", "mk": "mk", "ms": "ms", "nl": "nl",
    "no": "nb", "pl": "pl", "pt": "pt_BR", "ro": "ro", "ru": "ru", "sk": "sk", "sl": "sl", "sq": "sq", "sr": "sr",
    "sv": "sv", "sw": "sw", "ta": "ta", "th": "th", "tr": "tr", "uk": "uk", "ur": "ur", "vi": "vi", "zh": "zh_Hans",
    # (mkdocs-material's only, with Django's where it has them)
    "af": "af", "az": "az", "be": "be", "cy": "cy", "eo": "eo", "eu": "eu", "gl": "gl", "hy": "hy", "ka": "ka",
    "kn": "kn", "lb": "lb", "mn": "mn", "si": "si", "te": "te", "tl": "tl", "uz": "uz",
}
THEME_LOCALES = {"no": "nb", "pt": "pt-BR"}  # mkdocs-material's file names where they differ
DECLARED = {"no": "nb", "zh": "zh-Hans", "pt": "pt-BR"}  # how such pages write their lang attribute
RTL = {"ar", "fa", "he", "ur"}
LAYOUTS = ("full", "sparse")

# The messages used, as their catalogs spell them in English.
NAVIGATION = ["Home", "Search", "Log in", "Log out", "View site", "Documentation", "Change password", "History",
              "Recent actions", "Filter", "Show all", "Contents", "Index", "Table of Contents", "Navigation",
              "Related Topics", "Next topic", "Previous topic", "This Page", "Show Source", "Search Results",
              "Skip to main content", "Toggle navigation", "Previous", "Next", "Today", "Now", "Close",
              "Skip to content", "Archive", "Authors", "Categories", "Continue reading", "Share", "Comments",
              "Select language", "Table of contents"]
FORM = ["Username", "Password", "Email address", "Save", "Delete", "Clear selection", "Yes", "No", "Go", "Quick search"]
FOOTER = ["Copyright", "Created using", "Page source", "Back to top", "Hide Search Matches", "Choose", "Add",
          "Last update", "Contributors", "Related links", "Accept", "Reject", "Manage settings", "Copy to clipboard"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MIN_MESSAGES = 12  # a language with fewer translated is left out


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec and spec.origin else None


def _read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a gettext catalog (singular messages with a translation)."""
    messages: dict[str, str] = {}
    msgid = msgstr = None
    part = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("msgid_plural", "msgstr[")):
            part = None
            msgstr = None if line.startswith("msgid_plural") else msgstr
        elif line.startswith("msgid "):
            if msgid and msgstr:
                messages.setdefault(msgid, msgstr)
            msgid, msgstr, part = ast.literal_eval(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, part = ast.literal_eval(line[7:]), "str"
        elif line.startswith('"') and part == "id" and msgid is not None:
            msgid += ast.literal_eval(line)
        elif line.startswith('"') and part == "str" and msgstr is not None:
            msgstr += ast.literal_eval(line)
    if msgid and msgstr:
        messages.setdefault(msgid, msgstr)
    return messages


_THEME_STRING = re.compile(r'"([\w.]+)": "((?:[^"\\]|\\.)*)"')


def _theme_messages(lang: str) -> dict[str, str]:
    """English -> `lang` of mkdocs-material's strings that its translators translated (an
    untranslated one falls back to the English)."""
    material = _package_dir("material")
    if not material:
        return {}
    folder = material / "templates" / "partials" / "languages"
    path = folder / f"{THEME_LOCALES.get(lang, lang)}.html"
    if not path.exists():
        return {}
    english = dict(_THEME_STRING.findall((folder / "en.html").read_text(encoding="utf-8")))
    own = dict(_THEME_STRING.findall(path.read_text(encoding="utf-8")))
    return {english[key]: value for key, value in own.items() if key in english and value != english[key]}


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """The translations of `lang` in Django's, Sphinx's and mkdocs-material's catalogs (first found
    wins). Read once per language: every page of it asks again. Not to be changed by callers."""
    messages: dict[str, str] = {}
    django, sphinx = _package_dir("django"), _package_dir("sphinx")
    folders = []
    if django:
        folders += [django / "contrib" / "admin" / "locale", django / "conf" / "locale", django / "contrib" / "auth" / "locale",
                    django / "contrib" / "humanize" / "locale"]
    if sphinx:
        folders.append(sphinx / "locale")
    locale = LOCALES[lang]
    for folder in folders:
        for po in sorted((folder / locale / "LC_MESSAGES").glob("*.po")):
            for msgid, msgstr in _read_po(po).items():
                messages.setdefault(msgid, msgstr)
    for english, translated in _theme_messages(lang).items():
        messages.setdefault(english, translated)
    return messages


def _usable(messages: dict[str, str], wanted: list[str]) -> list[str]:
    return [messages[m] for m in wanted if m in messages and "%" not in messages[m] and "{" not in messages[m]
            and len(messages[m]) < 40]


def available() -> list[str]:
    """The chrome languages the installed catalogs translate enough of."""
    return [lang for lang in sorted(LOCALES) if len(_usable(catalog(lang), NAVIGATION + FORM + FOOTER)) >= MIN_MESSAGES]


def _links(items: list[str], css: str) -> str:
    return f'<ul class="{css}">' + "".join(f'<li><a href="/{css}/{n}">{escape(t)}</a></li>' for n, t in enumerate(items)) + "</ul>"


def chrome(lang: str, layout: str, title: str, paragraphs: list[str], html_lang: str | None, jsonld: str,
           description: str, seed: str) -> str:
    """A whole page: the catalog's chrome around the article (title + paragraphs)."""
    messages = catalog(lang)
    rnd = random.Random(seed)
    navigation = _usable(messages, NAVIGATION)
    rnd.shuffle(navigation)
    days, months = _usable(messages, DAYS), _usable(messages, MONTHS)
    if days and months:
        date = f"{rnd.choice(days)}, {rnd.randint(1, 28)} {rnd.choice(months)} 2026"
    else:  # Django has no day and month names for it: the CLDR's full date, as a theme's locale prints it
        from babel.dates import format_date

        date = format_date(datetime.date(2026, 12, rnd.randint(1, 28)), format="full", locale=lang)
    attrs = f' lang="{html_lang}"' if html_lang else ""
    if lang in RTL:
        attrs += ' dir="rtl"'
    head = (f'<head><meta charset="utf-8"><title>{escape(title)}</title><meta property="og:title" content="{escape(title)}">'
            f'<meta property="og:description" content="{escape(description)}">'
            f'<script type="application/ld+json">{jsonld}</script></head>')
    menu_size = 14 if layout == "full" else 5
    header = (f'<header><div class="date-line">{escape(date)}</div>'
              f'<nav class="main-nav">{_links(navigation[:menu_size], "menu")}</nav></header>')
    article = (f'<article><h1>{escape(title)}</h1><div class="entry-content">'
               + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</div></article>")
    footer_items = _usable(messages, FOOTER) if layout == "full" else navigation[menu_size:menu_size + 2]
    footer = f'<footer>{_links(footer_items, "footer-menu")}</footer>'
    if layout == "sparse":
        return f"<!DOCTYPE html><html{attrs}>{head}<body>{header}<main>{article}</main>{footer}</body></html>"
    form_labels = _usable(messages, FORM)
    form = ('<section class="comments"><form>' + "".join(f"<p><label>{escape(label)}</label><input type='text'></p>"
                                                        for label in form_labels[:3])
            + (f'<button type="submit">{escape(form_labels[3])}</button>' if len(form_labels) > 3 else "") + "</form></section>")
    sidebar = f'<aside class="sidebar">{_links(navigation[menu_size:menu_size + 6], "widget")}</aside>'
    return f"<!DOCTYPE html><html{attrs}>{head}<body>{header}<main>{article}{form}{sidebar}</main>{footer}</body></html>"
