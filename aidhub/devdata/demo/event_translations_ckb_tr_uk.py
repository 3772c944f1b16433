"""The demo events' and needed items' translations into Sorani Kurdish (ckb), Turkish (tr) and Ukrainian (uk),
kept apart from event_translations.py so that the languages added in parallel merge without conflicts; that module
adds them to its EVENTS and SUPPLIES. Same shape: (title, description) per event, a name per item."""

EVENTS = {
    "Legal aid night: immigration questions": {
        "ckb": (
            "شەوی یارمەتیی یاسایی: پرسیارەکانی کۆچبەری",
            "ڕاوێژی بێبەرامبەر و نهێنی لە پارێزەرانی کۆچبەرییەوە، لەگەڵ وەرگێڕ. ژوانێکی 20 خولەکی بگرن.",
        ),
        "tr": (
            "Hukuki yardım gecesi: göçmenlik soruları",
            "Göçmenlik avukatlarından ücretsiz ve gizli danışmanlık, tercümanlarla. 20 dakikalık bir randevu alın.",
        ),
        "uk": (
            "Вечір правової допомоги: питання імміграції",
            "Безкоштовні й конфіденційні консультації імміграційних юристів, з перекладачами. Запишіться на 20 хвилин.",
        ),
    },
    "Know your rights at home and at work": {
        "ckb": (
            "مافەکانتان لە ماڵ و لە کار بزانن",
            "چی بکەن ئەگەر کەسێک لە دەرگاکەتانی دا یان هاتە شوێنی کارەکەتان. پرسیارەکانتان بهێنن.",
        ),
        "tr": (
            "Evde ve işte haklarınızı bilin",
            "Biri kapınızı çalarsa ya da iş yerinize gelirse ne yapmalısınız. Sorularınızı getirin.",
        ),
        "uk": (
            "Знайте свої права вдома і на роботі",
            "Що робити, якщо хтось стукає у ваші двері або приходить на вашу роботу. Приносьте свої запитання.",
        ),
    },
    "Winter supply drive": {
        "ckb": ("کۆکردنەوەی کەلوپەلی زستان", "بەتانی، پاڵتۆی گەرم و خواردن بۆ خێزانە تازەگەیشتووەکان کۆ دەکەینەوە."),
        "tr": ("Kış yardımı toplama", "Yeni gelen aileler için battaniye, mont ve yiyecek topluyoruz."),
        "uk": ("Зимовий збір речей", "Збираємо ковдри, теплий одяг і їжу для родин, які щойно приїхали."),
    },
    "Vigil outside the county detention center": {
        "ckb": (
            "چاوەڕوانیی بێدەنگ لە بەردەم بنکەی دەستبەسەرکردنی ناوچە",
            "چاوەڕوانییەکی ئارام بە مۆمەوە بۆ دراوسێ دەستبەسەرکراوەکانمان. ئاشتییانە، لەگەڵ بەرپرسی ڕاهێنراو.",
        ),
        "tr": (
            "İlçe gözaltı merkezi önünde nöbet",
            "Gözaltındaki komşularımız için mumlarla sessiz bir nöbet. Barışçıl, eğitimli görevlilerle.",
        ),
        "uk": (
            "Віча біля окружного центру утримання",
            "Тиха віча зі свічками за наших затриманих сусідів. Мирна, з навченими відповідальними.",
        ),
    },
    "Community dinner": {
        "ckb": ("نانی ئێوارەی کۆمەڵگا", "نانی ئێوارەی بێبەرامبەر بۆ هەمووان. وەرن و دراوسێکانتان بناسن."),
        "tr": ("Mahalle akşam yemeği", "Herkes için ücretsiz bir akşam yemeği. Gelin, komşularınızla tanışın."),
        "uk": ("Спільна вечеря", "Безкоштовна вечеря для всіх. Приходьте познайомитися з сусідами."),
    },
    "New volunteer orientation": {
        "ckb": (
            "ناساندن بۆ خۆبەخشە نوێیەکان",
            "تۆڕەکە چۆن کار دەکات، چۆن خێزانەکان دەپارێزین و ئێوە چۆن دەتوانن یارمەتی بدەن.",
        ),
        "tr": (
            "Yeni gönüllüler için tanışma",
            "Ağ nasıl çalışır, aileleri nasıl koruruz ve siz nasıl yardım edebilirsiniz.",
        ),
        "uk": (
            "Знайомство для нових волонтерів",
            "Як працює мережа, як ми захищаємо родини і як ви можете допомогти.",
        ),
    },
    "Noche de ayuda legal / Legal aid night": {
        "ckb": (
            "شەوی یارمەتیی یاسایی",
            "ڕاوێژی بێبەرامبەر لەگەڵ پارێزەران، بە ئیسپانی، کریۆلی هایتی و دەری.",
        ),
        "tr": (
            "Hukuki yardım gecesi",
            "Avukatlarla ücretsiz danışmanlık; İspanyolca, Haiti Kreolcesi ve Dari dilinde.",
        ),
        "uk": (
            "Вечір правової допомоги",
            "Безкоштовні консультації юристів іспанською, гаїтянською креольською та дарі.",
        ),
    },
    "Preparing for a court hearing": {
        "ckb": (
            "خۆئامادەکردن بۆ دانیشتنی دادگا",
            "لە دانیشتنێکی دادگای کۆچبەریدا چی ڕوودەدات و چۆن خۆتان ئامادە بکەن. گرووپی بچووک.",
        ),
        "tr": (
            "Mahkeme duruşmasına hazırlık",
            "Göçmenlik duruşmasında neler olur ve nasıl hazırlanılır. Küçük grup.",
        ),
        "uk": (
            "Підготовка до судового засідання",
            "Що відбувається на імміграційному засіданні і як підготуватися. Невелика група.",
        ),
    },
    "Back-to-school supplies": {
        "ckb": ("کەلوپەلی گەڕانەوە بۆ قوتابخانە", "جانتا، دەفتەر و قەڵەم بۆ ئەو منداڵانەی دەست بە قوتابخانە دەکەن."),
        "tr": ("Okula dönüş malzemeleri", "Okula başlayan çocuklar için sırt çantası, defter ve kalem."),
        "uk": ("Усе до школи", "Рюкзаки, зошити й олівці для дітей, які йдуть до школи."),
    },
    "Solidarity walk to the courthouse": {
        "ckb": (
            "ڕێپێوانی هاوپشتی بۆ دادگا",
            "لەگەڵ خێزانەکان دەچین بۆ دانیشتنەکانیان بۆ ئەوەی کەس بە تەنها نەچێت.",
        ),
        "tr": (
            "Adliyeye dayanışma yürüyüşü",
            "Kimse yalnız gitmesin diye ailelere duruşmalarında eşlik ediyoruz.",
        ),
        "uk": (
            "Хода солідарності до суду",
            "Ми супроводжуємо родини на засідання, щоб ніхто не йшов сам.",
        ),
    },
    "Harbor potluck": {
        "ckb": ("نانی هاوبەش لە Harbor", "خواردنێک لە ماڵەوە بهێنن، یان تەنها وەرن. هەمووان بەخێربێن."),
        "tr": ("Harbor’da ortak yemek", "Evden bir yemek getirin ya da sadece gelin. Herkes davetlidir."),
        "uk": ("Спільний обід у Harbor", "Принесіть страву з дому або просто приходьте. Раді всім."),
    },
    "Interpreter training: Haitian Creole and Dari": {
        "ckb": (
            "ڕاهێنانی وەرگێڕ: کریۆلی هایتی و دەری",
            "یەکەم ڕاهێنان بۆ وەرگێڕە خۆبەخشەکان: نهێنیپارێزی، ئەرکەکان و ڕاهێنانی کرداری.",
        ),
        "tr": (
            "Tercüman eğitimi: Haiti Kreolcesi ve Dari",
            "Gönüllü tercümanlar için ilk eğitim: gizlilik, görevler ve uygulama.",
        ),
        "uk": (
            "Навчання перекладачів: гаїтянська креольська і дарі",
            "Перше навчання для перекладачів-волонтерів: конфіденційність, ролі та практика.",
        ),
    },
}

SUPPLIES = {
    "Snacks and water for families waiting": {
        "ckb": "خواردنی سووک و ئاو بۆ خێزانە چاوەڕوانەکان",
        "tr": "Bekleyen aileler için atıştırmalık ve su",
        "uk": "Перекус і вода для родин, які чекають",
    },
    "Blankets": {"ckb": "بەتانی", "tr": "Battaniye", "uk": "Ковдри"},
    "Children's winter coats": {
        "ckb": "پاڵتۆی زستانەی منداڵان",
        "tr": "Çocuk kışlık montları",
        "uk": "Зимові куртки для дітей",
    },
    "Hot meals": {"ckb": "خواردنی گەرم", "tr": "Sıcak yemek", "uk": "Гаряча їжа"},
    "Candles": {"ckb": "مۆم", "tr": "Mum", "uk": "Свічки"},
    "Thermos of hot tea": {"ckb": "فلاسکی چای گەرم", "tr": "Termosta sıcak çay", "uk": "Термос гарячого чаю"},
    "Backpacks": {"ckb": "جانتای پشت", "tr": "Sırt çantası", "uk": "Рюкзаки"},
    "Notebooks": {"ckb": "دەفتەر", "tr": "Defter", "uk": "Зошити"},
    "Paper plates (packs)": {
        "ckb": "قاپی کاغەزی (پاکەت)",
        "tr": "Kâğıt tabak (paket)",
        "uk": "Паперові тарілки (упаковки)",
    },
}
