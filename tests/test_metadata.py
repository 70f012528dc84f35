"""Metadata failure classes seen on publishers' pages, each pinned by a small page written for it."""

from __future__ import annotations

import json

import lxml.html

from newsspider.extraction.metadata import extract_metadata


def metadata(head: str = "", body: str = "", jsonld: dict | list | None = None, url: str = "https://news.example/2024/04/story.html"):
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld is not None else ""
    tree = lxml.html.document_fromstring(f"<html><head>{head}{script}</head><body>{body}<p>Text.</p></body></html>")
    return extract_metadata(tree, url)


def test_html_entities_in_json_ld_and_meta_are_decoded():
    meta = metadata(jsonld={"@type": "NewsArticle", "headline": "Strava&#8217;s &#8216;family&#8217; plan &amp;amp; more"})
    assert meta.title == "Strava’s ‘family’ plan & more"
    assert metadata('<meta property="og:title" content="R&amp;uuml;ckbau von AKW">').title == "Rückbau von AKW"


def test_a_person_with_only_given_and_family_name():
    meta = metadata(jsonld={"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "givenName": "Ada", "familyName": "Lovelace"}})
    assert meta.authors == ["Ada Lovelace"]


def test_an_article_nested_under_a_web_page_or_a_graph():
    nested = {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Nested headline", "author": {"name": "Jo Bloggs"}}}
    assert metadata(jsonld=nested).authors == ["Jo Bloggs"]
    graph = {"@graph": [{"@type": "WebSite", "name": "Site"}, {"@type": "NewsArticle", "headline": "In a graph", "author": [{"name": "A B"}]}]}
    assert metadata(jsonld=graph).title == "In a graph"


def test_the_site_suffix_is_learned_from_the_page_itself():
    head = '<title>Bubi-Bomber wieder da: Thioune fordert Geduld | Sport</title><meta property="og:title" content="Bubi-Bomber wieder da: Thioune fordert Geduld">'
    assert metadata(head).title == "Bubi-Bomber wieder da: Thioune fordert Geduld"
    named = '<title>Story of the day - The Courier</title><meta property="og:site_name" content="The Courier">'
    assert metadata(named).title == "Story of the day"
    # A dash inside a headline that no other title of the page lacks is part of the headline.
    assert metadata("<title>Your $1 bill could be worth thousands - here's how to check</title>").title.endswith("how to check")


def test_a_site_suffix_of_several_parts_or_without_spaces_goes_when_the_headline_lacks_it():
    assert metadata("<title>Scholz in Peking | DW | 28.04.2023</title>", body="<h1>Scholz in Peking</h1>").title == "Scholz in Peking"
    assert metadata("<title>윤 대통령, 방미 일정 마무리 -정치ㅣ한국일보</title>", body="<h1>윤 대통령, 방미 일정 마무리</h1>").title == "윤 대통령, 방미 일정 마무리"
    # Nothing on the page shows the headline without the tail: it stays.
    assert metadata("<title>Scholz in Peking | DW | 28.04.2023</title>").title == "Scholz in Peking | DW | 28.04.2023"



def test_a_byline_or_a_full_width_separator_after_the_site_name_goes_too():
    # The named site goes first; the byline left behind goes because the <h1> is the headline
    # without it, even with a typographic apostrophe where og:title has a straight one.
    head = ('<meta property="og:site_name" content="The Daily Post"><meta property="og:title" '
            'content="Roommate agrees to talk to Kohberger\'s lawyers | The Daily Post | by Cristina Laila">')
    assert metadata(head, body="<h1>Roommate agrees to talk to Kohberger’s lawyers</h1>").title == "Roommate agrees to talk to Kohberger's lawyers"
    starred = '<meta property="og:title" content="Zelensky considers firing top general * The Daily Post * by Paul Serran">'
    assert metadata(starred, body="<h1>Zelensky considers firing top general</h1>").title == "Zelensky considers firing top general"
    # Japanese titles join the site's name with a full-width bar or colon, no spaces.
    assert metadata('<meta property="og:title" content="協賛企業が総スカン｜日刊ニュースDIGITAL">',
                    body="<h1>協賛企業が総スカン</h1>").title == "協賛企業が総スカン"
    named = '<meta property="og:site_name" content="朝日新聞デジタル"><meta property="og:title" content="津波注意報 気象庁：朝日新聞デジタル">'
    assert metadata(named).title == "津波注意報 気象庁"

def test_a_topic_label_before_the_visible_headline_is_not_the_title():
    head = '<meta property="og:title" content="Ukraine-Krieg: Kiew meldet Angriffe auf Energieanlagen">'
    assert metadata(head, body="<h1>Kiew meldet Angriffe auf Energieanlagen</h1>").title == "Kiew meldet Angriffe auf Energieanlagen"
    # A headline that merely ends like the <h1> keeps its own words.
    whole = '<meta property="og:title" content="Why the vote matters for Europe and the world">'
    assert metadata(whole, body="<h1>Europe and the world</h1>").title == "Why the vote matters for Europe and the world"


def test_authors_are_split_at_and_in_many_languages_and_at_commas():
    assert metadata('<meta name="author" content="Felix Schröder und Jörg Soldwisch, dpa">').authors == ["Felix Schröder", "Jörg Soldwisch", "dpa"]
    assert metadata('<meta name="author" content="Trine Jørgensen og Tôrtia Reimer">').authors == ["Trine Jørgensen", "Tôrtia Reimer"]
    assert metadata('<meta name="author" content="Smith, John">').authors == ["Smith, John"]
    # article:author written with name= instead of property=
    assert metadata('<meta name="article:author" content="Ana Lima">').authors == ["Ana Lima"]


def test_reporter_suffixes_initials_and_e_mail_addresses_are_not_names():
    assert metadata('<meta name="author" content="김철수 기자">').authors == ["김철수"]
    assert metadata('<meta name="author" content="山田太郎記者">').authors == ["山田太郎"]
    assert metadata('<meta name="author" content="王小明 报道">').authors == ["王小明"]
    # A byline's label in more languages: "记者 …", "Oleh: …", "Autor: …".
    for line, name in (("记者 王小明", "王小明"), ("Oleh: Budi Santoso", "Budi Santoso"), ("Autor: Jan Kowalski", "Jan Kowalski")):
        assert metadata(body=f"<h1>Title</h1><p>{line}</p>").authors == [name], line
    assert metadata('<meta name="author" content="Oliver Beck (obe)">').authors == ["Oliver Beck"]
    credits = '<h1>Title</h1><p class="byline">by <a rel="author" href="/profile/ana-ruiz">Ana Ruiz</a> (reporting) and Tim Cole (photography)</p>'
    assert metadata(body=credits).authors == ["Ana Ruiz", "Tim Cole"]
    meta = metadata('<meta name="author" content="newsdesk@news.example">'
                    '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Mia Chen">')
    assert meta.authors == ["Mia Chen"]


def test_the_publisher_gives_way_to_a_person_named_elsewhere():
    head = '<meta property="og:site_name" content="Stern"><meta name="author" content="Jemima Kelly">'
    meta = metadata(head, jsonld={"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "stern.de"}},
                    url="https://www.stern.de/politik/story-1234.html")
    assert meta.authors == ["Jemima Kelly"]
    # When no one else is named, the publisher's byline is the byline (an agency, "BBC News").
    alone = metadata(jsonld={"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "Associated Press"}})
    assert alone.authors == ["Associated Press"]
    domain = metadata('<meta name="author" content="Deutsche Welle (www.dw.com)">', body='<p class="byline">Von Jana Beck</p>')
    assert domain.authors == ["Jana Beck"]
    # A magazine's name with an ampersand is one name, the site's: not the people "Mac" and "i".
    magazine = '<meta name="author" content="Mac &amp; i"><meta property="og:site_name" content="Mac &amp; i">'
    assert metadata(magazine, body='<h1>Title</h1><p class="byline">Von Jana Beck</p>').authors == ["Jana Beck"]
    assert metadata(magazine).authors == ["Mac & i"]
    duplicate = metadata('<meta name="author" content="Sophie Foster, sophie-foster">')
    assert duplicate.authors == ["Sophie Foster"]
    # The copyright holder in the author meta is the publisher group, whatever its name looks like.
    group = ('<meta name="author" content="Mercer Media"><meta name="copyright" content="Copyright (c) Mercer Media 2024">'
             '<meta property="article:author" content="Lena Hartmann">')
    assert metadata(group).authors == ["Lena Hartmann"]
    blog = '<meta name="author" content="Lena Hartmann"><meta name="copyright" content="© 2024 Lena Hartmann">'
    assert metadata(blog).authors == ["Lena Hartmann"]  # a blog's owner signs her own posts


def test_a_visible_byline_named_by_its_class_outside_teaser_cards():
    publisher = {"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "mdr.de"}}
    page = ('<div class="articleMeta"><p class="author"><a href="mailto:d@mdr.de">David Straub, MDR THÜRINGEN</a></p>'
            '<time>28.04.2023, 10:12 Uhr</time></div>'
            '<ul class="teaserList"><li><article class="card"><div class="card__meta">'
            '<span class="e-byline__author">Jack Rear</span></div></article></li></ul>')
    # The desk named after the publisher ("MDR THÜRINGEN") is not a person; the teaser's author is another story's.
    assert metadata(body=page, jsonld=publisher, url="https://www.mdr.de/nachrichten/story-100.html").authors == ["David Straub"]
    stern = ('<div class="authors typo-article-info"><ul class="u-blanklist"><li class="authors__list-item">'
             '<span class="typo-article-info-bold">Jemima Kelly</span></li></ul></div>')
    assert metadata(body=stern).authors == ["Jemima Kelly"]
    # Dates, times and sentences in an author-named element are not names.
    noisy = '<div class="post-author">by Stephanie Bazzle</div><span class="author-date">Jul. 19, 2026 9:00 am</span>'
    assert metadata(body=noisy).authors == ["Stephanie Bazzle"]


def test_a_signature_in_bold_that_opens_the_story():
    site = '<meta property="og:site_name" content="Lesotho Times">'
    body = ('<article><div class="entry-content"><p>\u00a0</p><p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>'
            '<p>A Chinese-owned crusher and quarry mining company has come under fire from villagers.</p></div></article>')
    meta = metadata(site, body=body, jsonld={"@type": "NewsArticle", "headline": "H", "author": {"name": "Lesotho Times"}},
                    url="https://lestimes.com/story/")
    assert meta.authors == ["Mathatisi Sebusi", "Mohalenyane Phakela"]
    # A bold opening sentence is not a signature.
    lead = '<article><p><strong>IN the heart of Lesotho, where tales of struggle abound</strong></p></article>'
    assert metadata(body=lead).authors == []


def test_utf8_decoded_twice_is_repaired():
    meta = metadata(jsonld={"@type": "NewsArticle", "headline": "Crash-Tarif jetzt fÃ¼r nur 5,99 Euro"})
    assert meta.title == "Crash-Tarif jetzt für nur 5,99 Euro"


def test_a_date_only_in_the_visible_date_line_or_an_odd_meta_spelling():
    body = '<article><h1>Headline</h1><div class="dateline">Veröffentlicht am 25.04.2024, 14:07 Uhr</div></article>'
    assert metadata(body=body, url="https://news.example/kultur/beitrag/story.html").published_at.startswith("2024-04-25")
    odd = '<meta property="article:published:time" content="2024-04-17T06:00:00+02:00">'
    assert metadata(odd).published_at == "2024-04-17T06:00:00+02:00"
    # A meta that spells the zone by its name ("PST", "MESZ") keeps its offset.
    named = '<meta property="article:published_time" content="April 17, 2024 7:11 AM PDT">'
    assert metadata(named).published_at == "2024-04-17T07:11:00-07:00"


def test_the_update_time_and_other_stories_times_are_not_the_publishing_date():
    marked = ('<p>Updated <time datetime="2024-05-02T10:00:00Z" class="updated">2 May</time></p>'
              '<p>Published <time datetime="2024-05-01T08:00:00Z">1 May</time></p>')
    meta = metadata(body=marked)
    assert (meta.published_at, meta.modified_at) == ("2024-05-01T08:00:00+00:00", "2024-05-02T10:00:00+00:00")
    said = '<p>Posted <time datetime="2024-05-01T08:00:00Z">1 May</time> · Aktualisiert <time datetime="2024-05-03T08:00:00Z">3 May</time></p>'
    assert metadata(body=said).modified_at == "2024-05-03T08:00:00+00:00"
    # A teaser's or an aside's time belongs to another story: the date line decides.
    teaser = ('<article><h1>Headline</h1><div class="meta">Published 1 May 2024</div>'
              '<aside><time datetime="2023-01-01">Old story</time></aside>'
              '<div class="teaser"><time datetime="2022-06-01">Older story</time></div></article>')
    assert metadata(body=teaser, url="https://news.example/politik/story.html").published_at == "2024-05-01"


def test_a_visible_byline_is_the_one_under_the_headline_with_names_only():
    menu = ('<header><h1>Daily Paper</h1><ul class="nav"><li class="arrow-box"><div class="smr-widget"><ul>'
            '<li class="smr-post"><div class="story-info"><span class="byline">Joanna Rothkopf</span></div></li></ul></div></li></ul></header>')
    article = ('<article><h2>Why neon lasted</h2><div class="meta"><span class="byline"><a href="/a/eskow">Richard (R.J.) Eskow</a></span>'
               '<a class="byline" href="/a/eskow">More Richard (R.J.) Eskow.</a></div><p>Text of the story.</p></article>'
               '<div class="river"><div class="entry"><div class="c-byline">By Todd VanDerWerff</div></div></div>')
    # The headline here is an <h2>: the menu's story list (before it) is left out, the river after the byline too.
    assert metadata(body=menu + article).authors == ["Richard (R.J.) Eskow"]
    titled = ('<h1>Title</h1><div class="c-byline">By <span class="c-byline__item">Alissa Wilkinson@alissamarie</span>'
              '<span class="c-byline__item">Updated Jul 24, 2018, 2:15pm EDT</span></div>')
    assert metadata(body=titled).authors == ["Alissa Wilkinson"]
    affiliated = ('<h1>Title</h1><p class="author">Daniel Kahn Gillmor, Senior Staff Technologist, '
                  'ACLU Speech, Privacy, and Technology Project</p>')
    assert metadata(body=affiliated).authors == ["Daniel Kahn Gillmor"]
    posted = '<h1>Title</h1><div class="post-author">Posted by Andrew Zonenberg</div><div class="author-box">Privacy</div>'
    assert metadata(body=posted).authors == ["Andrew Zonenberg"]
    related = ('<h1>Title</h1><div class="meta"><div class="c-byline"><ol class="c-meta__byline"><li class="c-meta__author">'
               'Sarah Archer</li></ol></div></div><section class="more"><div><div><div><h5 class="c-author-article__title">'
               'Laura Bliss</h5></div></div></div></section>')
    assert metadata(body=related).authors == ["Sarah Archer"]


def test_a_source_link_label_in_any_listed_language_names_the_original():
    links = [
        '<a href="https://www.reuters.example/world/story-1">Source link</a>',
        '<a href="https://www.dpa.example/a/2">Quelle:</a>',
        '<a href="https://www.afp.example/b/3"><span>Lien</span> <b>source</b></a>',  # the label's words in two elements
        '<a href="https://www.tass.example/c/4">Источник</a>',
        '<a href="https://www.ap.example/d/5"><svg><title>External link</title></svg> Source link</a>',  # an icon first
        '<a href="https://www.ansa.example/e/6">\u200bFonte</a>',  # an invisible character first
    ]
    for link in links:
        body = '<nav><a href="/news/">News about the source of the river</a></nav><p>Story.</p>' + link
        assert metadata(body=body).source_url == lxml.html.fromstring(link).get("href"), link
    # An anchor that only mentions a label word is not the label.
    assert metadata(body='<a href="https://other.example/x">Read the source code on GitHub</a>').source_url is None


def test_a_byline_whose_name_and_job_title_touch_in_the_markup_keeps_the_name_only():
    # No space between the elements: the style sheet sets them apart, the text must too.
    glued = ('<h1>Title</h1><div class="c-article-header__author"><em>Von</em><a href="/autor/ulrich-exner/">Ulrich Exner</a>'
             '<span>Korrespondent</span></div>')
    assert metadata(body=glued).authors == ["Ulrich Exner"]
    dated = ('<h1>Title</h1><div class="byline"><span>By</span><a href="/people/houston-mitchell">Houston Mitchell</a>'
             '<span>Assistant Sports Editor</span><span>Follow</span><span>June 26, 2023</span></div>')
    assert metadata(body=dated).authors == ["Houston Mitchell"]
    # German writes the desk into the job title; the shorter reading of the same byline wins.
    desk = ('<h1>Title</h1><div class="author-box"><span class="author">Holger Zschäpitz Leitender Wirtschaftsredakteur</span>'
            '<a class="author-link" href="/x">Holger Zschäpitz</a></div>')
    assert metadata(body=desk).authors == ["Holger Zschäpitz"]


def test_names_listed_with_bare_commas_in_a_script_without_spaces_are_split():
    assert metadata('<meta name="author" content="By 배윤경,이상현,한수진,김혜진">').authors == ["배윤경", "이상현", "한수진", "김혜진"]
    assert metadata('<meta name="author" content="Smith, John">').authors == ["Smith, John"]


def test_a_link_to_the_author_s_own_page_is_a_byline_without_any_class():
    linked = '<h1>Title</h1><div class="BNjr"><span><a class="BQkg" href="/wissen/autoren/jan-kixmuller">Jan Kixmüller</a></span></div>'
    assert metadata(body=linked).authors == ["Jan Kixmüller"]
    spelled_out = '<h1>Title</h1><p><a href="https://news.example/autor/jan-kixmueller.html">Jan Kixmüller</a></p>'
    assert metadata(body=spelled_out).authors == ["Jan Kixmüller"]
    # Links to the newsroom's pages about its authors name nobody.
    newsroom = ('<h1>Title</h1><a href="/ueber-uns/journalistische-prinzipien-so-arbeitet-die-redaktion.html">So arbeitet die Redaktion</a>'
                '<a href="/autoren/">Alle Autoren</a><a href="/authors/index.html">著者一覧</a>')
    assert metadata(body=newsroom).authors == []


def test_a_byline_named_only_by_its_test_id_or_printed_as_a_by_line_under_the_headline():
    # Hashed classes: the byline's part is named in a test id.
    tested = ('<h1>Title</h1><div data-testid="byline-contributors"><span class="sc-e56a">Duncan Walker</span>'
              '<span class="sc-e57b">BBC News</span><button>Add as preferred on Google</button></div>')
    assert metadata('<meta property="og:site_name" content="BBC">', body=tested).authors == ["Duncan Walker"]
    prefixed = '<h1>Title</h1><div class="a1qvtegb"><span class="m211382">von Katja Belousova</span></div><p>Text.</p>'
    assert metadata(body=prefixed).authors == ["Katja Belousova"]
    # A "By" line names all its authors: the next one is another story's.
    stories = ('<h1>Weekly edition</h1><div class="FeatureByline">By Nathan Willis, March 25, 2015</div><p>One.</p>'
               '<h2>Another story</h2><div class="FeatureByline">By Jonathan Corbet, March 25, 2015</div>')
    assert metadata(body=stories).authors == ["Nathan Willis"]
    # A heading that opens with "Von" is not a byline: names hold no lower-case words but particles.
    assert metadata(body="<h1>Title</h1><h2>Von Berlin nach Paris</h2>").authors == []
    assert metadata(body="<h1>Title</h1><p class='byline'>By Ursula von der Leyen</p>").authors == ["Ursula von der Leyen"]


def test_a_byline_line_keeps_the_authors_and_not_degrees_newsrooms_or_editors():
    lines = '<h1>Title</h1><div class="author_fmt">By <a rel="author" href="/brenda-goodman">Brenda  Goodman, MA</a><br>WebMD Health News</div>'
    assert metadata(body=lines).authors == ["Brenda Goodman"]
    edited = '<h1>Title</h1><p class="byline author">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>'
    assert metadata(body=edited).authors == ["Rob Ewaschuk"]
    assert metadata('<meta name="author" content="Euronews with agencies">').authors == ["Euronews"]


def test_a_publishing_day_gives_way_to_the_same_day_s_time_and_a_local_time_takes_the_page_s_offset():
    day_then_time = ('<meta name="date.available" content="2024-04-30 16:38:37 +02:00">',
                     '<h1>Headline</h1><time datetime="2024-04-30">30/04/2024 - 16:38</time>')
    assert metadata(*day_then_time).published_at == "2024-04-30T16:38:37+02:00"
    assert metadata('<meta name="cXenseParse:publishtime" content="2023-04-28T13:53:25Z">').published_at == "2023-04-28T13:53:25+00:00"
    # A time of another day is another date: the day stays.
    other_day = ('<meta name="date.available" content="2024-05-02 09:00:00 +02:00">', '<h1>H</h1><time datetime="2024-04-30"></time>')
    assert metadata(*other_day).published_at == "2024-04-30"
    local = ('<meta property="article:modified_time" content="2023-04-28T19:02:00+02:00">',
             '<h1>H</h1><time datetime="2023-04-28T18:16">28.04.2023, 18:16 Uhr</time>')
    meta = metadata(*local)
    assert (meta.published_at, meta.modified_at) == ("2023-04-28T18:16:00+02:00", "2023-04-28T19:02:00+02:00")


def test_a_title_tail_that_names_the_site_s_host_goes_without_any_other_title_to_compare():
    assert metadata("<title>Ist die Bratwurst eine Illusion? | MDR.DE</title>", url="https://www.mdr.de/nachrichten/x-100.html").title == "Ist die Bratwurst eine Illusion?"
    assert metadata("<title>Scholz in Peking | DW | 28.04.2023</title>", url="https://www.dw.com/de/scholz/a-1").title == "Scholz in Peking"
    # A tail that merely holds the host's word is the headline's.
    assert metadata("<title>Das ist - ein Test</title>", url="https://www.test.de/a").title == "Das ist - ein Test"


def test_a_visible_byline_that_names_the_tagged_author_and_others_names_them_all():
    first_only = '<meta name="author" content="Dominik Bath">'
    byline = ('<h1>Title</h1><address class="not-italic">Von <a rel="author" href="/autoren/dominik-bath/">Dominik Bath</a> und '
              '<a rel="author" href="/autoren/theresa-martus/">Theresa Martus</a></address>')
    assert metadata(first_only, body=byline).authors == ["Dominik Bath", "Theresa Martus"]
    # Some of the names linked, the rest printed: the line names them all, however long it is.
    listed = ('<h1>Title</h1><address class="not-italic">Von <a rel="author" href="/autoren/annalena-bergmann/">Annalena Bergmann</a>, '
              '<a rel="author" href="/autoren/tom-kaiser/">Tom Kaiser</a>, <span>Magdalena Wolff</span> und <span>Jakob Hartmann</span></address>')
    assert metadata(body=listed).authors == ["Annalena Bergmann", "Tom Kaiser", "Magdalena Wolff", "Jakob Hartmann"]
    # A long line that opens with "Von" and is a sentence names no one.
    sentence = '<h1>Title</h1><p><span>Von Berlin aus fuhren die beiden Minister am Montag nach Paris, wo sie den Präsidenten trafen.</span></p>'
    assert metadata(body=sentence).authors == []
    # A byline without the tagged author is another story's: the tag stands.
    other = '<h1>Title</h1><p class="byline">By John Roe and Max Mustermann</p>'
    assert metadata('<meta name="author" content="Jane Doe">', body=other).authors == ["Jane Doe"]
    # A column's name before "By" is a label, and the tag's spelling of the name is kept.
    column = '<h1>Title</h1><div class="byline"><span>Deal Professor</span> By STEVEN DAVIDOFF SOLOMON and Jane Doe</div>'
    assert metadata('<meta name="author" content="Steven Davidoff Solomon">', body=column).authors == ["Steven Davidoff Solomon", "Jane Doe"]


def test_a_genre_label_before_the_by_word_and_a_company_are_not_names():
    for line, name in (("Ein Kommentar von Corinna Budras", "Corinna Budras"), ("Analysis by Jane Doe", "Jane Doe"),
                       ("Une analyse de Marie Dupont", "Marie Dupont"), ("Von Ursula von der Leyen", "Ursula von der Leyen")):
        assert metadata(body=f'<h1>Title</h1><p class="byline">{line}</p>').authors == [name], line
    # A company's legal form marks the publisher: a person named later is the author ...
    company = '<meta name="author" content="Frankfurter Allgemeine Zeitung GmbH">'
    assert metadata(company, body='<h1>Title</h1><p class="byline">Von Ralf Euler</p>').authors == ["Ralf Euler"]
    # ... and names that merely end like one are people's.
    assert metadata('<meta name="author" content="Ana Sa">').authors == ["Ana Sa"]


def test_a_day_read_from_the_visible_date_line_keeps_the_time_printed_beside_it():
    for line, published in (("Veröffentlicht am 13. Mai 2026 um 15:44", "2026-05-13T15:44:00"),
                            ("Do 25.04.24 | 14:07 Uhr", "2024-04-25T14:07:00"),
                            ("Posted May 21, 2025 at 4:19 p.m.", "2025-05-21T16:19:00"),
                            # a zone's name after the time gives its offset; an ambiguous one (CST) none
                            ("Published April 17, 2024 7:11 AM PST", "2024-04-17T07:11:00-08:00"),
                            ("Do 25.04.24 | 14:07 Uhr MESZ", "2024-04-25T14:07:00+02:00"),
                            ("April 17, 2024 10:05 AM CST", "2024-04-17T10:05:00")):
        page = f'<h1>Headline</h1><div class="dateline">{line}</div><p>{"Text of the story. " * 20}</p>'
        assert metadata(body=page, url="https://news.example/story-of-the-day.html").published_at == published, line
    # "11.07" is a day and a month, not a time; a time beside another day is another date's.
    dotted = '<h1>Headline</h1><div class="dateline">11.07.2026</div><p>Updated 10.07.2026, 09:30</p>'
    assert metadata(body=dotted, url="https://news.example/story.html").published_at == "2026-07-11"


def test_a_name_made_only_of_newsroom_words_names_no_one():
    # "Nachrichten" ("news") in the author meta is a section's label: an empty list beats it.
    assert metadata('<meta name="author" content="Nachrichten">').authors == []
    assert metadata('<meta name="author" content="Redaktion">', body='<p class="byline">Von Jana Beck</p>').authors == ["Jana Beck"]
    # A newsroom word beside a name is still the publisher's byline when no one else signs.
    assert metadata('<meta name="author" content="BBC News">').authors == ["BBC News"]
    # A byline signed "…, Staff Writers" names its people and the newsroom: the newsroom goes.
    signed = '<h1>Headline</h1><p class="byline">By Takeo Maeda and Hana Ito, Harbour Shimbun Staff Writers</p>'
    assert metadata(body=signed).authors == ["Takeo Maeda", "Hana Ito"]


def test_a_link_titled_with_a_by_word_and_its_own_name_is_a_byline():
    # The byline links to a topic page, not an author folder: its title says whose content it lists.
    titled = ('<h1>Title</h1><p class="info"><a href="/thema/ana-pereira,145046_58/" title="Alle Inhalte von Ana Pereira">'
              'Ana Pereira</a> 28.04.2024 um 09:36 Uhr</p>')
    assert metadata(body=titled).authors == ["Ana Pereira"]
    english = '<h1>Title</h1><div><a href="/people/jo-bloggs" title="Posts by Jo Bloggs">Jo Bloggs</a></div>'
    assert metadata(body=english).authors == ["Jo Bloggs"]
    # A title that is the link's text alone, or that names whose homepage it is, names no author.
    plain = ('<h1>Title</h1><div><a href="/topics/climate" title="Climate Change">Climate Change</a>'
             '<a href="/radio" title="zur Homepage von Radio Nord">Radio Nord</a></div>')
    assert metadata(body=plain).authors == []


def test_a_byline_inside_a_link_to_another_story_is_that_story_s():
    # A recirculation teaser: one link around the other story's headline and its byline, with classes
    # that say nothing of teasers.
    teaser = ('<h1>Title</h1><div class="box"><a href="/artikel/other-story,1234.html"><div class="box-text">'
              '<div class="title">Duell der Flip-Handys: zwei Modelle im Vergleich, und es gibt einen klaren Gewinner</div>'
              '<div class="authors">von <span>Alana Weber</span></div></div></a></div>')
    assert metadata(body=teaser).authors == []
    # The same byline in a link of its own (to the author's page) is a byline.
    own = '<h1>Title</h1><div class="authors">von <a href="/people/alana-weber">Alana Weber</a></div>'
    assert metadata(body=own).authors == ["Alana Weber"]
    boxed = ('<h1>Title</h1><a href="/people/alana-weber"><span class="author-name">Alana Weber</span>'
             '<span>Redakteurin Politik</span></a>')
    assert metadata(body=boxed).authors == ["Alana Weber"]


def test_bylines_in_a_most_read_or_trending_box_are_other_stories():
    for box in ("most-read", "mostPopular", "trending-list"):
        page = (f'<h1>Title</h1><div class="author-wrap">dpa</div><p>Story.</p><div class="brick {box}"><div class="item">'
                '<a href="/other.html">Another story</a><div class="item-author">Von Christoph Weiler</div></div></div>')
        assert metadata(body=page).authors == [], box


def test_date_meta_tags_in_any_letter_case_and_numeric_days_read_as_written():
    assert metadata('<meta name="publishDate" content="2020-11-11 12:00:00.000-0600">').published_at == "2020-11-11T12:00:00-06:00"
    assert metadata('<meta name="DC.Date" content="2024-04-30">').published_at == "2024-04-30"
    # Dotted dates are day first: the 5th of August, whatever dateutil assumes.
    assert metadata('<meta name="date" content="05.08.2014">').published_at == "2014-08-05"
    # A slashed day that could be either is no evidence: the dateline's day is taken instead.
    slashed = metadata('<meta name="publish_date" content="05/08/2014 07:01:00">', body="<h1>H</h1><time datetime='2014-08-05T07:01:00'></time>")
    assert slashed.published_at == "2014-08-05T07:01:00"
    assert metadata('<meta name="publish_date" content="25/08/2014">').published_at == "2014-08-25"


def test_an_account_or_placeholder_in_the_author_field_names_no_one():
    for placeholder in ("admin", "Site Admin", "Guest", "undefined", "Unbekannt"):
        jsonld = {"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": placeholder}}
        assert metadata(jsonld=jsonld).authors == [], placeholder
        # ... and a person the page names elsewhere is the author.
        assert metadata(body="<h1>H</h1><p class='byline'>By John Roe</p>", jsonld=jsonld).authors == ["John Roe"], placeholder
