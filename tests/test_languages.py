"""Chrome language vs article language on the hard cases, by their real strings: a theme in one
language around an article in another, with the page's `lang` right, missing or wrong; Cyrillic
chrome around Latin text, CJK, right-to-left scripts; quotes in another language."""

from __future__ import annotations

import html
import json
import unicodedata
from collections import defaultdict

import pytest
from conftest import SHARED

from newsspider.extraction.language import article_language, chrome_language, paragraph_languages
from newsspider.extraction.stages import run
from newsspider.items import Page

# Theme strings as sites in each language print them: menu, date line, widgets, comment form, footer.
CHROME = {
    "fr": dict(menu=["Accueil", "Monde", "Politique", "Économie", "Contactez-nous"], date="mercredi, avril 17, 2024",
               related="Articles similaires", comment="S'il vous plaît entrez votre commentaire!",
               name="S'il vous plaît entrez votre nom ici", submit="Publier le commentaire",
               newsletter="Inscrivez-vous à notre lettre d'information", footer="© 2024 Tous droits réservés. Mentions légales"),
    "en": dict(menu=["Home", "World", "Politics", "Business", "Contact us"], date="Wednesday, April 17, 2024",
               related="Related stories", comment="Please enter your comment!", name="Please enter your name here",
               submit="Post comment", newsletter="Sign up for our newsletter", footer="© 2024 All rights reserved. Privacy policy"),
    "ru": dict(menu=["Главная", "Новости", "Политика", "Экономика", "Контакты"], date="среда, 17 апреля 2024",
               related="Читайте также", comment="Пожалуйста, введите ваш комментарий", name="Пожалуйста, введите ваше имя",
               submit="Отправить комментарий", newsletter="Подпишитесь на нашу рассылку", footer="© 2024 Все права защищены. Политика конфиденциальности"),
    "ja": dict(menu=["ホーム", "国際", "政治", "経済", "お問い合わせ"], date="2024年4月17日 水曜日",
               related="関連記事", comment="コメントを入力してください", name="お名前を入力してください",
               submit="コメントを送信", newsletter="ニュースレターに登録する", footer="© 2024 無断転載を禁じます。プライバシーポリシー"),
    "ar": dict(menu=["الرئيسية", "العالم", "سياسة", "اقتصاد", "اتصل بنا"], date="الأربعاء 17 أبريل 2024",
               related="مقالات ذات صلة", comment="يرجى إدخال تعليقك", name="يرجى إدخال اسمك هنا",
               submit="إرسال التعليق", newsletter="اشترك في نشرتنا الإخبارية", footer="© 2024 جميع الحقوق محفوظة. سياسة الخصوصية"),
    "de": dict(menu=["Startseite", "Welt", "Politik", "Wirtschaft", "Kontakt"], date="Mittwoch, 17. April 2024",
               related="Lesen Sie auch", comment="Bitte geben Sie Ihren Kommentar ein", name="Bitte geben Sie hier Ihren Namen ein",
               submit="Kommentar abschicken", newsletter="Melden Sie sich für unseren Newsletter an", footer="© 2024 Alle Rechte vorbehalten. Datenschutz"),
}


def eval_body(language: str) -> list[str]:
    """Paragraphs of a real article in `language` from ../shared/eval (fundus-dev first)."""
    for dataset in ("fundus-dev", "readability"):
        for record in map(json.loads, (SHARED / "eval" / "data" / dataset / "truth.jsonl").read_text(encoding="utf-8").splitlines()):
            if (record.get("lang") or "").split("-")[0] == language and len(record["text"]) > 800 and not record["id"].startswith("za-"):
                return [p for p in record["text"].split("\n\n") if p.strip()]
    raise LookupError(language)


# Bodies not in ../shared/eval, written for these tests.
WRITTEN = {
    "he": ["ממשלת ישראל אישרה הבוקר את תקציב המדינה לשנה הבאה לאחר דיון ארוך שנמשך עד שעות הלילה המאוחרות.",
           "שר האוצר אמר כי התקציב יאפשר הגדלה של ההשקעה בחינוך ובבריאות, ויצמצם את הגירעון בהדרגה במהלך השנתיים הקרובות.",
           "חברי האופוזיציה מתחו ביקורת על ההחלטה וטענו כי היא פוגעת במעמד הביניים ובערי הפריפריה."],
    "zh": ["市政府周三宣布，将在明年春季开始建设一座新的中央图书馆，地点位于旧电车车库所在地。",
           "新图书馆将设有四层阅览室、一个儿童区和一个工作坊，居民可以在那里借用工具和缝纫机。工程预计持续两年。",
           "反对者认为，这笔资金应该用于修缮郊区的分馆，其中几座分馆的屋顶已经漏水多年。"],
}


def page(chrome: str, paragraphs: list[str], *, lang: str | None, title: str = "Story") -> bytes:
    c = CHROME[chrome]
    e = html.escape
    lang_attribute = f' lang="{lang}"' if lang else ""
    menu = "".join(f'<li><a href="/s{n}/">{e(m)}</a></li>' for n, m in enumerate(c["menu"]))
    body = "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'><title>{e(title)}</title></head><body>"
        f"<header><div class='date'>{e(c['date'])}</div><nav><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{e(title)}</h1><div class='entry-content'>{body}</div></article>"
        f"<aside class='related'><h3>{e(c['related'])}</h3></aside>"
        f"<div id='respond'><form><textarea placeholder=\"{e(c['comment'])}\"></textarea><div class='warning'>{e(c['name'])}</div>"
        f"<input type='submit' value=\"{e(c['submit'])}\"></form></div>"
        f"<div class='newsletter'><p>{e(c['newsletter'])}</p><input type='email'></div></main>"
        f"<footer><p>{e(c['footer'])}</p></footer></body></html>"
    ).encode()


def languages_of(body: bytes, headers: dict | None = None):
    outcome = run(Page(url="https://news.example/story-about-something-today", body=body, headers=headers or {}))
    article, reason = outcome.article, outcome.drop_reason
    assert article is not None, reason
    return article


@pytest.mark.parametrize("chrome,article,lang", [
    ("fr", "en", "fr-FR"),      # the seed page's case
    ("fr", "en", None),         # ... with no lang attribute
    ("fr", "de", "en-US"),      # a theme left at en-US around French chrome
    ("en", "de", "en-US"),      # an English theme around a German article
    ("ru", "en", "ru"),         # Cyrillic chrome around Latin-script text
    ("ru", "en", "en"),         # ... declared wrong
    ("ja", "en", "ja"),         # CJK chrome
    ("en", "ja", "en"),         # CJK article
    ("en", "zh", None),
    ("ar", "en", "ar"),         # right-to-left chrome
    ("ar", "fr", None),
    ("en", "he", "en"),         # right-to-left article
    ("de", "de", "de"),         # no mismatch
])
def test_chrome_and_article_languages(chrome, article, lang):
    paragraphs = WRITTEN.get(article) or eval_body(article)
    result = languages_of(page(chrome, paragraphs, lang=lang))
    assert result.article_language == article, result.text[:200]
    assert result.chrome_language == chrome, result.chrome_language_evidence
    assert result.language_mismatch is (chrome != article)
    assert result.chrome_language_evidence["decided_by"]


def test_wrong_declared_lang_is_outvoted_and_the_evidence_says_so():
    result = languages_of(page("fr", eval_body("de"), lang="en-US"))
    evidence = result.chrome_language_evidence
    assert evidence["declared_lang"] == "en" and result.chrome_language == "fr"
    assert "declared_lang" not in evidence["decided_by"] and "detected" in evidence["decided_by"]


def test_content_language_header_counts_as_evidence():
    result = languages_of(page("fr", eval_body("en"), lang=None), headers={"content-language": "fr-FR"})
    assert result.chrome_language_evidence["content_language"] == "fr"


def test_no_chrome_evidence_gives_null_not_a_guess():
    decision = chrome_language([])
    assert decision.language is None and decision.confidence == 0.0
    neutral = chrome_language(["Menu", "Login", "Facebook", "Twitter", "RSS"])
    assert neutral.language is None and neutral.confidence == 0.0, neutral


def test_month_and_day_names_decide_short_chrome():
    decision = chrome_language(["mercredi, avril 17, 2024", "Menu", "Login"])
    assert decision.language == "fr"


def test_english_article_quoting_a_long_french_passage_is_english_and_shows_the_quote():
    english = eval_body("en")
    french = eval_body("fr")[:2]
    body = "\n\n".join(english[:4] + french + english[4:8])
    code, confidence = article_language(body)
    shares = {p["language"]: p["share"] for p in paragraph_languages(body, code)}
    assert code == "en" and confidence >= 0.5
    assert set(shares) >= {"en", "fr"} and shares["en"] > shares["fr"] > 0.05


def test_results_repeat():
    body = page("fr", eval_body("en"), lang=None)
    first, second = languages_of(body), languages_of(body)
    assert (first.article_language_confidence, first.chrome_language_confidence) == (
        second.article_language_confidence, second.chrome_language_confidence)


def test_languages_langdetect_lacks_come_from_the_second_detector():
    body = "\n\n".join(eval_body("is"))
    assert article_language(body)[0] == "is"


def test_english_loanwords_in_another_language_s_menus_are_not_english():
    # Indonesian chrome: menus mix in the English every UI uses (Home, News, Login, Share, Live).
    parts = ["Home", "News", "Login", "Load more", "Share", "Video", "Live", "Beranda", "Berita Terkini",
             "Cari berita di sini", "Ikuti kami di media sosial", "Hak cipta dilindungi undang-undang",
             "Kebijakan privasi dan pedoman media siber", "Tentang kami", "Baca selengkapnya tentang ekonomi"]
    for declared in ("id", None):
        decision = chrome_language(parts, declared_lang=declared)
        assert decision.language == "id", decision
        assert decision.evidence["vocabulary"] != "en"


def test_a_bilingual_chrome_reports_its_mix_with_the_primary_language_first():
    hindi = ["मुख्य पृष्ठ और ताज़ा समाचार", "देश और दुनिया की खबरें", "खेल और मनोरंजन की खबरें", "हमसे संपर्क करें और सदस्यता लें",
             "सभी अधिकार सुरक्षित हैं और नियम लागू", "आज का मौसम और शहर की खबरें"]
    english = ["Trending: election results live updates", "Trending: cricket world cup final score"]
    decision = chrome_language(hindi + english, declared_lang="hi")
    assert decision.language == "hi"
    mix = {share["language"]: share["share"] for share in decision.shares}
    assert set(mix) == {"hi", "en"} and mix["hi"] > mix["en"] > 0.05
    assert decision.shares[0]["language"] == "hi"


def test_a_sparse_chrome_of_one_word_menus_is_told_even_under_a_wrong_lang():
    # Menus, a date line and a footer: a few hundred characters, most items one word long.
    parts = ["सोमवार, 1 दिसंबर 2026", "लॉग इन करें", "होम", "देश", "विदेश", "राजनीति", "खेल", "मनोरंजन", "बिज़नेस",
             "टेक्नोलॉजी", "लाइफस्टाइल", "राज्य", "हमारे बारे में", "संपर्क करें", "गोपनीयता नीति", "नियम और शर्तें",
             "© 2026 Daily Courier. सर्वाधिकार सुरक्षित", "खोजें"]
    for declared in (None, "en"):
        decision = chrome_language(parts, declared_lang=declared)
        assert decision.language == "hi", decision
    assert chrome_language(parts, declared_lang="en").evidence.get("contradicted_by_script")


def test_a_sparse_chrome_with_the_article_s_subheadings_left_in_it_is_told_not_null():
    # Hindi menus, date line and footer, no lang attribute; three Korean subheadings of the
    # article that the body extraction left out are a third of the chrome's letters.
    hindi = ["सोमवार, 1 दिसंबर 2026", "लॉग इन करें", "होम", "देश", "विदेश", "राजनीति", "खेल", "मनोरंजन", "राज्य",
             "द्वारा", "Daily Courier", "हमारे बारे में", "संपर्क करें", "गोपनीयता नीति",
             "© 2026 Daily Courier. सर्वाधिकार सुरक्षित", "खोजें"]
    korean = ["시의회, 새 도서관 건립 예산 승인", "공사는 내년 봄에 시작될 예정", '주민들 "분관 보수가 먼저"']
    assert chrome_language(hindi + korean, article_language="ko").language == "hi"


def test_an_english_footer_under_a_wrong_lang_does_not_outvote_the_menus():
    # Lithuanian menus, date line and forms; the footer left in English; the theme at en-US.
    parts = ["Pirmadienis, 2026 m. gruodžio 1 d.", "Paieška", "Prisijungti", "Pradžia", "Naujienos", "Lietuvoje",
             "Pasaulyje", "Verslas", "Sportas", "Kultūra", "Mokslas", "Sveikata", "Nuomonės", "Dalintis",
             "Kopijuoti nuorodą", "Susiję straipsniai", "Skaityti daugiau", "Palikite komentarą", "Vardas",
             "El. paštas", "Svetainė", "Paskelbti komentarą", "Prenumeruokite mūsų naujienlaiškį", "Prenumeruoti",
             "Naudojame slapukus, kad pagerintume jūsų naršymo patirtį.", "Sutinku",
             "About us", "Contact", "Privacy policy", "Terms of use", "Advertise with us", "© 2026 Daily Courier. All rights reserved"]
    decision = chrome_language(parts, declared_lang="en")
    assert decision.language == "lt", decision


def test_words_every_cyrillic_language_shares_are_not_russian():
    parts = ["Понеделник, 1 декември 2026", "Търсене", "Вход", "Начало", "Новини", "България", "Свят", "Политика",
             "Икономика", "Спорт", "Култура", "Здраве", "Мнения", "За нас", "Контакти", "Политика за поверителност",
             "Общи условия", "Реклама", "© 2026 Daily Courier. Всички права запазени"]
    assert chrome_language(parts).language == "bg"
    assert chrome_language(parts, declared_lang="en").language == "bg"


def test_the_article_s_own_lines_left_in_the_chrome_do_not_outvote_it():
    # Finnish menus and date line around an English article whose infobox the body extraction left out.
    finnish = ["Käytämme evästeitä parantaaksemme käyttökokemustasi.", "Hyväksy", "Maanantai 1.12.2026",
               "Kirjaudu sisään", "Etusivu", "Uutiset", "Kotimaa", "Ulkomaat", "Talous", "Urheilu", "Kulttuuri",
               "Toimittaja", "Päivitetty", "Jaa artikkeli", "Lue lisää", "Jätä kommentti", "Tietoa meistä"]
    infobox = ["Official languages and recognised national languages", "Largest city by population",
               "Head of state and government", "Area of land and water in square kilometres",
               "Population at the latest census", "Gross domestic product per person", "Currency and time zone"]
    assert chrome_language(finnish + infobox).language != "fi"  # alone, the two languages are too close to call
    assert chrome_language(finnish + infobox, article_language="en").language == "fi"
    # A chrome that is the article's language keeps it: no rival, no discount.
    assert chrome_language(infobox + ["Home", "Sign in", "Read more about us"], article_language="en").language == "en"

@pytest.mark.parametrize("story, left", [("is", "de"), ("en", "fr"), ("da", "ru")])
def test_a_second_story_left_at_the_end_of_the_article_does_not_decide_its_language(story, left):
    # A theme's article block that still ends with two paragraphs of another story: the detectors'
    # sample (start, middle, end) is a third that other story; paragraph by paragraph it is small.
    body = eval_body(story)
    leftover = [p for p in eval_body(left) if len(p) > 150][:2]
    assert sum(map(len, leftover)) < 0.3 * sum(map(len, body))
    assert article_language("\n\n".join(body + leftover))[0] == story


def test_a_chrome_the_fast_detector_cannot_read_in_fragments_is_read_again_as_one_text():
    # Swahili menus, date line, forms and footer: fastText's compact model tells few of these
    # short strings apart (it reads "Mwanzo Habari Kitaifa…" as Turkish), so most of the chrome
    # goes unread and the decision was null. Joined, langdetect reads them as Swahili.
    parts = ["Tunatumia vidakuzi kuboresha matumizi yako ya tovuti.", "Kubali", "Jumatatu, 1 Desemba 2026",
             "Ingia", "Mwanzo", "Habari", "Kitaifa", "Kimataifa", "Biashara", "Michezo", "Burudani", "Maoni",
             "Afya", "Teknolojia", "Shiriki", "Nakili kiungo", "Habari zinazohusiana", "Soma zaidi",
             "Acha maoni yako", "Jina", "Barua pepe", "Tovuti", "Tuma maoni", "Jiunge na jarida letu upate habari mpya",
             "Kuhusu sisi", "Wasiliana nasi", "Sera ya faragha", "Masharti ya matumizi", "Haki zote zimehifadhiwa"]
    decision = chrome_language(parts, article_language="de")
    assert decision.language == "sw", decision
    assert decision.evidence["reread"] == "sw"
    # A chrome fastText reads well enough is not read twice (langdetect costs 1.5-5 ms a call).
    assert "reread" not in chrome_language(CHROME["de"]["menu"] + [CHROME["de"][k] for k in
                                                                  ("date", "related", "comment", "name", "submit", "newsletter", "footer")]).evidence


def test_a_declared_language_takes_what_the_detectors_give_its_close_kin():
    # Malay chrome: the detectors read Indonesian, its near twin. lang="ms" settles it; with no
    # lang at all, Indonesian is the detectors' honest answer.
    parts = ["Isnin, 1 Disember 2026", "Log masuk", "Utama", "Berita", "Semasa", "Dunia", "Bisnes", "Sukan",
             "Hiburan", "Gaya Hidup", "Kongsi", "Salin pautan", "Berita berkaitan", "Baca lagi", "Tinggalkan komen",
             "Nama", "E-mel", "Laman web", "Hantar komen", "Langgan surat berita kami untuk berita terkini",
             "Kami menggunakan kuki untuk menambah baik pengalaman anda.", "Mengenai kami", "Hubungi kami",
             "Dasar privasi", "Terma penggunaan", "Hak cipta terpelihara"]
    assert chrome_language(parts, declared_lang="ms").language == "ms"
    assert chrome_language(parts).language in ("id", "ms")
    # A declared language that is not kin to what the text says is still outvoted.
    assert chrome_language(parts, declared_lang="en").language in ("id", "ms")


def test_short_lines_of_a_chinese_or_japanese_article_are_article_text_not_chrome():
    # Eight CJK characters say as much as a 20-letter Latin line: the article's short lines (an
    # earthquake's list of towns) are recognised as the article's, not read as chrome.
    from newsspider.extraction.document import parse_html
    from newsspider.extraction.language import chrome_text

    lines = ["各地の震度は次のとおり。", "福岡県：久留米市、大川市", "佐賀県：神埼市、白石町、小城市",
             "気象庁によると、震源の深さは約40キロで、地震の規模を示すマグニチュードは5.1と推定される。"]
    markup = ("<html><body><nav><a href='/'>Naslovnica</a><a href='/v'>Vijesti</a></nav><article>"
              + "".join(f"<p>{line}</p>" for line in lines) + "</article><footer>Sva prava pridržana</footer></body></html>")
    tree, _ = parse_html(markup)
    chrome = chrome_text(tree, "\n\n".join(lines))
    assert chrome == ["Naslovnica", "Vijesti", "Sva prava pridržana"], chrome


def test_one_long_english_block_counts_as_one_piece_of_chrome_not_by_its_length():
    # A Polish theme with a consent banner its vendor left in English: 350 letters in one block.
    # Each fragment's vote is capped, so the banner weighs as one piece of UI, not as ten.
    polish = ["Poniedziałek, 1 grudnia 2026", "Zaloguj się", "Strona główna", "Wiadomości", "Kraj", "Świat",
              "Polityka", "Gospodarka", "Sport", "Kultura", "Udostępnij", "Kopiuj link", "Powiązane artykuły",
              "O nas", "Kontakt", "Polityka prywatności", "Regulamin", "Wszelkie prawa zastrzeżone"]
    consent = ("We value your privacy. We and our 842 partners store and/or access information on a device, such "
               "as cookies, and process personal data, such as unique identifiers and standard information sent by "
               "a device for personalised advertising and content, advertising and content measurement, audience "
               "research and services development.")
    for declared in ("pl", None):
        assert chrome_language(polish + [consent, "Accept all", "Reject all"], declared_lang=declared).language == "pl"


def test_twin_languages_pool_their_votes_and_the_calendar_tells_them_apart():
    # A Bulgarian mega menu (each section repeated in its sub-menus), social and app-store links in
    # English, the theme at en-US: the detector splits the Cyrillic text between Bulgarian and
    # Russian, and the lexicon's Russian UI words ("и", "в", "права") are Bulgarian too. Pooled, the
    # family beats en-US; "Понеделник" and "декември" say which of the two it is.
    sections = ["Начало", "Новини", "България", "Свят", "Политика", "Икономика", "Спорт", "Култура", "Здраве", "Мнения"]
    parts = (["Понеделник, 1 декември 2026", "Вход", "Абонирай се"] + [s for n, s in enumerate(sections) for s in (s, sections[(n + 1) % 10])]
             + ["Автор Portal ·", "Facebook", "X", "Instagram", "YouTube", "WhatsApp", "Свързани статии",
                "Цените на горивата падат", "Нова метростанция в София", "Сняг и студ през уикенда", "За нас", "Контакти",
                "Политика за поверителност", "Общи условия", "Download on the App Store", "Get it on Google Play",
                "© 2026 Portal. Всички права запазени"])
    for declared in ("en", None):
        assert chrome_language(parts, declared_lang=declared).language == "bg", declared
    # Malay and Indonesian share their UI words; the date line's "Isnin" and "Disember" are Malay
    # only. Without a date line the pair is answered with its doubt in the confidence.
    malay = ["Utama", "Berita", "Semasa", "Dunia", "Bisnes", "Sukan", "Hiburan", "Tinggalkan komen",
             "Hantar komen", "Mengenai kami", "Hubungi kami", "Hak cipta terpelihara"]
    assert chrome_language(["Isnin, 1 Disember 2026"] + malay).language == "ms"
    undated = chrome_language(malay)
    assert undated.language in ("id", "ms") and undated.confidence < 0.9


# The consent banner a vendor ships in English whatever the site's language.
ENGLISH_CONSENT = ("We value your privacy. We and our partners store and/or access information on a device, such as "
                   "cookies, and process personal data for personalised advertising and content measurement.")


def test_a_chrome_mostly_untold_by_fasttext_is_read_again_even_beside_english_it_read_well():
    # Indonesian menus (Internasional, Teknologi, Otomotif: fastText hesitates) under an English
    # consent banner and English social links: fastText reads the English and little else. The
    # Indonesian it could not tell is most of the chrome, so langdetect reads it too.
    indonesian = ["Senin, 1 Desember 2026", "Masuk", "Berlangganan", "Beranda", "Berita", "Nasional", "Internasional",
                  "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Otomotif", "Gaya Hidup", "Penulis", "Bagikan",
                  "Berita Terkait", "Tentang kami", "Hubungi kami", "Kebijakan privasi", "Pedoman media siber", "Karier",
                  "Hak cipta dilindungi undang-undang"]
    english = [ENGLISH_CONSENT, "Accept all", "Reject all", "Manage preferences", "Facebook", "Instagram", "YouTube", "WhatsApp",
               "Download on the App Store", "Get it on Google Play"]
    for declared in ("id", None):
        decision = chrome_language(indonesian + english, declared_lang=declared)
        assert decision.language == "id", (declared, decision)


def test_urdu_menus_fasttext_splits_with_persian_are_pooled_against_an_english_banner():
    # fastText reads part of these Urdu menus as Persian; split, neither outweighed the English
    # consent banner, social links and app badges.
    e = html.escape
    menu = ["صفحہ اول", "پاکستان", "دنیا", "سیاست", "کاروبار", "کھیل", "شوبز", "صحت", "کالم", "ٹیکنالوجی"]
    nav = "".join(f'<li><a href="/{n}">{e(m)}</a><ul><li><a href="/{n}/a">{e(menu[(n + 1) % 10])}</a></li>'
                  f'<li><a href="/{n}/b">{e(menu[(n + 2) % 10])}</a></li></ul></li>' for n, m in enumerate(menu))
    social = "".join(f'<a href="#">{name}</a>' for name in ("Facebook", "X", "Instagram", "YouTube", "WhatsApp", "Telegram"))
    footer = "".join(f"<li><a>{e(item)}</a></li>" for item in ("ہمارے بارے میں", "رابطہ کریں", "رازداری کی پالیسی", "شرائط و ضوابط", "اشتہار"))
    body = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story</title></head><body>'
            f'<div id="onetrust-banner-sdk"><p>{ENGLISH_CONSENT}</p><button>Accept all</button><button>Reject all</button></div>'
            f'<header><span>پیر، 1 دسمبر 2026</span> <a href="/login">لاگ ان</a><nav><ul>{nav}</ul></nav></header>'
            '<main><article><h1>Story</h1>' + "".join(f"<p>{e(p)}</p>" for p in eval_body("de")[:6])
            + f'</article><div class="share">{social}</div></main><footer><ul>{footer}</ul><div>{social}</div>'
            '<a>Download on the App Store</a><a>Get it on Google Play</a><p>© 2026 جملہ حقوق محفوظ ہیں</p></footer></body></html>')
    result = languages_of(body.encode())
    assert result.chrome_language == "ur", (result.chrome_language, result.chrome_languages)


# The rest of a vendor's English consent box, and the badges and social links themes print in English.
ENGLISH_EXTRAS = ["Accept all", "Reject all", "Manage preferences", "Facebook", "Instagram", "YouTube", "WhatsApp",
                  "Download on the App Store", "Get it on Google Play"]
POLISH_CHROME = ["poniedziałek, 1 grudnia 2026", "Zaloguj się", "Subskrybuj", "Strona główna", "Wiadomości", "Kraj", "Świat",
                 "Gospodarka", "Sport", "Kultura", "Rozrywka", "Opinie", "Udostępnij", "Czytaj także", "O nas", "Kontakt",
                 "Polityka prywatności", "Reklama"]
CZECH_CHROME = ["pondělí 1. prosince 2026", "Přihlásit se", "Předplatné", "Domů", "Zprávy", "Domácí", "Zahraničí", "Ekonomika",
                "Sport", "Kultura", "Zábava", "Názory", "Sdílet", "Čtěte také", "O nás", "Kontakt", "Ochrana osobních údajů", "Reklama"]
SWEDISH_CHROME = ["måndag 1 december 2026", "Logga in", "Prenumerera", "Start", "Nyheter", "Sverige", "Världen", "Ekonomi", "Sport",
                  "Kultur", "Nöje", "Debatt", "Ledare", "Dela", "Läs också", "Om oss", "Kontakta oss", "Integritetspolicy", "Annonsera"]
ENGLISH_CHROME = ["Monday, December 1, 2026", "Sign in", "Subscribe", "Home", "News", "World", "Business", "Sport", "Culture",
                  "Opinion", "Share", "Read more", "About us", "Contact us", "Privacy policy", "Advertise"]


@pytest.mark.parametrize("menus,expected", [(POLISH_CHROME, "pl"), (CZECH_CHROME, "cs")])
def test_a_theme_left_at_lang_en_does_not_make_english_of_menus_beside_an_english_banner(menus, expected):
    # lang="en-US" is what templates ship when nobody sets a language: declared English, beside an
    # English consent banner and app badges, used to outvote a whole chrome of Polish or Czech menus.
    decision = chrome_language(menus + [ENGLISH_CONSENT, *ENGLISH_EXTRAS], declared_lang="en-US")
    assert decision.language == expected, decision


def test_declared_english_still_holds_for_an_english_chrome():
    for extras in ([], [ENGLISH_CONSENT, *ENGLISH_EXTRAS]):
        decision = chrome_language(ENGLISH_CHROME + extras, declared_lang="en")
        assert (decision.language, decision.confidence >= 0.9) == ("en", True), decision


def test_swedish_menus_fasttext_cannot_tell_are_read_again_beside_the_banner_it_read():
    # fastText reads the English banner in full and the Swedish menu run not at all; the banner
    # weighs as one fragment, so the Swedish it could not tell is the larger part, read again.
    decision = chrome_language(SWEDISH_CHROME + [ENGLISH_CONSENT, *ENGLISH_EXTRAS[:3]], declared_lang="en-US")
    assert decision.language == "sv", decision


def test_a_second_reading_whose_trials_disagree_casts_no_vote(monkeypatch):
    from newsspider.extraction import language
    three_ways = {"no": 0.334, "de": 0.333, "en": 0.333}  # langdetect's three trials, three answers
    monkeypatch.setattr(language, "detect", lambda text: ("no", 0.334, three_ways))
    votes: defaultdict[str, float] = defaultdict(float, da=200.0)  # as fragment_votes gives them
    assert language.reread_untold("NUUK SUNDHED ERHVERV KULTUR SPORT JOB Kontakt Abonnement", votes) is None
    assert dict(votes) == {"da": 200.0}


HINDI_CHROME = ["सोमवार, 1 दिसंबर 2026", "लॉग इन", "सब्सक्राइब", "होम", "ताज़ा खबर", "देश", "दुनिया", "बिज़नेस", "खेल", "मनोरंजन",
                "राय", "शेयर करें", "यह भी पढ़ें", "हमारे बारे में", "संपर्क करें", "गोपनीयता नीति", "विज्ञापन"]
KOREAN_CHROME = ["2026년 12월 1일 월요일", "로그인", "구독", "홈", "뉴스", "정치", "국제", "경제", "스포츠", "연예", "오피니언", "공유하기",
                 "관련 기사", "회사 소개", "문의하기", "개인정보처리방침", "광고"]


def test_a_sparse_hindi_chrome_under_a_wrong_lang_is_hindi_not_null():
    # Devanagari writes its vowels as combining signs: "सोमवार" is six letters, four of them not
    # marks. Counted without them, 17 menu items read as too little text to tell, and were null.
    decision = chrome_language(HINDI_CHROME, declared_lang="en-US")
    assert decision.language == "hi", decision


def test_korean_menus_are_not_outweighed_by_an_english_consent_banner():
    # A Hangul syllable counts double, in the votes too; a run of menu items is many pieces of UI,
    # not one long block.
    decision = chrome_language(KOREAN_CHROME + [ENGLISH_CONSENT, *ENGLISH_EXTRAS[:3]])
    assert decision.language == "ko", decision


def test_an_article_stored_decomposed_is_the_article_not_chrome():
    # "ä" as "a" and a combining mark, as some CMSs store text: the article's paragraphs are still
    # told from the chrome, and the text comes out composed.
    paragraphs = [unicodedata.normalize("NFD", p) for p in eval_body("de")]
    result = languages_of(page("fr", paragraphs, lang=None))
    assert (result.chrome_language, result.article_language) == ("fr", "de"), result.chrome_language_evidence
    assert result.chrome_language_evidence["chrome_chars"] < 1000
    assert unicodedata.is_normalized("NFC", result.text) and result.text.startswith(unicodedata.normalize("NFC", paragraphs[0]))


def test_a_date_line_tells_twins_whose_day_and_month_names_the_family_shares():
    # Macedonian menus, which the detectors read as Bulgarian or Russian: "Понеделник" and
    # "декември" are Bulgarian and Macedonian both, so the answer is one of the two, not Russian,
    # and "јануари" (Macedonian only) settles it.
    menus = ["Почетна", "Вести", "Македонија", "Свет", "Економија", "Спорт", "Култура", "Контакт", "За нас"]
    shared = chrome_language(["Понеделник, 1 декември 2026"] + menus)
    assert shared.language in ("bg", "mk"), shared.evidence
    assert chrome_language(["Понеделник, 12 јануари 2026"] + menus).language == "mk"
    # Serbian is written in Cyrillic too: declared, it takes its Cyrillic kin's votes.
    serbian = ["Почетна", "Вести", "Србија", "Свет", "Економија", "Спорт", "Култура", "Контакт", "Претрага",
               "Пријава", "Одјава", "Сва права задржана"]
    assert chrome_language(serbian, declared_lang="sr").language == "sr"


def test_day_and_month_names_count_in_the_scripts_the_latin_lexicons_do_not_cover():
    # A sparse Greek chrome under a wrong lang="en-US": the date line's names are Greek evidence
    # (they were dropped with the Latin-script words, which in such a chrome are brand names).
    decision = chrome_language(["Δευτέρα, 1 Δεκεμβρίου 2026", "Facebook", "Instagram"], declared_lang="en-US")
    assert decision.evidence["vocabulary"] == "el" and decision.language == "el", decision.evidence
    # Devanagari words are read with their vowel signs: "सोमवार" (Monday) is one word.
    assert chrome_language(["सोमवार, 1 दिसंबर 2026", "YouTube"], declared_lang="en").evidence["vocabulary"] == "hi"


def test_a_sparse_swahili_or_chinese_chrome_without_lang_is_told_by_its_words():
    swahili = ["Jumatano, 2 Desemba 2026", "Mwanzo", "Habari", "Michezo", "Biashara", "Wasiliana nasi", "Tafuta"]
    assert chrome_language(swahili).language == "sw"
    chinese = chrome_language(["星期三, 12月2日", "首页", "新闻", "登录"])
    assert chinese.evidence["vocabulary"] == "zh" and chinese.language == "zh", chinese.evidence


def test_langdetect_does_not_reread_a_chrome_in_a_language_it_has_no_profile_for():
    # fastText tells Icelandic from the longer lines; langdetect, which knows no Icelandic, would
    # read the short ones as Indonesian and leave the chrome undecided.
    icelandic = ["mánudagur, 7 desember 2026", "Saga", "Núna", "Leita", "Innskráning", "Næsta efni", "Dagurinn í dag",
                 "Skjalasafn", "Heim"]
    decision = chrome_language(icelandic)
    assert decision.language == "is" and "reread" not in decision.evidence, decision.evidence


def test_a_declared_galician_or_luxembourgish_chrome_takes_what_the_detectors_give_its_neighbours():
    # The detectors read Galician menus as Spanish (and Luxembourgish ones as German): the page's
    # own lang names which of the kin it is.
    galician = ["Luns, 7 de decembro de 2026", "Portada", "Novas", "Deportes", "Cultura", "Opinión", "Buscar",
                "Iniciar sesión", "Sobre nós", "Contacto", "Política de privacidade", "Todos os dereitos reservados"]
    assert chrome_language(galician, declared_lang="gl").language == "gl"
    assert chrome_language(galician).language in ("es", "gl", "pt")


def test_a_story_s_short_lines_beside_its_paragraphs_are_the_article_not_chrome():
    # Dialogue and one-line paragraphs are too short to be told from a menu item alone; beside the
    # story's long paragraphs, under the same parent, they are the story's.
    from newsspider.extraction.document import parse_html
    from newsspider.extraction.language import chrome_text

    long = ["Haoyu looked at the deck of cards on the table and wondered who had left it there overnight.",
            "Alden picked up two of them, turned them over slowly and laid them down again without a word."]
    short = ["“Yes.”", "He stood firm.", "“What the hell?”"]
    story = long[:1] + short + long[1:]
    markup = ("<html><body><nav><a href='/'>Inici</a><a href='/c'>Comentaris</a></nav><article><div class='text'>"
              + "".join(f"<p>{line}</p>" for line in story) + "</div></article>"
              "<footer><p>He stood firm.</p></footer></body></html>")
    tree, _ = parse_html(markup)
    chrome = chrome_text(tree, "\n\n".join(story))
    # (the footer's line is the page's, not the story's: it stays chrome)
    assert chrome == ["Inici", "Comentaris", "He stood firm."], chrome
