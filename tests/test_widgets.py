"""Each widget kind is removed and counted, on markup as real themes write it; the article survives."""

from __future__ import annotations

import pytest

from newsspider.extraction.document import element_text, parse_html
from newsspider.extraction.widgets import is_ad_label, remove_widgets

ARTICLE = "".join(
    f"<p>Paragraph {n} of the story tells readers what happened at the harbour this week, "
    f"with enough words to look like the body of a real news article.</p>" for n in range(1, 7)
)

WIDGETS = {
    "ads": [
        '<div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Advertisement -</span></div>',
        '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>',
        "<div><div>- Advertisement -</div><div>spot_imgspot_img</div></div>",
        "<div>Publicité</div>",
        '<div id="div-gpt-ad-12345" class="ad-container"></div>',
        '<div class="slot-top"><span class="icon"></span>\n    Anzeige\n</div>',  # the label is the text after an icon
        "<p>Wer\u00adbung</p>",  # a soft hyphen the reader never sees
    ],
    "comments": [
        '<div id="disqus_thread"><p>Loading comments…</p></div>',
        '<section id="comments" class="comments-area"><h2>3 Comments</h2><ol class="comment-list"><li>Great piece.</li></ol></section>',
        '<div><h3>Laisser un commentaire</h3><form action="/wp-comments-post.php"><textarea name="comment"></textarea><input type="submit" value="Publier"></form></div>',
    ],
    "related": [
        '<div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another</a></li></ul></div>',
        '<div><h4>Lesen Sie auch</h4><ul><li><a href="/c">Ein anderer Artikel über den Hafen</a></li></ul></div>',
        '<aside class="jp-relatedposts"><a href="/d">More</a></aside>',
        # Hashed classes: the part is named by its test id only.
        '<section class="nb-ddd60156_pb0" data-testid="article-teaser-list-widget"><h3 class="nb-7730661e"><span>Hoofdpunten</span></h3>'
        '<ul class="nb-9d6383c7"><li><a href="/e">Ministers bekend: alle partijen keuren het akkoord goed</a></li></ul></section>',
    ],
    "share": [
        '<div class="share-buttons"><a href="https://facebook.invalid/share">Facebook</a><a href="#">Twitter</a></div>',
        '<ul class="social-share"><li>Partager</li></ul>',
    ],
    "newsletter": [
        '<div class="newsletter-signup"><h3>Our newsletter</h3><input type="email"></div>',
        '<form action="/subscribe"><input type="email" name="email"><button>Sign up</button></form>',
    ],
    "cookie": [
        '<div id="cookie-consent"><p>We use cookies.</p><button>OK</button></div>',
        "<div><p>This website uses cookies to give you the best experience. <a href='/privacy'>Learn more</a></p></div>",
    ],
    "author_bio": ['<div class="author-box"><p>Jane Doe covers the city council.</p></div>'],
    "read_more": ['<div class="read-more-box"><a href="/e">Read more: the ferry timetable</a></div>'],
}


def page(widget: str, *, inside: bool = False) -> str:
    middle = ARTICLE.index("<p>Paragraph 4")
    content = ARTICLE[:middle] + widget + ARTICLE[middle:] if inside else ARTICLE
    after = "" if inside else widget
    return f"<html><body><article class='post has-comments'><h1>Title</h1><div class='entry-content'>{content}</div></article>{after}</body></html>"


@pytest.mark.parametrize("kind,widget", [(k, w) for k, ws in WIDGETS.items() for w in ws])
@pytest.mark.parametrize("inside", [False, True])
def test_widget_is_removed_and_counted(kind, widget, inside):
    tree, _ = parse_html(page(widget, inside=inside))
    before = element_text(tree)
    report = remove_widgets(tree)
    after = element_text(tree)
    assert report.counts[kind] >= 1, dict(report.counts)
    assert sum(report.counts.values()) == report.counts[kind]  # nothing else taken
    widget_text = element_text(parse_html(f"<html><body>{widget}</body></html>")[0])
    if widget_text:
        assert widget_text not in after
    # The article is untouched.
    for n in range(1, 7):
        assert f"Paragraph {n} of the story" in after
    assert len(after) < len(before) or not widget_text


def test_scripts_styles_and_head_go_and_count_as_no_widget_while_json_ld_stays():
    related = ("<h3>Related</h3>{}<ul><li><a href='/a'>Another story about the harbour</a></li>"
               "<li><a href='/b'>Yet another story about the ferry</a></li></ul>")
    scripts = "<script>loadTeasers({limit: 4})</script><style>.teaser{color:red}</style><svg><text>icon</text></svg>"
    def cleaned(widget_markup: str):
        tree, _ = parse_html(
            '<html><head><title>Harbour</title><meta name="description" content="The harbour">'
            '<script type="application/ld+json">{"@type": "NewsArticle"}</script><script src="/app.js"></script></head><body>'
            f"<article>{ARTICLE}<div class='box'>{widget_markup}<p>{'A closing paragraph of the story. ' * 3}</p></div>"
            "</article><p>Text after <script>track()</script>the script stays.</p></body></html>")
        return tree, remove_widgets(tree)

    tree, report = cleaned(related.format(scripts))
    _, without_scripts = cleaned(related.format(""))
    assert report.counts == without_scripts.counts and report.counts["related"] >= 1
    assert not list(tree.iter("style", "svg")) and [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert [e.tag for e in tree.find("head")] == ["script"]  # the metadata are read from the page as served
    assert "Text after the script stays." in element_text(tree)


def test_article_wrapper_with_widget_words_in_its_class_is_kept():
    html_text = f"<html><body><div class='post-share-wrap comments-enabled'>{ARTICLE}</div></body></html>"
    tree, _ = parse_html(html_text)
    report = remove_widgets(tree)
    assert "Paragraph 6 of the story" in element_text(tree)
    assert not report.counts


def test_words_that_only_contain_ad_are_not_ads():
    html_text = f"<html><body><header class='header masthead'><a href='/'>Home</a></header><div class='shadow loaded'>{ARTICLE}</div><div class='headline'>Lead story</div></body></html>"
    tree, _ = parse_html(html_text)
    assert not remove_widgets(tree).counts


@pytest.mark.parametrize("text,expected", [
    ("- Advertisement -spot_imgspot_img", True), ("Advertisement", True), ("Anzeige", True), ("PUBLICITÉ", True),
    ("- Advertisement -", True), ("Advertisement revenue fell by a third last year", False), ("Ad", False),
    ("Werbung für Zigaretten bleibt verboten", False),
])
def test_ad_labels(text, expected):
    assert is_ad_label(text) is expected


def test_every_cookie_phrase_names_cookies():
    # The widget pass skips the text walk of long blocks that do not say "cookie" (widgets._classify).
    from newsspider.extraction.vocabulary import COOKIE_PHRASES

    assert all("cookie" in phrase for phrases in COOKIE_PHRASES.values() for phrase in phrases)


def test_a_video_player_named_by_its_test_id_keeps_its_caption():
    # A test id "player" wraps the video and the caption under it, which is the story's text.
    player = "<div data-testid='player'><video></video><p>The harbour master explains the new ferry timetable to the council.</p></div>"
    tree, _ = parse_html(f"<html><body><article>{ARTICLE}{player}</article></body></html>")
    report = remove_widgets(tree)
    assert "explains the new ferry timetable" in element_text(tree) and not report.counts
