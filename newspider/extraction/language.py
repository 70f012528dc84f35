"""Two languages per page: the article's (from the body text) and the page chrome's (menus, date
line, buttons, form labels, footer: everything that is not the article).

- Article: langdetect over the body, seeded so that answers repeat (unseeded it changes its mind).
- Chrome: chrome text is short and fragmented, and langdetect alone is weak there (it calls
  "mercredi, avril 17, 2024" Italian). The chrome decision weighs several pieces of evidence:
  the declared `<html lang>`, `og:locale`, the Content-Language header / meta, the day and month
  names and UI words found in the chrome text, and langdetect over all chrome text joined together.
  A declared attribute can be outvoted: themes are often left at `en-US` around French chrome.

Codes are ISO 639-1. Undecidable gives (None, 0.0), never a guess passed off as certain.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from langdetect import DetectorFactory, LangDetectException, detect_langs

from .document import NON_TEXT_TAGS, element_text, normalize_space
from .widgets import is_ad_label

DetectorFactory.seed = 0

# Day and month names (strong evidence, weight 3) and UI / function words (weight 1) per language.
# Words listed for more than one language are dropped at import: they tell nothing apart.
_CALENDAR = {
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar marts april maj juni juli august september oktober november december",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "tr": "pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "ru": "понедельник вторник среда четверг пятница суббота воскресенье января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_UI_WORDS = {
    "en": "the and of with for your you our news latest related search home menu subscribe login sign comment comments leave reply share read more about contact privacy policy terms weather follow us all rights reserved please enter here name email website save browser next time previous next",
    "fr": "le la les et des du une pour avec votre vous nous nos accueil actualités recherche rechercher menu connexion abonnez commentaire commentaires laisser répondre partager lire suite propos contactez confidentialité mentions légales météo suivez tous droits réservés plaît entrez ici nom adresse enregistrer navigateur prochaine fois",
    "de": "der die das und mit für ihr ihre unsere nachrichten suche startseite anmelden abonnieren kommentar kommentare antworten teilen lesen mehr über kontakt datenschutz impressum wetter folgen alle rechte vorbehalten bitte geben sie hier namen speichern",
    "es": "el los las y del con para su sus nuestro noticias buscar inicio menú iniciar sesión suscríbete comentario comentarios deja respuesta compartir leer más sobre contacto privacidad política tiempo síguenos todos derechos reservados por favor introduce aquí nombre guardar",
    "it": "il gli della delle con per tuo tua nostro notizie cerca accedi iscriviti commento commenti lascia rispondi condividi leggi altro chi siamo contatti meteo seguici tutti diritti riservati inserisci qui nome salva",
    "pt": "os das com para seu sua nosso notícias pesquisar início entrar assine comentário comentários deixe resposta compartilhar leia mais sobre contato privacidade tempo siga todos direitos reservados insira aqui nome salvar",
    "nl": "het een voor met uw jouw onze nieuws zoeken inloggen abonneren reactie reacties plaats delen lees meer over contact privacy weer volg alle rechten voorbehouden vul hier naam opslaan",
    "sv": "och för med din dina våra nyheter sök logga prenumerera kommentar kommentarer svara dela läs mer kontakta integritet väder följ alla rättigheter förbehållna",
    "da": "og til med din dine vores nyheder søg log abonner kommentar kommentarer svar del læs mere kontakt vejret følg alle rettigheder forbeholdes",
    "pl": "i w z dla twój nasze wiadomości szukaj zaloguj subskrybuj komentarz komentarze odpowiedz udostępnij czytaj więcej kontakt pogoda obserwuj wszelkie prawa zastrzeżone",
    "tr": "ve ile için sizin haberler ara giriş abone yorum yorumlar yanıtla paylaş devamı hakkında iletişim gizlilik hava takip tüm hakları saklıdır",
    "ru": "и в с для ваш наши новости поиск войти подписаться комментарий комментарии ответить поделиться читать далее контакты погода все права защищены",
}


def _lexicon() -> dict[str, dict[str, int]]:
    owners: dict[str, set[str]] = {}
    weights: dict[str, dict[str, int]] = {lang: {} for lang in _CALENDAR | _UI_WORDS}
    for table, weight in ((_UI_WORDS, 1), (_CALENDAR, 3)):
        for lang, words in table.items():
            for word in words.split():
                owners.setdefault(word, set()).add(lang)
                weights[lang][word] = max(weight, weights[lang].get(word, 0))
    return {
        lang: {w: v for w, v in words.items() if len(owners[w]) == 1} for lang, words in weights.items()
    }


LEXICON = _lexicon()
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def normalize_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.lower().replace("_", "-").split("-")[0]
    return {"iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no"}.get(code, code) if len(code) == 2 else None


def detect(text: str, *, max_chars: int = 1500) -> tuple[str | None, float, dict[str, float]]:
    """langdetect (seeded) over `text`: (code, probability, all probabilities).

    The first `max_chars` characters are enough to tell a language and keep the cost per page low.
    """
    sample = text[:max_chars]
    if _letters(sample) < 20:
        return None, 0.0, {}
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return None, 0.0, {}
    probabilities: dict[str, float] = {}
    for guess in guesses:
        code = normalize_code(guess.lang)
        if code:
            probabilities[code] = probabilities.get(code, 0.0) + guess.prob
    if not probabilities:
        return None, 0.0, {}
    best = max(probabilities, key=probabilities.get)
    return best, probabilities[best], probabilities


def article_language(body: str) -> tuple[str | None, float]:
    """Language of the article body and a confidence that shrinks for short bodies."""
    code, probability, _ = detect(body)
    if code is None:
        return None, 0.0
    letters = _letters(body[:1500])
    confidence = probability * min(1.0, 0.5 + letters / 600)
    if confidence < 0.3:
        return None, 0.0
    return code, round(confidence, 4)


def vocabulary_votes(text: str) -> Counter:
    votes: Counter = Counter()
    for word in _WORD.findall(text.lower()):
        for lang, words in LEXICON.items():
            weight = words.get(word)
            if weight:
                votes[lang] += weight
    return votes


@dataclass
class ChromeDecision:
    language: str | None
    confidence: float
    evidence: dict = field(default_factory=dict)


def chrome_language(
    chrome_parts: list[str],
    *,
    declared_lang: str | None = None,
    og_locale: str | None = None,
    content_language: str | None = None,
) -> ChromeDecision:
    """Weigh declared attributes against what the chrome text says; see the module docstring."""
    text = normalize_space(" ".join(chrome_parts))
    scores: Counter = Counter()
    evidence: dict = {
        "declared_lang": normalize_code(declared_lang),
        "og_locale": normalize_code(og_locale),
        "content_language": normalize_code(content_language),
        "detected": None,
        "detected_confidence": 0.0,
        "vocabulary": None,
        "chrome_chars": len(text),
    }
    for key, weight in (("declared_lang", 1.0), ("og_locale", 0.5), ("content_language", 0.5)):
        if evidence[key]:
            scores[evidence[key]] += weight

    votes = vocabulary_votes(text)
    total_votes = sum(votes.values())
    if total_votes:
        strength = min(1.0, total_votes / 10)
        for lang, count in votes.items():
            scores[lang] += 2.5 * strength * count / total_votes
        evidence["vocabulary"] = votes.most_common(1)[0][0]

    detected, probability, probabilities = detect(text)
    if detected:
        strength = min(1.0, _letters(text) / 400)
        for lang, p in probabilities.items():
            scores[lang] += 2.0 * strength * p
        evidence["detected"] = detected
        evidence["detected_confidence"] = round(probability * strength, 4)

    if not scores:
        evidence["decided_by"] = None
        return ChromeDecision(None, 0.0, evidence)
    ranked = scores.most_common()
    winner, best = ranked[0]
    total = sum(scores.values())
    confidence = (best / total) * min(1.0, best / 2.5)
    deciders = [key for key in ("declared_lang", "og_locale", "content_language", "vocabulary", "detected") if evidence[key] == winner]
    evidence["decided_by"] = "+".join(deciders) or None
    if confidence < 0.3:
        return ChromeDecision(None, 0.0, evidence)
    return ChromeDecision(winner, round(confidence, 4), evidence)


_ARTICLE_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "figcaption", "pre", "dd")


def chrome_text(tree, body_text: str, title: str | None = None) -> list[str]:
    """Every piece of visible page text that is not the article (and not an ad label).

    Takes the page as served, widgets included: a comment form's labels are chrome too.
    """
    body_key = normalize_space(body_text).lower()
    title_key = (title or "").lower()
    article_nodes = set()
    root = tree.find("body")
    if root is None:
        return []
    for element in root.iter(*_ARTICLE_BLOCKS):
        text = element_text(element).lower()
        if text and ((len(text) >= 20 and text in body_key) or (title_key and text == title_key)):
            article_nodes.add(element)

    parts: list[str] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if not isinstance(node.tag, str) or node.tag in NON_TEXT_TAGS:
            continue
        if node in article_nodes:
            continue
        if node.tag == "a" and len(element_text(node)) >= 30:
            continue  # a headline linking to another story is content, not chrome
        if node.tag in ("input", "textarea"):
            for attribute in ("placeholder", "aria-label"):
                if node.get(attribute):
                    parts.append(node.get(attribute))
            if node.get("type") in ("submit", "button") and node.get("value"):
                parts.append(node.get("value"))
        if node.text:
            parts.append(node.text)
        # children in document order, each followed by its tail
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    fragments = [normalize_space(p) for p in parts]
    return [f for f in fragments if f and not is_ad_label(f)]
