"""Vocabulary as data: the words and phrases the extraction recognises, per language, in one place.

Each table maps a language (or "any") to entries; an entry is a regular-expression fragment
(mostly a plain phrase). `alternation()` joins a table into one group, longest entries first, so
that a longer phrase wins over its own prefix ("advertisements" over "advertisement").
Add a language by adding its entries; no code changes.
"""

from __future__ import annotations

import re


def alternation(*tables: dict[str, list[str]]) -> str:
    """One regex group of every entry of the tables, longest first."""
    entries = {entry for table in tables for words in table.values() for entry in words}
    return "(?:" + "|".join(sorted(entries, key=lambda e: (-len(e), e))) + ")"


def compiled(pattern: str, *tables: dict[str, list[str]]) -> re.Pattern:
    """`pattern` with `{}` replaced by the tables' alternation, compiled case-insensitively."""
    return re.compile(pattern.replace("{}", alternation(*tables)), re.IGNORECASE)


# A block whose whole text is ad labels and placeholders.
AD_LABELS = {
    "en": ["advertisement", "advertisements", "advertising", "sponsored", "ad"],
    "fr": ["publicité", "publicite", "sponsorisé", "annonce"],
    "de": ["anzeige", "werbung", "gesponsert"],
    "es": ["publicidad", "patrocinado"],
    "it": ["pubblicità"],
    "pt": ["publicidade", "patrocinado"],
    "pl": ["reklama"],
    "nl": ["reclame", "advertentie"],
    "sv": ["annons"],
    "fi": ["mainos"],
    "ru": ["реклама"],
    "ja": ["広告"],
    "ko": ["광고"],
    "any": ["spot_img"],  # a WordPress theme's image placeholder left in ad slots
}

# Headings that introduce a list of other stories.
RELATED_HEADINGS = {
    "en": ["other( opinion| news| top)? (columns|stories|articles|news)", "latest", "related", "more", "most read",
           "most popular", "popular", "trending", "recommended", "top stories", "you may (also )?like",
           "read (also|next|more)", "more (news|stories|from)", "editor'?s picks", "related (articles|posts|content|coverage)",
           "more on this( story| topic)?"],
    "fr": ["dernières? (nouvelles|infos|actualités|actus)", "à lire aussi", "lire aussi", "a lire aussi", "sur le même sujet",
           "articles? (similaires|liés|connexes)", "les plus lus", "nouvelles (liées|connexes)", "plus d'articles"],
    "de": ["das könnte sie auch interessieren", "lesen sie auch", "mehr zum thema", "weitere artikel", "meistgelesen",
           "neueste artikel"],
    "es": ["artículos relacionados", "notas relacionadas", "relacionad[oa]s", "más información", "noticias relacionadas",
           "te puede interesar", "más noticias", "lo más leído", "últimas noticias"],
    "it": ["leggi anche", "articoli correlati", "ultime notizie"],
    "pt": ["notícias relacionadas", "leia também"],
    "nl": ["gerelateerde artikelen", "lees ook", "meest gelezen"],
    "ru": ["похожие статьи", "читайте также"],
}

# Headings of the comment section.
COMMENT_HEADINGS = {
    "en": ["comments?", "leave a (reply|comment)", "post a comment", "join the discussion"],
    "fr": ["commentaires?", "laisser un commentaire", "laissez un commentaire", "réagir", "répondre"],
    "de": ["kommentare?", "kommentar schreiben", "diskussion"],
    "es": ["deja un comentario", "deja una respuesta", "comentarios"],
    "it": ["lascia un commento", "commenti"],
    "pt": ["deixe um comentário"],
    "nl": ["reacties", "laat een reactie achter"],
    "ru": ["комментарии"],
}

# What a cookie banner says.
COOKIE_PHRASES = {
    "en": ["we use cookies", "this (web)?site uses cookies"],
    "fr": ["utilise des cookies", "utilisons des cookies"],
    "de": ["verwendet cookies", "verwenden cookies"],
    "es": ["utiliza cookies", "utilizamos cookies"],
    "it": ["usa i cookie", "utilizziamo i cookie"],
    "nl": ["gebruikt cookies"],
}

# What a newsletter sign-up form says.
NEWSLETTER_WORDS = {
    "en": ["newsletter", "subscribe"], "fr": ["abonnez", "inscrivez"], "de": ["abonnieren"],
    "es": ["suscríbete"], "it": ["iscriviti"],
}

# A paragraph that only sends the reader elsewhere ("Read more", "Share this").
TRAILERS = {
    "en": ["read more", "continue reading", "read the full (story|article)", "share this( article)?"],
    "fr": ["lire la suite", "lire plus", "partager"],
    "de": ["weiterlesen", "mehr lesen", "teilen"],
    "es": ["leer más", "seguir leyendo", "compartir"],
    "it": ["leggi tutto", "continua a leggere", "condividi"],
    "pt": ["leia mais"],
    "nl": ["lees meer"],
}

# A sales pitch for a subscription that paywalled sites print after (or instead of) the story's end.
PAYWALL_PITCHES = {
    "en": ["subscribe to (continue|keep) reading", "already a subscriber", "to continue reading", "for subscribers only",
           "(is|are) (only )?available to subscribers", "start your free trial", "unlock (this|unlimited|full) "],
    "de": ["jetzt abonnieren", "bereits abonnent", "weiterlesen mit", "exklusiv für abonnenten", "nur für abonnenten",
           "jetzt testen"],
    "fr": ["abonnez-vous pour", "réservé aux abonnés", "déjà abonné"],
    "es": ["suscríbete para", "solo para suscriptores", "ya eres suscriptor"],
    "it": ["abbonati per", "riservato agli abbonati", "sei già abbonato"],
    "nl": ["word abonnee", "al abonnee"],
    "pt": ["exclusivo para assinantes", "já é assinante"],
    "ja": ["有料会員", "会員限定", "有料記事", "読み放題"],
    "ko": ["유료 회원", "구독하기"],
}

# Media-player and embed chrome that main-content methods let through (video.js and friends).
PLAYER_TEXT = {
    "en": ["this is a modal window\\.?", "beginning of dialog window.*", "end of dialog window\\.?", "chapters",
           "(captions|subtitles|descriptions) (off|settings)(, selected)?", "default, selected", "now (watching|playing)",
           "next video starts in.*", "view (photo|gallery|image)s?", "play video", "watch video", "video", "loading\\.*",
           "your browser does not support the video tag\\.?", "unfortunately,? this video is not available.*"],
}

# The first words of a date line ("Published on 17 April 2024").
DATELINE_WORDS = {
    "en": ["posted", "published", "updated", "last updated"], "fr": ["publié", "mis à jour"],
    "de": ["veröffentlicht", "aktualisiert"], "es": ["publicado", "actualizado"],
}

# The word before a byline's names ("By", "Par", "Von", …).
BYLINE_PREFIXES = {
    # a genre's label before the by-word is part of the prefix: "Ein Kommentar von …", "Analysis by …"
    "en": ["by", "written by", "posted by", "story by", "words by", "reporting by", "text",
           r"(an? )?(analysis|commentary|opinion|column|review|essay|interview) by"],
    "fr": ["par", "texte", r"(une? )?(analyse|éditorial|tribune|chronique|critique|entretien) (de|par)"],
    "de": ["von", "text", r"(ein|eine) (kommentar|analyse|gastbeitrag|kolumne|essay|interview|rezension|glosse) von"],
    "es": ["por", r"(una? )?(análisis|columna|opinión|crítica|entrevista) (de|por)"],
    "it": ["di", r"(una? |un')?(commento|analisi|editoriale|intervista) di"],
    "nl": ["door"], "sv": ["av"], "da": ["af"], "no": ["av"], "ru": ["от"],
    "pt": ["por"], "id": ["oleh"], "pl": ["autor", "autorka"], "cs": ["autor", "autorka"], "zh": ["记者", "本报记者", "記者"],
}

# The title of a link to what a person wrote, before the person's name: "Alle Inhalte von …",
# WordPress's "Posts by …" and its translations. Not "Homepage von …", "More from …".
AUTHOR_LINK_TITLES = {
    "en": [r"(view )?(all )?(posts|articles|stories|content) by", "more by"],
    "de": [r"(alle )?(inhalte|artikel|beiträge|texte) von", "mehr von"],
    "fr": [r"(voir )?(tous les )?(articles|publications|contenus) (de|par)"],
    "es": [r"(ver )?(todos los |todas las )?(artículos|entradas|publicaciones|noticias) (de|por)"],
    "it": [r"(tutti gli )?(articoli|post) di"], "pt": [r"(todos os )?(artigos|posts|publicações|textos) (de|por)"],
    "nl": [r"(alle )?(artikelen|berichten) (van|door)"], "sv": [r"(alla )?(artiklar|inlägg) av"],
    "da": [r"(alle )?(artikler|indlæg) af"], "no": [r"(alle )?(artikler|innlegg) av"],
}

# "and" between two authors' names.
AUTHOR_CONJUNCTIONS = {
    "en": ["and"], "de": ["und"], "fr": ["et"], "es": ["y"], "it": ["e"], "pt": ["e"], "nl": ["en"], "da": ["og"],
    "no": ["og"], "kl": ["og"], "sv": ["och"], "tr": ["ve"], "fi": ["ja"], "et": ["ja"], "hu": ["és"], "pl": ["i", "oraz"],
    "cs": ["a"], "ca": ["i"], "ru": ["и"], "el": ["και"],
}

# A job title written after a reporter's name.
REPORTER_SUFFIXES = {
    "ko": ["기자", "특파원", "선임기자", "객원기자"],
    "ja": ["記者", "特派員", "編集委員", "論説委員"], "zh": ["记者", "報導", "报道", "特约记者"],
    # a desk's byline with the wires it used: "Euronews with agencies", "dpa mit Agenturen"
    "en": ["with agencies", "with wires"], "de": ["mit agenturen"], "fr": ["avec agences", "avec afp"],
    "es": ["con agencias"], "it": ["con agenzie"],
}

# Words of a job title that a visible byline prints beside the name ("Ben Silverman Games Editor",
# "Senior Staff Technologist"): a "name" holding one is not a name.
JOB_TITLE_WORDS = {
    "en": ["editor", "correspondent", "reporter", "writer", "contributor", "columnist", "producer", "technologist",
           "journalist", "analyst", "photographer",
           # who else a byline line names: "Written by A, Edited by B"
           "edited by", "photos by", "photography by", "illustrations? by", "translated by", "additional reporting by"],
    # German writes the desk into the title: "Wirtschaftsredakteur", "Auslandskorrespondentin".
    "de": [r"\w*redakteur(in)?", r"\w*korrespondent(in)?", r"\w*reporter(in)?"],
    "fr": ["rédacteur", "rédactrice", "correspondant", "correspondante", "journaliste"],
    "es": ["redactor", "redactora", "corresponsal", "periodista"], "it": ["corrispondente", "giornalista"],
}

# Link texts that point at the original of a republished story.
SOURCE_LINKS = {
    "en": ["source link", "source", "original source", "original article", "read the original( article)?",
           "originally published (at|on|in|by).*"],
    "fr": ["lien source", "source originale", "article original"],
    "de": ["quelle", "originalartikel"], "es": ["fuente", "enlace original"], "it": ["fonte", "link originale"],
    "nl": ["bron"], "ru": ["источник"],
}

# Author fields CMSs fill with an account or a placeholder, not a person ("admin", WordPress's first
# user; "Guest", "Unknown", template leftovers "null" and "undefined"): no one is named.
PLACEHOLDER_AUTHORS = {
    "en": ["admin", "administrator", "site admin", "webmaster", "editor", "guest", "guest author", "user", "root",
           "unknown", "anonymous", "author", "null", "undefined", "none", "n/a", "superuser", "system"],
    "de": ["administrator", "gast", "unbekannt", "anonym", "autor"],
    "fr": ["administrateur", "invité", "inconnu", "anonyme", "auteur"],
    "es": ["administrador", "invitado", "desconocido", "anónimo", "autor"],
    "it": ["amministratore", "ospite", "sconosciuto", "anonimo", "autore"],
    "pt": ["administrador", "convidado", "desconhecido", "anônimo", "anónimo", "autor"],
    "nl": ["beheerder", "gast", "onbekend", "anoniem", "auteur"],
}

# Day and month names (strong evidence, weight 3) and UI / function words (weight 1) per language.
# Words listed for more than one language are dropped at import: they tell nothing apart.
CALENDAR = {
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober november dezember",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar marts april maj juni juli august september oktober november december",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "tr": "pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "ru": "понедельник вторник среда четверг пятница суббота воскресенье января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "no": "mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli august september oktober november desember",
    "is": "mánudagur þriðjudagur miðvikudagur fimmtudagur föstudagur laugardagur sunnudagur janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember",
    "cs": "pondělí úterý středa čtvrtek pátek sobota neděle ledna února března dubna května června července srpna září října listopadu prosince leden únor březen duben květen červen červenec srpen říjen listopad prosinec",
    # Bulgarian and Ukrainian beside Russian: "и" and "новини" are all of theirs, "Понеделник, 1 декември"
    # and "1 грудня" are not. "Неделя", "март", "май" and "август" are Russian words too: left out.
    "bg": "понеделник вторник сряда четвъртък петък събота януари февруари април юни юли септември октомври ноември декември",
    "uk": "понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    # Indonesian and Malay share most of their words; their calendars are where they differ
    # (Senin / Isnin, Kamis / Khamis, Agustus / Ogos). Malay "Mac" and "Jun" are left out: English menus have them;
    # so is Sunday, "Minggu" or "Ahad" in both languages ("minggu" is their "week" too).
    "id": "senin selasa rabu kamis jumat sabtu januari februari maret april mei juni juli agustus september oktober november desember",
    "ms": "isnin selasa rabu khamis jumaat sabtu januari februari april mei julai ogos september oktober november disember",
    # From here on, and the nominative months of pl, cs, ru and uk: the Unicode CLDR's wide day and
    # month names, in both their date and stand-alone forms, as Babel 2.19 ships them (words under
    # three letters left out). A date line is the chrome's most common part in every language.
    "hr": "nedjelja ponedjeljak utorak srijeda četvrtak petak subota siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad studeni prosinac",
    "sr": "недеља понедељак уторак среда четвртак петак субота јануар фебруар март април мај јун јул август септембар октобар новембар децембар nedelja ponedeljak utorak sreda četvrtak petak subota januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    "bs": "nedjelja ponedjeljak utorak srijeda četvrtak petak subota januar februar mart april maj juni juli august septembar oktobar novembar decembar",
    "sl": "nedelja ponedeljek torek sreda četrtek petek sobota januar februar marec april maj junij julij avgust september oktober november december",
    "sk": "nedeľa pondelok utorok streda štvrtok piatok sobota januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra január február marec apríl máj jún júl august september október november december",
    "mk": "недела понеделник вторник среда четврток петок сабота јануари февруари март април мај јуни јули август септември октомври ноември декември",
    "ro": "duminică luni marți miercuri joi vineri sâmbătă ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "hu": "vasárnap hétfő kedd szerda csütörtök péntek szombat január február március április május június július augusztus szeptember október november december",
    "fi": "sunnuntaina maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina sunnuntai maanantai tiistai keskiviikko torstai perjantai lauantai tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu",
    "et": "pühapäev esmaspäev teisipäev kolmapäev neljapäev reede laupäev jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
    "lv": "svētdiena pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris",
    "lt": "sekmadienis pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio sausis vasaris kovas balandis gegužė birželis liepa rugpjūtis rugsėjis spalis lapkritis gruodis",
    "ca": "diumenge dilluns dimarts dimecres dijous divendres dissabte gener febrer març maig juny juliol setembre novembre desembre abril agost octubre",
    "sq": "diel hënë martë mërkurë enjte premte shtunë janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor",
    "sw": "jumapili jumatatu jumanne jumatano alhamisi ijumaa jumamosi januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba",
    "vi": "chủ nhật thứ hai năm sáu bảy tháng",
    "el": "κυριακή δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος",
    "he": "יום ראשון שני שלישי רביעי חמישי שישי שבת ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    "ar": "الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "fa": "یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه شنبه ژانویه فوریه مارس آوریل ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر",
    "ur": "اتوار پیر منگل بدھ جمعرات جمعہ ہفتہ جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
    "hi": "रविवार सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार जनवरी फ़रवरी मार्च अप्रैल जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "bn": "রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    "ta": "ஞாயிறு திங்கள் செவ்வாய் புதன் வியாழன் வெள்ளி சனி ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்",
    "ko": "일요일 월요일 화요일 수요일 목요일 금요일 토요일",
    # Chinese and Japanese day names (their months are written with digits: "7月").
    "zh": "星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天",
    "ja": "月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日",
}
UI_WORDS = {
    # English, without the loanwords every language's UI uses (home, news, login, share, video,
    # live, menu, search, more, email…): on an Indonesian or Hindi page they are not English.
    "en": "the and of with for your you our latest related subscribe comment comments leave reply read about privacy policy terms weather follow us all rights reserved please enter here name save browser time previous",
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
    "no": "og til med din dine våre nyheter søk logg abonner kommentar kommentarer svar del les mer kontakt været følg alle rettigheter forbeholdt",
    "is": "og til með þín þinn okkar fréttir leit innskráning áskrift athugasemd athugasemdir svara deila lesa meira hafa samband veður fylgdu öll réttindi áskilin",
    "cs": "a v s pro váš naše zprávy hledat přihlásit odebírat komentář komentáře odpovědět sdílet číst více kontakt počasí všechna práva vyhrazena",
    "id": "dan yang di untuk dengan beranda berita terkini terbaru cari masuk daftar bagikan baca selengkapnya komentar tentang kami kontak kebijakan privasi hak cipta dilindungi ikuti muat lainnya",
    "vi": "và của cho với trang chủ tin tức mới nhất tìm kiếm đăng nhập chia sẻ bình luận đọc thêm liên hệ chính sách bảo mật bản quyền theo dõi",
    # Malay where it is not Indonesian ("kata laluan", "kongsi", "langgan"; Indonesian "kata sandi",
    # "bagikan", "berlangganan"): the detectors read Malay menus as Indonesian.
    "ms": "laluan kongsi komen langgan sukan bisnes rencana terpelihara carian pautan mengenai emel tapis padam teruskan dikemas baharu",
    # Swahili, which fastText's compact model reads poorly in short menus.
    "sw": "mwanzo nyumbani habari kitaifa kimataifa biashara michezo burudani maoni teknolojia tafuta ingia toka shiriki zaidi "
          "jiunge kuhusu wasiliana faragha masharti matumizi zimehifadhiwa tangaza tovuti barua tuma kubali",
}


