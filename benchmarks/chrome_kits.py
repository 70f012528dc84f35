"""Page chromes for languages ../shared/eval has no pages in, from the UI strings news sites in
those languages show: menus, the date line, share bar, comment form, newsletter and cookie boxes,
a related-stories list and the footer. language_corpus.py puts real articles inside them.

Each kit is data; `chrome()` lays one out in one of six ways seen on real sites:
`full` (every part), `sparse` (menus, date line and footer: a few hundred characters),
`bilingual` (the kit's menus and forms, plus an English "trending" list and an English footer, as
many Asian and African sites have), `loanwords` (English words the language's UI borrows:
Home, Video, Live, Login, Share), `portal` (a mega menu, breadcrumb, tags, most-read list, social
links and app badges in English) and `consent` (the portal under an English consent banner).
The chrome language is the kit's in every layout.
"""

from __future__ import annotations

from html import escape

KITS: dict[str, dict] = {
    "hi": {
        "nav": ["होम", "देश", "विदेश", "राजनीति", "खेल", "मनोरंजन", "बिज़नेस", "टेक्नोलॉजी", "लाइफस्टाइल", "राज्य"],
        "date": "सोमवार, 1 दिसंबर 2026", "updated": "अपडेट किया गया", "by": "द्वारा",
        "share": ["शेयर करें", "कॉपी लिंक"], "read_more": "और पढ़ें", "related": "संबंधित खबरें",
        "headlines": ["दिल्ली में बढ़ा प्रदूषण, स्कूल बंद करने का आदेश", "संसद के शीतकालीन सत्र की तारीखें घोषित",
                      "किसानों को मिलेगी नई फसल बीमा योजना", "टीम इंडिया ने जीती टेस्ट सीरीज़", "पेट्रोल-डीजल के दाम स्थिर"],
        "comments": "अपनी टिप्पणी दें", "form": ["नाम", "ईमेल", "वेबसाइट", "टिप्पणी भेजें"],
        "newsletter": "ताज़ा खबरों के लिए हमारे न्यूज़लेटर की सदस्यता लें", "subscribe": "सदस्यता लें",
        "cookie": "हम आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करते हैं।", "accept": "स्वीकार करें",
        "footer": ["हमारे बारे में", "संपर्क करें", "गोपनीयता नीति", "नियम और शर्तें", "विज्ञापन दें"],
        "rights": "सर्वाधिकार सुरक्षित", "search": "खोजें", "login": "लॉग इन करें", "ad": "विज्ञापन",
    },
    "ar": {
        "nav": ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "تكنولوجيا", "صحة", "رأي"],
        "date": "الاثنين 1 ديسمبر 2026", "updated": "آخر تحديث", "by": "بقلم",
        "share": ["شارك", "نسخ الرابط"], "read_more": "اقرأ المزيد", "related": "أخبار ذات صلة",
        "headlines": ["ارتفاع أسعار النفط في الأسواق العالمية", "وزير الخارجية يبحث مع نظيره الأزمة الإقليمية",
                      "افتتاح معرض الكتاب الدولي بمشاركة واسعة", "المنتخب يتأهل إلى الدور النهائي", "توقعات بهطول أمطار غزيرة"],
        "comments": "اترك تعليقاً", "form": ["الاسم", "البريد الإلكتروني", "الموقع الإلكتروني", "إرسال التعليق"],
        "newsletter": "اشترك في نشرتنا الإخبارية ليصلك كل جديد", "subscribe": "اشترك",
        "cookie": "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", "accept": "موافق",
        "footer": ["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا"],
        "rights": "جميع الحقوق محفوظة", "search": "بحث", "login": "تسجيل الدخول", "ad": "إعلان",
    },
    "id": {
        "nav": ["Beranda", "Berita", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Hiburan", "Teknologi", "Otomotif", "Gaya Hidup"],
        "date": "Senin, 1 Desember 2026", "updated": "Diperbarui", "by": "Penulis",
        "share": ["Bagikan", "Salin tautan"], "read_more": "Baca selengkapnya", "related": "Berita Terkait",
        "headlines": ["Harga beras naik menjelang akhir tahun", "Presiden resmikan jalan tol baru di Jawa Tengah",
                      "Timnas lolos ke babak semifinal", "BMKG peringatkan cuaca ekstrem pekan ini", "Rupiah menguat terhadap dolar"],
        "comments": "Tinggalkan komentar", "form": ["Nama", "Surel", "Situs web", "Kirim komentar"],
        "newsletter": "Berlangganan buletin kami untuk berita terbaru", "subscribe": "Berlangganan",
        "cookie": "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.", "accept": "Setuju",
        "footer": ["Tentang kami", "Hubungi kami", "Kebijakan privasi", "Pedoman media siber", "Karier"],
        "rights": "Hak cipta dilindungi undang-undang", "search": "Cari", "login": "Masuk", "ad": "Iklan",
    },
    "vi": {
        "nav": ["Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Thể thao", "Giải trí", "Pháp luật", "Giáo dục", "Sức khỏe", "Du lịch"],
        "date": "Thứ hai, 1/12/2026", "updated": "Cập nhật", "by": "Tác giả",
        "share": ["Chia sẻ", "Sao chép liên kết"], "read_more": "Xem thêm", "related": "Tin liên quan",
        "headlines": ["Giá vàng trong nước tăng mạnh", "Hà Nội khởi công tuyến đường sắt đô thị mới",
                      "Đội tuyển Việt Nam thắng trận mở màn", "Mưa lớn gây ngập lụt ở miền Trung", "Xuất khẩu nông sản đạt kỷ lục"],
        "comments": "Ý kiến của bạn", "form": ["Họ tên", "Email", "Trang web", "Gửi bình luận"],
        "newsletter": "Đăng ký nhận bản tin để cập nhật tin tức mới nhất", "subscribe": "Đăng ký",
        "cookie": "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.", "accept": "Đồng ý",
        "footer": ["Giới thiệu", "Liên hệ", "Chính sách bảo mật", "Điều khoản sử dụng", "Quảng cáo"],
        "rights": "Bản quyền thuộc về tòa soạn", "search": "Tìm kiếm", "login": "Đăng nhập", "ad": "Quảng cáo",
    },
    "pl": {
        "nav": ["Strona główna", "Wiadomości", "Kraj", "Świat", "Polityka", "Gospodarka", "Sport", "Kultura", "Nauka", "Opinie"],
        "date": "Poniedziałek, 1 grudnia 2026", "updated": "Aktualizacja", "by": "Autor",
        "share": ["Udostępnij", "Kopiuj link"], "read_more": "Czytaj dalej", "related": "Powiązane artykuły",
        "headlines": ["Sejm przyjął ustawę budżetową", "Ceny prądu wzrosną od stycznia",
                      "Reprezentacja wygrała mecz eliminacyjny", "Nowa linia tramwajowa w Krakowie", "Prognoza pogody na weekend"],
        "comments": "Dodaj komentarz", "form": ["Imię", "Adres e-mail", "Strona internetowa", "Opublikuj komentarz"],
        "newsletter": "Zapisz się do naszego newslettera i bądź na bieżąco", "subscribe": "Zapisz się",
        "cookie": "Używamy plików cookie, aby poprawić jakość korzystania z serwisu.", "accept": "Akceptuję",
        "footer": ["O nas", "Kontakt", "Polityka prywatności", "Regulamin", "Reklama"],
        "rights": "Wszelkie prawa zastrzeżone", "search": "Szukaj", "login": "Zaloguj się", "ad": "Reklama",
    },
    "pt": {
        "nav": ["Início", "Últimas", "Política", "Economia", "Mundo", "Desporto", "Cultura", "Sociedade", "Tecnologia", "Opinião"],
        "date": "Segunda-feira, 1 de dezembro de 2026", "updated": "Atualizado", "by": "Por",
        "share": ["Partilhar", "Copiar ligação"], "read_more": "Ler mais", "related": "Artigos relacionados",
        "headlines": ["Governo aprova novo pacote de medidas", "Preço dos combustíveis volta a descer",
                      "Seleção vence e segue em frente", "Chuva forte provoca inundações no norte", "Bolsa fecha em alta"],
        "comments": "Deixe um comentário", "form": ["Nome", "Email", "Site", "Publicar comentário"],
        "newsletter": "Subscreva a nossa newsletter e receba as principais notícias", "subscribe": "Subscrever",
        "cookie": "Utilizamos cookies para melhorar a sua experiência de navegação.", "accept": "Aceitar",
        "footer": ["Sobre nós", "Contactos", "Política de privacidade", "Termos e condições", "Publicidade"],
        "rights": "Todos os direitos reservados", "search": "Pesquisar", "login": "Entrar", "ad": "Publicidade",
    },
    "lt": {
        "nav": ["Pradžia", "Naujienos", "Lietuvoje", "Pasaulyje", "Verslas", "Sportas", "Kultūra", "Mokslas", "Sveikata", "Nuomonės"],
        "date": "Pirmadienis, 2026 m. gruodžio 1 d.", "updated": "Atnaujinta", "by": "Autorius",
        "share": ["Dalintis", "Kopijuoti nuorodą"], "read_more": "Skaityti daugiau", "related": "Susiję straipsniai",
        "headlines": ["Seimas priėmė biudžeto įstatymą", "Kuro kainos vėl kyla",
                      "Krepšinio rinktinė laimėjo rungtynes", "Vilniuje atidarytas naujas tiltas", "Orų prognozė savaitgaliui"],
        "comments": "Palikite komentarą", "form": ["Vardas", "El. paštas", "Svetainė", "Paskelbti komentarą"],
        "newsletter": "Prenumeruokite mūsų naujienlaiškį", "subscribe": "Prenumeruoti",
        "cookie": "Naudojame slapukus, kad pagerintume jūsų naršymo patirtį.", "accept": "Sutinku",
        "footer": ["Apie mus", "Kontaktai", "Privatumo politika", "Naudojimosi taisyklės", "Reklama"],
        "rights": "Visos teisės saugomos", "search": "Paieška", "login": "Prisijungti", "ad": "Reklama",
    },
    "uk": {
        "nav": ["Головна", "Новини", "Політика", "Економіка", "Світ", "Спорт", "Культура", "Суспільство", "Технології", "Думки"],
        "date": "Понеділок, 1 грудня 2026", "updated": "Оновлено", "by": "Автор",
        "share": ["Поділитися", "Копіювати посилання"], "read_more": "Читати далі", "related": "Схожі новини",
        "headlines": ["Уряд ухвалив новий бюджет", "Ціни на пальне знизилися",
                      "Збірна перемогла у відбірковому матчі", "У Києві відкрили нову станцію метро", "Прогноз погоди на вихідні"],
        "comments": "Залишити коментар", "form": ["Ім'я", "Електронна пошта", "Сайт", "Надіслати коментар"],
        "newsletter": "Підпишіться на нашу розсилку, щоб отримувати головні новини", "subscribe": "Підписатися",
        "cookie": "Ми використовуємо файли cookie, щоб покращити вашу роботу з сайтом.", "accept": "Прийняти",
        "footer": ["Про нас", "Контакти", "Політика конфіденційності", "Умови використання", "Реклама"],
        "rights": "Усі права захищено", "search": "Пошук", "login": "Увійти", "ad": "Реклама",
    },
    "el": {
        "nav": ["Αρχική", "Ειδήσεις", "Πολιτική", "Οικονομία", "Κόσμος", "Αθλητικά", "Πολιτισμός", "Κοινωνία", "Τεχνολογία", "Απόψεις"],
        "date": "Δευτέρα, 1 Δεκεμβρίου 2026", "updated": "Ενημερώθηκε", "by": "Συντάκτης",
        "share": ["Κοινοποίηση", "Αντιγραφή συνδέσμου"], "read_more": "Διαβάστε περισσότερα", "related": "Σχετικά άρθρα",
        "headlines": ["Η Βουλή ψήφισε τον νέο προϋπολογισμό", "Μειώνονται οι τιμές των καυσίμων",
                      "Νίκη της Εθνικής στα προκριματικά", "Νέα γραμμή μετρό στη Θεσσαλονίκη", "Ο καιρός το Σαββατοκύριακο"],
        "comments": "Αφήστε ένα σχόλιο", "form": ["Όνομα", "Email", "Ιστότοπος", "Δημοσίευση σχολίου"],
        "newsletter": "Εγγραφείτε στο ενημερωτικό μας δελτίο", "subscribe": "Εγγραφή",
        "cookie": "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.", "accept": "Αποδοχή",
        "footer": ["Ποιοι είμαστε", "Επικοινωνία", "Πολιτική απορρήτου", "Όροι χρήσης", "Διαφήμιση"],
        "rights": "Με επιφύλαξη παντός δικαιώματος", "search": "Αναζήτηση", "login": "Σύνδεση", "ad": "Διαφήμιση",
    },
    "ro": {
        "nav": ["Acasă", "Știri", "Politică", "Economie", "Externe", "Sport", "Cultură", "Social", "Tehnologie", "Opinii"],
        "date": "Luni, 1 decembrie 2026", "updated": "Actualizat", "by": "Autor",
        "share": ["Distribuie", "Copiază linkul"], "read_more": "Citește mai mult", "related": "Articole similare",
        "headlines": ["Guvernul a adoptat bugetul pe anul viitor", "Prețul carburanților scade din nou",
                      "Naționala a câștigat meciul de calificare", "Ploi abundente în vestul țării", "Bursa a închis pe plus"],
        "comments": "Lasă un comentariu", "form": ["Nume", "Adresă de email", "Site web", "Publică comentariul"],
        "newsletter": "Abonează-te la newsletterul nostru", "subscribe": "Abonează-te",
        "cookie": "Folosim cookie-uri pentru a îmbunătăți experiența ta pe site.", "accept": "Accept",
        "footer": ["Despre noi", "Contact", "Politica de confidențialitate", "Termeni și condiții", "Publicitate"],
        "rights": "Toate drepturile rezervate", "search": "Caută", "login": "Autentificare", "ad": "Publicitate",
    },
    "hu": {
        "nav": ["Címlap", "Belföld", "Külföld", "Gazdaság", "Sport", "Kultúra", "Tudomány", "Életmód", "Vélemény", "Időjárás"],
        "date": "2026. december 1., hétfő", "updated": "Frissítve", "by": "Szerző",
        "share": ["Megosztás", "Link másolása"], "read_more": "Tovább olvasom", "related": "Kapcsolódó cikkek",
        "headlines": ["Elfogadta a parlament a jövő évi költségvetést", "Tovább csökken az üzemanyag ára",
                      "Győzött a válogatott a selejtezőn", "Új villamosvonal épül Budapesten", "Havazás jöhet a hétvégén"],
        "comments": "Szólj hozzá", "form": ["Név", "E-mail-cím", "Weboldal", "Hozzászólás elküldése"],
        "newsletter": "Iratkozz fel hírlevelünkre", "subscribe": "Feliratkozom",
        "cookie": "Sütiket használunk, hogy jobb élményt nyújtsunk az oldalon.", "accept": "Elfogadom",
        "footer": ["Impresszum", "Kapcsolat", "Adatvédelmi tájékoztató", "Felhasználási feltételek", "Hirdetés"],
        "rights": "Minden jog fenntartva", "search": "Keresés", "login": "Bejelentkezés", "ad": "Hirdetés",
    },
    "fi": {
        "nav": ["Etusivu", "Uutiset", "Kotimaa", "Ulkomaat", "Talous", "Urheilu", "Kulttuuri", "Tiede", "Terveys", "Mielipide"],
        "date": "Maanantai 1.12.2026", "updated": "Päivitetty", "by": "Toimittaja",
        "share": ["Jaa", "Kopioi linkki"], "read_more": "Lue lisää", "related": "Aiheeseen liittyvät",
        "headlines": ["Eduskunta hyväksyi ensi vuoden budjetin", "Sähkön hinta laskee talveksi",
                      "Leijonat voitti avausottelunsa", "Helsinkiin uusi raitiotielinja", "Lumimyräkkä lähestyy etelää"],
        "comments": "Jätä kommentti", "form": ["Nimi", "Sähköposti", "Verkkosivusto", "Lähetä kommentti"],
        "newsletter": "Tilaa uutiskirjeemme ja saat päivän tärkeimmät uutiset", "subscribe": "Tilaa",
        "cookie": "Käytämme evästeitä parantaaksemme käyttökokemustasi.", "accept": "Hyväksy",
        "footer": ["Tietoa meistä", "Yhteystiedot", "Tietosuojaseloste", "Käyttöehdot", "Mainosta meillä"],
        "rights": "Kaikki oikeudet pidätetään", "search": "Hae", "login": "Kirjaudu sisään", "ad": "Mainos",
    },
    "he": {
        "nav": ["ראשי", "חדשות", "פוליטיקה", "כלכלה", "עולם", "ספורט", "תרבות", "בריאות", "טכנולוגיה", "דעות"],
        "date": "יום שני, 1 בדצמבר 2026", "updated": "עודכן", "by": "מאת",
        "share": ["שתפו", "העתקת קישור"], "read_more": "לכתבה המלאה", "related": "כתבות נוספות",
        "headlines": ["הכנסת אישרה את תקציב המדינה", "מחירי הדלק יירדו בחודש הבא",
                      "הנבחרת ניצחה במשחק המוקדמות", "קו רכבת קלה חדש נפתח בירושלים", "תחזית: גשם כבד בסוף השבוע"],
        "comments": "הוסיפו תגובה", "form": ["שם", "דואר אלקטרוני", "אתר אינטרנט", "שליחת תגובה"],
        "newsletter": "הירשמו לניוזלטר שלנו וקבלו את העדכונים החמים", "subscribe": "הרשמה",
        "cookie": "אנו משתמשים בעוגיות כדי לשפר את חוויית הגלישה שלך.", "accept": "מאשר",
        "footer": ["אודות", "צור קשר", "מדיניות פרטיות", "תנאי שימוש", "פרסמו אצלנו"],
        "rights": "כל הזכויות שמורות", "search": "חיפוש", "login": "התחברות", "ad": "פרסומת",
    },
    "fa": {
        "nav": ["صفحه اصلی", "سیاسی", "اقتصادی", "اجتماعی", "بین‌الملل", "ورزشی", "فرهنگی", "علمی", "سلامت", "یادداشت"],
        "date": "دوشنبه ۱۰ آذر ۱۴۰۵", "updated": "به‌روزرسانی", "by": "نویسنده",
        "share": ["اشتراک‌گذاری", "کپی لینک"], "read_more": "ادامه مطلب", "related": "اخبار مرتبط",
        "headlines": ["مجلس لایحه بودجه را تصویب کرد", "قیمت طلا در بازار کاهش یافت",
                      "تیم ملی به مرحله نهایی صعود کرد", "بارش برف در استان‌های شمالی", "افتتاح خط جدید مترو"],
        "comments": "دیدگاه خود را بنویسید", "form": ["نام", "ایمیل", "وب‌سایت", "ارسال دیدگاه"],
        "newsletter": "در خبرنامه ما عضو شوید", "subscribe": "عضویت",
        "cookie": "ما از کوکی‌ها برای بهبود تجربه شما استفاده می‌کنیم.", "accept": "قبول",
        "footer": ["درباره ما", "تماس با ما", "حریم خصوصی", "شرایط استفاده", "تبلیغات"],
        "rights": "کلیه حقوق محفوظ است", "search": "جستجو", "login": "ورود", "ad": "تبلیغات",
    },
    "th": {
        "nav": ["หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "ต่างประเทศ", "กีฬา", "บันเทิง", "ไลฟ์สไตล์", "เทคโนโลยี", "สุขภาพ"],
        "date": "วันจันทร์ที่ 1 ธันวาคม 2569", "updated": "อัปเดต", "by": "ผู้เขียน",
        "share": ["แชร์", "คัดลอกลิงก์"], "read_more": "อ่านต่อ", "related": "ข่าวที่เกี่ยวข้อง",
        "headlines": ["รัฐบาลอนุมัติงบประมาณปีหน้า", "ราคาน้ำมันปรับลดลงอีกครั้ง",
                      "ทีมชาติไทยชนะนัดแรก", "กรุงเทพฯ เตรียมเปิดรถไฟฟ้าสายใหม่", "กรมอุตุฯ เตือนฝนตกหนัก"],
        "comments": "แสดงความคิดเห็น", "form": ["ชื่อ", "อีเมล", "เว็บไซต์", "ส่งความคิดเห็น"],
        "newsletter": "สมัครรับจดหมายข่าวของเรา", "subscribe": "สมัครสมาชิก",
        "cookie": "เราใช้คุกกี้เพื่อปรับปรุงประสบการณ์การใช้งานของคุณ", "accept": "ยอมรับ",
        "footer": ["เกี่ยวกับเรา", "ติดต่อเรา", "นโยบายความเป็นส่วนตัว", "ข้อกำหนดการใช้งาน", "ลงโฆษณา"],
        "rights": "สงวนลิขสิทธิ์", "search": "ค้นหา", "login": "เข้าสู่ระบบ", "ad": "โฆษณา",
    },
    "bg": {
        "nav": ["Начало", "Новини", "България", "Свят", "Политика", "Икономика", "Спорт", "Култура", "Здраве", "Мнения"],
        "date": "Понеделник, 1 декември 2026", "updated": "Обновена", "by": "Автор",
        "share": ["Сподели", "Копирай линка"], "read_more": "Прочетете още", "related": "Свързани статии",
        "headlines": ["Парламентът прие бюджета за догодина", "Цените на горивата падат",
                      "Националите победиха в квалификациите", "Нова метростанция в София", "Сняг и студ през уикенда"],
        "comments": "Напишете коментар", "form": ["Име", "Имейл", "Уебсайт", "Публикувай коментар"],
        "newsletter": "Абонирайте се за нашия бюлетин", "subscribe": "Абонирай се",
        "cookie": "Използваме бисквитки, за да подобрим вашето изживяване.", "accept": "Приемам",
        "footer": ["За нас", "Контакти", "Политика за поверителност", "Общи условия", "Реклама"],
        "rights": "Всички права запазени", "search": "Търсене", "login": "Вход", "ad": "Реклама",
    },
    # Written after the chrome rules, as a check of how they hold on languages never looked at:
    # 82.7 % of these pages' chromes were told right before the rules were revised (see the README).
    "ms": {"nav": ["Utama", "Berita", "Semasa", "Dunia", "Bisnes", "Sukan", "Hiburan", "Gaya Hidup", "Rencana", "Video"],
        "date": "Isnin, 1 Disember 2026", "updated": "Dikemas kini", "by": "Oleh",
        "share": ["Kongsi", "Salin pautan"], "read_more": "Baca lagi", "related": "Berita berkaitan",
        "headlines": ["Harga minyak sawit meningkat minggu ini", "Kerajaan umum bantuan tunai baharu", "Harimau Malaya menang tipis", "Banjir kilat landa ibu kota", "Ringgit kukuh berbanding dolar"],
        "comments": "Tinggalkan komen", "form": ["Nama", "E-mel", "Laman web", "Hantar komen"],
        "newsletter": "Langgan surat berita kami untuk berita terkini", "subscribe": "Langgan",
        "cookie": "Kami menggunakan kuki untuk menambah baik pengalaman anda.", "accept": "Terima",
        "footer": ["Mengenai kami", "Hubungi kami", "Dasar privasi", "Terma penggunaan", "Iklan bersama kami"],
        "rights": "Hak cipta terpelihara", "search": "Cari", "login": "Log masuk", "ad": "Iklan"},
    "tl": {"nav": ["Balita", "Bansa", "Mundo", "Negosyo", "Palakasan", "Libangan", "Opinyon", "Probinsya", "Teknolohiya", "Kalusugan"],
        "date": "Lunes, Disyembre 1, 2026", "updated": "Na-update", "by": "Ni",
        "share": ["Ibahagi", "Kopyahin ang link"], "read_more": "Magbasa pa", "related": "Kaugnay na balita",
        "headlines": ["Presyo ng bigas bumaba ngayong linggo", "Bagyo papalapit sa Luzon", "Gilas nagwagi sa laban", "Bagong tulay binuksan sa Cebu", "Mga guro humihingi ng dagdag sahod"],
        "comments": "Mag-iwan ng komento", "form": ["Pangalan", "Email", "Website", "Ipadala ang komento"],
        "newsletter": "Mag-subscribe sa aming newsletter para sa pinakabagong balita", "subscribe": "Mag-subscribe",
        "cookie": "Gumagamit kami ng cookies upang mapabuti ang iyong karanasan.", "accept": "Sang-ayon",
        "footer": ["Tungkol sa amin", "Makipag-ugnayan", "Patakaran sa privacy", "Mga tuntunin", "Mag-anunsyo"],
        "rights": "Nakalaan ang lahat ng karapatan", "search": "Maghanap", "login": "Mag-log in", "ad": "Patalastas"},
    "sw": {"nav": ["Mwanzo", "Habari", "Kitaifa", "Kimataifa", "Biashara", "Michezo", "Burudani", "Maoni", "Afya", "Teknolojia"],
        "date": "Jumatatu, 1 Desemba 2026", "updated": "Imesasishwa", "by": "Na",
        "share": ["Shiriki", "Nakili kiungo"], "read_more": "Soma zaidi", "related": "Habari zinazohusiana",
        "headlines": ["Bei ya mafuta yapanda tena", "Rais azindua barabara mpya", "Taifa Stars yashinda mechi", "Mvua kubwa zasababisha mafuriko", "Wakulima wapata mbegu bora"],
        "comments": "Acha maoni yako", "form": ["Jina", "Barua pepe", "Tovuti", "Tuma maoni"],
        "newsletter": "Jiunge na jarida letu upate habari mpya", "subscribe": "Jiunge",
        "cookie": "Tunatumia vidakuzi kuboresha matumizi yako ya tovuti.", "accept": "Kubali",
        "footer": ["Kuhusu sisi", "Wasiliana nasi", "Sera ya faragha", "Masharti ya matumizi", "Tangaza nasi"],
        "rights": "Haki zote zimehifadhiwa", "search": "Tafuta", "login": "Ingia", "ad": "Tangazo"},
    "hr": {"nav": ["Naslovnica", "Vijesti", "Hrvatska", "Svijet", "Politika", "Gospodarstvo", "Sport", "Kultura", "Zdravlje", "Mišljenja"],
        "date": "Ponedjeljak, 1. prosinca 2026.", "updated": "Ažurirano", "by": "Autor",
        "share": ["Podijeli", "Kopiraj poveznicu"], "read_more": "Pročitaj više", "related": "Povezani članci",
        "headlines": ["Sabor izglasao novi proračun", "Cijene goriva ponovno rastu", "Vatreni pobijedili u kvalifikacijama", "Nova linija tramvaja u Zagrebu", "Snijeg i hladnoća za vikend"],
        "comments": "Ostavite komentar", "form": ["Ime", "E-pošta", "Web stranica", "Objavi komentar"],
        "newsletter": "Pretplatite se na naš newsletter", "subscribe": "Pretplati se",
        "cookie": "Koristimo kolačiće kako bismo poboljšali vaše iskustvo.", "accept": "Prihvaćam",
        "footer": ["O nama", "Kontakt", "Pravila privatnosti", "Uvjeti korištenja", "Oglašavanje"],
        "rights": "Sva prava pridržana", "search": "Traži", "login": "Prijava", "ad": "Oglas"},
    "sk": {"nav": ["Domov", "Správy", "Slovensko", "Svet", "Ekonomika", "Šport", "Kultúra", "Zdravie", "Názory", "Veda"],
        "date": "Pondelok, 1. decembra 2026", "updated": "Aktualizované", "by": "Autor",
        "share": ["Zdieľať", "Kopírovať odkaz"], "read_more": "Čítať ďalej", "related": "Súvisiace články",
        "headlines": ["Parlament schválil rozpočet", "Ceny energií stúpnu od januára", "Hokejisti vyhrali nad Fínskom", "Nová diaľnica pri Žiline", "Predpoveď počasia na víkend"],
        "comments": "Pridať komentár", "form": ["Meno", "E-mail", "Webová stránka", "Odoslať komentár"],
        "newsletter": "Prihláste sa na odber nášho newslettera", "subscribe": "Odoberať",
        "cookie": "Používame súbory cookie na zlepšenie vašej skúsenosti.", "accept": "Súhlasím",
        "footer": ["O nás", "Kontakt", "Ochrana súkromia", "Podmienky používania", "Inzercia"],
        "rights": "Všetky práva vyhradené", "search": "Hľadať", "login": "Prihlásiť sa", "ad": "Reklama"},
    "sl": {"nav": ["Domov", "Novice", "Slovenija", "Svet", "Gospodarstvo", "Šport", "Kultura", "Zdravje", "Mnenja", "Znanost"],
        "date": "Ponedeljek, 1. december 2026", "updated": "Posodobljeno", "by": "Avtor",
        "share": ["Deli", "Kopiraj povezavo"], "read_more": "Preberi več", "related": "Sorodni članki",
        "headlines": ["Državni zbor sprejel proračun", "Cene goriv spet navzgor", "Košarkarji zmagali na gostovanju", "Nova kolesarska pot v Ljubljani", "Vremenska napoved za konec tedna"],
        "comments": "Dodaj komentar", "form": ["Ime", "E-pošta", "Spletna stran", "Objavi komentar"],
        "newsletter": "Naročite se na naše e-novice", "subscribe": "Naroči se",
        "cookie": "Uporabljamo piškotke za izboljšanje vaše izkušnje.", "accept": "Sprejmem",
        "footer": ["O nas", "Kontakt", "Varstvo zasebnosti", "Pogoji uporabe", "Oglaševanje"],
        "rights": "Vse pravice pridržane", "search": "Iskanje", "login": "Prijava", "ad": "Oglas"},
    "et": {"nav": ["Avaleht", "Uudised", "Eesti", "Maailm", "Majandus", "Sport", "Kultuur", "Arvamus", "Tervis", "Teadus"],
        "date": "Esmaspäev, 1. detsember 2026", "updated": "Uuendatud", "by": "Autor",
        "share": ["Jaga", "Kopeeri link"], "read_more": "Loe edasi", "related": "Seotud artiklid",
        "headlines": ["Riigikogu võttis vastu eelarve", "Kütuse hind tõuseb taas", "Korvpallikoondis võitis", "Tallinnas avati uus trammiliin", "Nädalavahetusel oodata lund"],
        "comments": "Lisa kommentaar", "form": ["Nimi", "E-post", "Koduleht", "Saada kommentaar"],
        "newsletter": "Telli meie uudiskiri", "subscribe": "Telli",
        "cookie": "Kasutame küpsiseid, et parandada teie kogemust.", "accept": "Nõustun",
        "footer": ["Meist", "Kontakt", "Privaatsuspoliitika", "Kasutustingimused", "Reklaam"],
        "rights": "Kõik õigused kaitstud", "search": "Otsi", "login": "Logi sisse", "ad": "Reklaam"},
    "lv": {"nav": ["Sākums", "Ziņas", "Latvijā", "Pasaulē", "Ekonomika", "Sports", "Kultūra", "Viedokļi", "Veselība", "Zinātne"],
        "date": "Pirmdiena, 2026. gada 1. decembris", "updated": "Atjaunināts", "by": "Autors",
        "share": ["Dalīties", "Kopēt saiti"], "read_more": "Lasīt vairāk", "related": "Saistītie raksti",
        "headlines": ["Saeima pieņem budžetu", "Degvielas cenas atkal kāpj", "Hokejisti uzvar Somiju", "Rīgā atklāj jaunu tramvaja līniju", "Nedēļas nogalē gaidāms sniegs"],
        "comments": "Pievienot komentāru", "form": ["Vārds", "E-pasts", "Tīmekļa vietne", "Publicēt komentāru"],
        "newsletter": "Piesakies mūsu jaunumu vēstulei", "subscribe": "Pieteikties",
        "cookie": "Mēs izmantojam sīkdatnes, lai uzlabotu jūsu pieredzi.", "accept": "Piekrītu",
        "footer": ["Par mums", "Kontakti", "Privātuma politika", "Lietošanas noteikumi", "Reklāma"],
        "rights": "Visas tiesības aizsargātas", "search": "Meklēt", "login": "Pieslēgties", "ad": "Reklāma"},
    "bn": {"nav": ["প্রচ্ছদ", "বাংলাদেশ", "আন্তর্জাতিক", "রাজনীতি", "অর্থনীতি", "খেলা", "বিনোদন", "মতামত", "প্রযুক্তি", "স্বাস্থ্য"],
        "date": "সোমবার, ১ ডিসেম্বর ২০২৬", "updated": "আপডেট", "by": "লেখক",
        "share": ["শেয়ার করুন", "লিংক কপি করুন"], "read_more": "আরও পড়ুন", "related": "আরও খবর",
        "headlines": ["চালের দাম বাড়ছে বাজারে", "ঢাকায় নতুন মেট্রোরেল চালু", "বাংলাদেশ দলের জয়", "ঘূর্ণিঝড়ের সতর্কতা জারি", "রপ্তানি আয়ে রেকর্ড"],
        "comments": "মন্তব্য করুন", "form": ["নাম", "ইমেইল", "ওয়েবসাইট", "মন্তব্য পাঠান"],
        "newsletter": "সর্বশেষ খবর পেতে আমাদের নিউজলেটারে সাবস্ক্রাইব করুন", "subscribe": "সাবস্ক্রাইব",
        "cookie": "আপনার অভিজ্ঞতা উন্নত করতে আমরা কুকি ব্যবহার করি।", "accept": "সম্মত",
        "footer": ["আমাদের সম্পর্কে", "যোগাযোগ", "গোপনীয়তা নীতি", "ব্যবহারের শর্তাবলি", "বিজ্ঞাপন"],
        "rights": "সর্বস্বত্ব সংরক্ষিত", "search": "খুঁজুন", "login": "লগইন", "ad": "বিজ্ঞাপন"},
    "ta": {"nav": ["முகப்பு", "செய்திகள்", "தமிழகம்", "இந்தியா", "உலகம்", "வணிகம்", "விளையாட்டு", "சினிமா", "ஆன்மிகம்", "தொழில்நுட்பம்"],
        "date": "திங்கள், 1 டிசம்பர் 2026", "updated": "புதுப்பிக்கப்பட்டது", "by": "எழுதியவர்",
        "share": ["பகிர்", "இணைப்பை நகலெடு"], "read_more": "மேலும் படிக்க", "related": "தொடர்புடைய செய்திகள்",
        "headlines": ["சென்னையில் கனமழை எச்சரிக்கை", "பெட்ரோல் விலை மாற்றமில்லை", "இந்திய அணி வெற்றி", "புதிய மெட்ரோ ரயில் சேவை தொடக்கம்", "விவசாயிகளுக்கு புதிய திட்டம்"],
        "comments": "உங்கள் கருத்தை பதிவு செய்யவும்", "form": ["பெயர்", "மின்னஞ்சல்", "இணையதளம்", "கருத்தை அனுப்பு"],
        "newsletter": "எங்கள் செய்திமடலுக்கு பதிவு செய்யுங்கள்", "subscribe": "பதிவு செய்",
        "cookie": "உங்கள் அனுபவத்தை மேம்படுத்த நாங்கள் குக்கீகளைப் பயன்படுத்துகிறோம்.", "accept": "ஏற்கிறேன்",
        "footer": ["எங்களைப் பற்றி", "தொடர்பு கொள்ள", "தனியுரிமைக் கொள்கை", "விதிமுறைகள்", "விளம்பரம்"],
        "rights": "அனைத்து உரிமைகளும் பாதுகாக்கப்பட்டவை", "search": "தேடு", "login": "உள்நுழை", "ad": "விளம்பரம்"},
    "ur": {"nav": ["صفحہ اول", "پاکستان", "دنیا", "سیاست", "کاروبار", "کھیل", "شوبز", "صحت", "کالم", "ٹیکنالوجی"],
        "date": "پیر، 1 دسمبر 2026", "updated": "اپ ڈیٹ", "by": "تحریر",
        "share": ["شیئر کریں", "لنک کاپی کریں"], "read_more": "مزید پڑھیں", "related": "متعلقہ خبریں",
        "headlines": ["پٹرول کی قیمت میں اضافہ", "وزیراعظم کا قوم سے خطاب", "قومی ٹیم نے میچ جیت لیا", "لاہور میں شدید دھند", "اسٹاک مارکیٹ میں تیزی"],
        "comments": "اپنی رائے دیں", "form": ["نام", "ای میل", "ویب سائٹ", "تبصرہ بھیجیں"],
        "newsletter": "تازہ ترین خبروں کے لیے ہمارا نیوز لیٹر حاصل کریں", "subscribe": "سبسکرائب",
        "cookie": "ہم آپ کے تجربے کو بہتر بنانے کے لیے کوکیز استعمال کرتے ہیں۔", "accept": "قبول کریں",
        "footer": ["ہمارے بارے میں", "رابطہ کریں", "رازداری کی پالیسی", "شرائط و ضوابط", "اشتہار"],
        "rights": "جملہ حقوق محفوظ ہیں", "search": "تلاش کریں", "login": "لاگ ان", "ad": "اشتہار"},
    "zh": {"nav": ["首页", "新闻", "国内", "国际", "财经", "体育", "娱乐", "科技", "健康", "评论"],
        "date": "2026年12月1日 星期一", "updated": "更新时间", "by": "作者",
        "share": ["分享", "复制链接"], "read_more": "查看更多", "related": "相关新闻",
        "headlines": ["央行宣布下调存款准备金率", "北京地铁新线路开通运营", "国足主场取得胜利", "寒潮来袭多地降温", "新能源汽车销量再创新高"],
        "comments": "发表评论", "form": ["昵称", "邮箱", "网址", "提交评论"],
        "newsletter": "订阅我们的新闻简报，获取最新资讯", "subscribe": "订阅",
        "cookie": "我们使用cookie来改善您的浏览体验。", "accept": "同意",
        "footer": ["关于我们", "联系我们", "隐私政策", "使用条款", "广告服务"],
        "rights": "版权所有", "search": "搜索", "login": "登录", "ad": "广告"},
    "ca": {"nav": ["Inici", "Notícies", "Política", "Societat", "Economia", "Món", "Esports", "Cultura", "Opinió", "Ciència"],
        "date": "Dilluns, 1 de desembre de 2026", "updated": "Actualitzat", "by": "Per",
        "share": ["Comparteix", "Copia l'enllaç"], "read_more": "Llegeix més", "related": "Notícies relacionades",
        "headlines": ["El Parlament aprova els pressupostos", "Puja el preu de la llum", "El Barça guanya a domicili", "Nova línia de metro a Barcelona", "Previsió del temps per al cap de setmana"],
        "comments": "Deixa un comentari", "form": ["Nom", "Correu electrònic", "Lloc web", "Publica el comentari"],
        "newsletter": "Subscriu-te al nostre butlletí", "subscribe": "Subscriu-te",
        "cookie": "Utilitzem galetes per millorar la teva experiència.", "accept": "Accepto",
        "footer": ["Qui som", "Contacte", "Política de privadesa", "Avís legal", "Publicitat"],
        "rights": "Tots els drets reservats", "search": "Cerca", "login": "Inicia sessió", "ad": "Publicitat"},
}
# What English-speaking UIs lend: menus and buttons that many languages' sites keep in English.
LOANWORDS = {"nav": ["Home", "News", "Video", "Live", "Podcast"], "login": "Login", "share": ["Share"],
             "read_more": "Load more"}
TRENDING_EN = ["Trending", "Stock markets rally as inflation cools", "Champions League: five things we learned",
               "New smartphone launch draws long queues", "Climate summit ends with a fragile deal",
               "Box office: the weekend's biggest films", "How to save on your energy bill this winter",
               "Scientists find water ice on a distant moon", "Transfer news: latest updates"]
FOOTER_EN = ["About us", "Contact", "Privacy policy", "Terms of use", "Advertise with us", "All rights reserved"]
RTL = {"ar", "he", "fa"}
LAYOUTS = ("full", "sparse", "bilingual", "loanwords", "portal", "consent")
# A portal's English: social networks and app stores, and (layout `consent`) the consent banner
# its vendor ships in English whatever the site's language.
SOCIAL = ["Facebook", "X", "Instagram", "YouTube", "WhatsApp", "Telegram", "TikTok", "LinkedIn"]
APP_BADGES = ["Download on the App Store", "Get it on Google Play"]
CONSENT_EN = ("We value your privacy. We and our 842 partners store and/or access information on a device, such as "
              "cookies, and process personal data, such as unique identifiers and standard information sent by a "
              "device for personalised advertising and content, advertising and content measurement, audience "
              "research and services development.")


def _links(items, cls: str) -> str:
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/{n}">{escape(t)}</a></li>' for n, t in enumerate(items)) + "</ul>"


def portal(kit: dict, head: str, attrs: str, title: str, paragraphs: list[str], consent: bool) -> str:
    """A news portal's page: a mega menu (each section with two sub-sections), breadcrumb, tags,
    social links and app badges in English; with `consent`, an English consent banner first."""
    e = escape
    nav = kit["nav"]
    menu = "".join(f'<li><a href="/{n}">{e(t)}</a><ul>' + "".join(
        f'<li><a href="/{n}/{m}">{e(s)}</a></li>' for m, s in enumerate(nav[(n + 1) % 10:(n + 1) % 10 + 2])) + "</ul></li>"
        for n, t in enumerate(nav))
    banner = (f'<div id="onetrust-banner-sdk"><p>{CONSENT_EN}</p><button>Accept all</button><button>Reject all</button>'
              '<button>Manage preferences</button></div>') if consent else ""
    return (f"<!DOCTYPE html><html{attrs}>{head}<body>{banner}"
            f'<header><div class="top"><span>{e(kit["date"])}</span> <a href="/login">{e(kit["login"])}</a> '
            f'<a href="/subscribe">{e(kit["subscribe"])}</a></div><nav class="mega"><ul>{menu}</ul></nav></header>'
            f'<div class="breadcrumb"><a href="/">{e(nav[0])}</a> › <a href="/1">{e(nav[1])}</a></div>'
            f'<main><article><h1>{e(title)}</h1><div class="byline">{e(kit["by"])} Daily Courier · <time>{e(kit["date"])}</time></div>'
            '<div class="article-body">' + "".join(f"<p>{e(p)}</p>" for p in paragraphs) + "</div>"
            '<div class="tags">' + "".join(f'<a href="/t{n}">{e(t)}</a>' for n, t in enumerate(nav[3:6])) + "</div>"
            '<div class="share">' + "".join(f'<a href="#">{s}</a>' for s in SOCIAL[:5]) + "</div></article>"
            f'<aside><h3>{e(kit["related"])}</h3>{_links(kit["headlines"], "most-read")}</aside></main>'
            f'<footer>{_links(kit["footer"], "footer-menu")}<div class="social">' + "".join(f'<a href="#">{s}</a>' for s in SOCIAL)
            + '</div><div class="apps">' + "".join(f'<a href="#">{b}</a>' for b in APP_BADGES)
            + f'</div><p>© 2026 Daily Courier. {e(kit["rights"])}</p></footer></body></html>')


def chrome(lang: str, layout: str, title: str, paragraphs: list[str], html_lang: str | None,
           jsonld: str, description: str) -> str:
    """A whole page: the kit's chrome around the article (title + paragraphs)."""
    kit = KITS[lang]
    nav = list(kit["nav"])
    share, login, read_more = list(kit["share"]), kit["login"], kit["read_more"]
    if layout == "loanwords":
        nav = LOANWORDS["nav"] + nav[2:8]
        share, login, read_more = LOANWORDS["share"] + share[1:], LOANWORDS["login"], LOANWORDS["read_more"]
    attrs = f' lang="{html_lang}"' if html_lang else ""
    if lang in RTL:
        attrs += ' dir="rtl"'
    site = "Daily Courier"
    head = (f'<head><meta charset="utf-8"><title>{escape(title)} - {site}</title>'
            f'<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{site}">'
            f'<meta name="description" content="{escape(description)}">'
            f'<meta property="og:description" content="{escape(description)}">'
            f'<script type="application/ld+json">{jsonld}</script></head>')
    if layout in ("portal", "consent"):
        return portal(kit, head, attrs, title, paragraphs, consent=layout == "consent")
    header = (f'<header class="site-header"><div class="top-bar"><span class="date-line">{escape(kit["date"])}</span>'
              f'<form class="search" role="search"><input type="search" name="q" placeholder="{escape(kit["search"])}">'
              f'</form><a class="login" href="/login">{escape(login)}</a></div>'
              f'<nav class="main-nav">{_links(nav, "menu")}</nav></header>')
    article = (f'<article class="post"><h1>{escape(title)}</h1>'
               f'<div class="meta"><span class="byline">{escape(kit["by"])} <a href="/author">{site}</a></span> · '
               f'<time>{escape(kit["date"])}</time> · {escape(kit["updated"])}</div>'
               f'<div class="entry-content">' + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</div>")
    footer_items = kit["footer"] if layout != "bilingual" else FOOTER_EN[:-1]
    rights = kit["rights"] if layout != "bilingual" else FOOTER_EN[-1]
    footer = f'<footer class="site-footer">{_links(footer_items, "footer-menu")}<p class="copyright">© 2026 {site}. {escape(rights)}</p></footer>'
    if layout == "sparse":
        return f"<!DOCTYPE html><html{attrs}>{head}<body>{header}<main>{article}</article></main>{footer}</body></html>"
    share_bar = '<div class="share-buttons">' + "".join(f'<a href="#">{escape(s)}</a>' for s in share) + "</div>"
    related = (f'<section class="related-posts"><h3>{escape(kit["related"])}</h3>{_links(kit["headlines"], "related-list")}'
               f'<a class="more" href="/more">{escape(read_more)}</a></section>')
    comments = (f'<section id="comments" class="comments-area"><h3>{escape(kit["comments"])}</h3>'
                '<form class="comment-form">' + "".join(
                    f'<p><label>{escape(label)}</label><input type="text"></p>' for label in kit["form"][:3])
                + f'<textarea></textarea><button type="submit">{escape(kit["form"][3])}</button></form></section>')
    newsletter = (f'<div class="newsletter-box"><p>{escape(kit["newsletter"])}</p>'
                  f'<input type="email"><button>{escape(kit["subscribe"])}</button></div>')
    cookie = (f'<div class="cookie-notice"><p>{escape(kit["cookie"])}</p><button>{escape(kit["accept"])}</button></div>')
    ad = f'<div class="ad-slot"><span>{escape(kit["ad"])}</span></div>'
    trending = ""
    if layout == "bilingual":
        trending = f'<aside class="trending"><h3>{TRENDING_EN[0]}</h3>{_links(TRENDING_EN[1:], "trending-list")}</aside>'
    return (f"<!DOCTYPE html><html{attrs}>{head}<body>{cookie}{header}{ad}<main>{article}{share_bar}</article>"
            f"{related}{comments}</main>{trending}{newsletter}{footer}</body></html>")
