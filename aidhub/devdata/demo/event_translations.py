"""What the demo organizers translated: every published event's title and description, and every needed item's
name, in every interface language (issue 17, item 9). Keyed by the English text; (title, description) per event."""

import importlib
from pathlib import Path

EVENTS = {
    "Legal aid night: immigration questions": {
        "es": (
            "Noche de ayuda legal: preguntas de inmigración",
            "Consejos gratis y confidenciales de abogados de inmigración, con intérpretes. Reserve una cita de 20 minutos.",
        ),
        "zh-hans": ("法律援助之夜：移民问题", "移民律师提供免费、保密的咨询，并有口译员。请预约20分钟的时段。"),
        "vi": (
            "Buổi tối trợ giúp pháp lý: câu hỏi về di trú",
            "Luật sư di trú tư vấn miễn phí và bảo mật, có phiên dịch. Hãy đặt một cuộc hẹn 20 phút.",
        ),
        "tl": (
            "Gabi ng tulong legal: mga tanong sa imigrasyon",
            "Libre at kumpidensyal na payo mula sa mga abogado sa imigrasyon, may mga interpreter. Mag-book ng 20 minutong appointment.",
        ),
        "ar": (
            "أمسية مساعدة قانونية: أسئلة الهجرة",
            "استشارة مجانية وسرّية من محامي هجرة، مع مترجمين. احجز موعدًا مدته 20 دقيقة.",
        ),
        "fa": (
            "شب کمک حقوقی: پرسش‌های مهاجرتی",
            "مشاوره رایگان و محرمانه با وکلای مهاجرت، همراه با مترجم. یک وقت ۲۰ دقیقه‌ای رزرو کنید.",
        ),
        "ht": (
            "Aswè èd legal: kesyon imigrasyon",
            "Konsèy gratis e konfidansyèl avèk avoka imigrasyon, ak entèprèt. Pran yon randevou 20 minit.",
        ),
        "fr": (
            "Soirée d’aide juridique : questions d’immigration",
            "Conseils gratuits et confidentiels d’avocats en immigration, avec des interprètes. Réservez un rendez-vous de 20 minutes.",
        ),
        "pt-br": (
            "Noite de ajuda jurídica: perguntas sobre imigração",
            "Orientação gratuita e confidencial de advogados de imigração, com intérpretes. Agende um horário de 20 minutos.",
        ),
        "ru": (
            "Вечер юридической помощи: вопросы иммиграции",
            "Бесплатные и конфиденциальные консультации иммиграционных юристов, с переводчиками. Запишитесь на 20 минут.",
        ),
        "ko": ("법률 지원의 밤: 이민 관련 질문", "이민 변호사의 무료 비밀 상담, 통역사 동석. 20분 상담을 예약하세요."),
    },
    "Know your rights at home and at work": {
        "es": (
            "Conozca sus derechos en casa y en el trabajo",
            "Qué hacer si alguien toca a su puerta o llega a su trabajo. Traiga sus preguntas.",
        ),
        "zh-hans": ("了解您在家中和工作中的权利", "如果有人敲门或来到您的工作场所，该怎么办。欢迎带着问题来。"),
        "vi": (
            "Biết quyền của bạn ở nhà và nơi làm việc",
            "Phải làm gì nếu có người gõ cửa nhà bạn hoặc đến nơi bạn làm việc. Hãy mang theo câu hỏi.",
        ),
        "tl": (
            "Alamin ang iyong mga karapatan sa bahay at sa trabaho",
            "Ano ang gagawin kung may kumatok sa pinto mo o dumating sa trabaho mo. Dalhin ang iyong mga tanong.",
        ),
        "ar": ("اعرف حقوقك في البيت وفي العمل", "ماذا تفعل إذا طرق أحد بابك أو جاء إلى مكان عملك. أحضر أسئلتك."),
        "fa": (
            "حقوق خود را در خانه و محل کار بشناسید",
            "اگر کسی در خانه‌تان را زد یا به محل کارتان آمد چه کنید. پرسش‌هایتان را بیاورید.",
        ),
        "ht": (
            "Konnen dwa ou lakay ou ak nan travay",
            "Sa pou w fè si yon moun frape pòt ou oswa vin nan travay ou. Pote kesyon ou yo.",
        ),
        "fr": (
            "Connaître vos droits à la maison et au travail",
            "Que faire si quelqu’un frappe à votre porte ou vient sur votre lieu de travail. Venez avec vos questions.",
        ),
        "pt-br": (
            "Conheça seus direitos em casa e no trabalho",
            "O que fazer se alguém bater à sua porta ou for ao seu trabalho. Traga suas perguntas.",
        ),
        "ru": (
            "Ваши права дома и на работе",
            "Что делать, если кто-то стучит в дверь или приходит к вам на работу. Приходите со своими вопросами.",
        ),
        "ko": (
            "집과 직장에서 알아야 할 권리",
            "누군가 집 문을 두드리거나 직장에 찾아왔을 때 해야 할 일. 궁금한 점을 가져오세요.",
        ),
    },
    "Winter supply drive": {
        "es": ("Colecta de invierno", "Recogemos mantas, abrigos y comida para familias recién llegadas."),
        "zh-hans": ("冬季物资募集", "我们为刚抵达的家庭募集毯子、保暖外套和食物。"),
        "vi": ("Quyên góp đồ mùa đông", "Chúng tôi quyên góp chăn, áo ấm và thực phẩm cho các gia đình mới đến."),
        "tl": (
            "Pangangalap ng gamit para sa taglamig",
            "Nangangalap kami ng kumot, makakapal na jacket at pagkain para sa mga bagong dating na pamilya.",
        ),
        "ar": ("حملة جمع مستلزمات الشتاء", "نجمع البطانيات والمعاطف الدافئة والطعام للعائلات التي وصلت حديثًا."),
        "fa": ("جمع‌آوری اقلام زمستانی", "برای خانواده‌های تازه‌رسیده پتو، کاپشن گرم و غذا جمع می‌کنیم."),
        "ht": ("Kolèk pou sezon ivè", "Nou ranmase lenn, manto cho ak manje pou fanmi ki fèk rive."),
        "fr": (
            "Collecte d’hiver",
            "Nous collectons des couvertures, des manteaux chauds et de la nourriture pour les familles qui viennent d’arriver.",
        ),
        "pt-br": (
            "Campanha de inverno",
            "Recolhemos cobertores, casacos e comida para famílias que acabaram de chegar.",
        ),
        "ru": ("Зимний сбор вещей", "Собираем одеяла, тёплую одежду и еду для недавно приехавших семей."),
        "ko": ("겨울 물품 모으기", "새로 도착한 가족을 위해 담요, 따뜻한 외투, 음식을 모읍니다."),
    },
    "Vigil outside the county detention center": {
        "es": (
            "Vigilia frente al centro de detención del condado",
            "Una vigilia tranquila con velas por nuestros vecinos detenidos. Pacífica, con responsables capacitados.",
        ),
        "zh-hans": ("县拘留中心外的守夜活动", "为被拘留的邻居举行安静的烛光守夜。和平进行，有受过培训的秩序员。"),
        "vi": (
            "Thắp nến bên ngoài trại giam của quận",
            "Buổi thắp nến lặng lẽ cho những người hàng xóm đang bị giam. Ôn hòa, có người điều phối đã được huấn luyện.",
        ),
        "tl": (
            "Vigil sa labas ng detention center ng county",
            "Tahimik na vigil na may kandila para sa mga kapitbahay nating nakakulong. Mapayapa, may mga sinanay na marshal.",
        ),
        "ar": (
            "وقفة أمام مركز احتجاز المقاطعة",
            "وقفة هادئة بالشموع من أجل جيراننا المحتجزين. سلمية، مع منظِّمين مدرَّبين.",
        ),
        "fa": (
            "شب‌زنده‌داری بیرون بازداشتگاه شهرستان",
            "گردهمایی آرام با شمع برای همسایگان بازداشتی‌مان. مسالمت‌آمیز، با ناظران آموزش‌دیده.",
        ),
        "ht": (
            "Vèy devan sant detansyon konte a",
            "Yon vèy trankil ak bouji pou vwazen nou ki andedan. Pasifik, ak moun ki resevwa fòmasyon pou òganize.",
        ),
        "fr": (
            "Veillée devant le centre de détention du comté",
            "Une veillée silencieuse aux bougies pour nos voisins détenus. Pacifique, avec des responsables formés.",
        ),
        "pt-br": (
            "Vigília em frente ao centro de detenção do condado",
            "Uma vigília silenciosa com velas pelos nossos vizinhos detidos. Pacífica, com organizadores treinados.",
        ),
        "ru": (
            "Бдение у окружного центра содержания",
            "Тихое бдение со свечами в поддержку наших соседей, находящихся внутри. Мирно, с обученными распорядителями.",
        ),
        "ko": (
            "카운티 구금 시설 앞 촛불 집회",
            "구금된 이웃을 위한 조용한 촛불 집회입니다. 평화롭게, 훈련받은 진행 요원과 함께합니다.",
        ),
    },
    "Community dinner": {
        "es": ("Cena comunitaria", "Una cena gratis para todos. Venga a conocer a sus vecinos."),
        "zh-hans": ("社区晚餐", "为所有人准备的免费晚餐。来认识您的邻居吧。"),
        "vi": ("Bữa tối cộng đồng", "Bữa tối miễn phí cho mọi người. Hãy đến gặp gỡ hàng xóm."),
        "tl": ("Hapunan ng komunidad", "Libreng hapunan para sa lahat. Halika at kilalanin ang iyong mga kapitbahay."),
        "ar": ("عشاء مجتمعي", "عشاء مجاني للجميع. تعال وتعرّف على جيرانك."),
        "fa": ("شام محله", "شامی رایگان برای همه. بیایید و با همسایگانتان آشنا شوید."),
        "ht": ("Dine kominotè", "Yon dine gratis pou tout moun. Vin fè konesans ak vwazen ou yo."),
        "fr": ("Dîner de quartier", "Un dîner gratuit pour tout le monde. Venez rencontrer vos voisins."),
        "pt-br": ("Jantar comunitário", "Um jantar gratuito para todos. Venha conhecer seus vizinhos."),
        "ru": ("Общий ужин", "Бесплатный ужин для всех. Приходите познакомиться с соседями."),
        "ko": ("동네 저녁 식사", "모두를 위한 무료 저녁 식사입니다. 이웃을 만나러 오세요."),
    },
    "New volunteer orientation": {
        "es": (
            "Orientación para nuevos voluntarios",
            "Cómo funciona la red, cómo protegemos a las familias y cómo puede ayudar.",
        ),
        "zh-hans": ("新志愿者介绍会", "网络如何运作、我们如何保护家庭，以及您可以如何帮忙。"),
        "vi": (
            "Buổi giới thiệu cho tình nguyện viên mới",
            "Mạng lưới hoạt động thế nào, chúng tôi bảo vệ các gia đình ra sao và bạn có thể giúp bằng cách nào.",
        ),
        "tl": (
            "Oryentasyon para sa mga bagong boluntaryo",
            "Paano gumagana ang network, paano namin pinananatiling ligtas ang mga pamilya, at paano ka makakatulong.",
        ),
        "ar": ("لقاء تعريفي للمتطوعين الجدد", "كيف تعمل الشبكة، وكيف نحافظ على أمان العائلات، وكيف يمكنك المساعدة."),
        "fa": (
            "جلسه آشنایی داوطلبان تازه",
            "شبکه چطور کار می‌کند، چطور از خانواده‌ها محافظت می‌کنیم و شما چطور می‌توانید کمک کنید.",
        ),
        "ht": ("Oryantasyon pou nouvo volontè", "Kijan rezo a mache, kijan nou pwoteje fanmi yo, ak kijan ou ka ede."),
        "fr": (
            "Accueil des nouveaux bénévoles",
            "Comment fonctionne le réseau, comment nous protégeons les familles et comment vous pouvez aider.",
        ),
        "pt-br": (
            "Orientação para novos voluntários",
            "Como a rede funciona, como protegemos as famílias e como você pode ajudar.",
        ),
        "ru": ("Встреча для новых волонтёров", "Как устроена сеть, как мы защищаем семьи и чем вы можете помочь."),
        "ko": (
            "신규 자원봉사자 오리엔테이션",
            "네트워크가 어떻게 운영되는지, 가족을 어떻게 보호하는지, 어떻게 도울 수 있는지 알려 드립니다.",
        ),
    },
    "Noche de ayuda legal / Legal aid night": {
        "es": ("Noche de ayuda legal", "Consultas gratis con abogados, en español, criollo haitiano y dari."),
        "zh-hans": ("法律援助之夜", "律师免费咨询，提供西班牙语、海地克里奥尔语和达里语服务。"),
        "vi": (
            "Buổi tối trợ giúp pháp lý",
            "Luật sư tư vấn miễn phí, bằng tiếng Tây Ban Nha, tiếng Creole Haiti và tiếng Dari.",
        ),
        "tl": ("Gabi ng tulong legal", "Libreng konsultasyon sa mga abogado, sa Espanyol, Haitian Creole at Dari."),
        "ar": ("أمسية مساعدة قانونية", "استشارات مجانية مع محامين، بالإسبانية والكريولية الهايتية والدارية."),
        "fa": ("شب کمک حقوقی", "مشاوره رایگان با وکلا، به اسپانیایی، کریول هائیتی و دری."),
        "ht": ("Aswè èd legal", "Konsiltasyon gratis avèk avoka, an panyòl, kreyòl ayisyen ak dari."),
        "fr": (
            "Soirée d’aide juridique",
            "Consultations gratuites avec des avocats, en espagnol, en créole haïtien et en dari.",
        ),
        "pt-br": (
            "Noite de ajuda jurídica",
            "Consultas gratuitas com advogados, em espanhol, crioulo haitiano e dari.",
        ),
        "ru": (
            "Вечер юридической помощи",
            "Бесплатные консультации юристов на испанском, гаитянском креольском и дари.",
        ),
        "ko": ("법률 지원의 밤", "스페인어, 아이티 크리올어, 다리어로 변호사 무료 상담."),
    },
    "Preparing for a court hearing": {
        "es": (
            "Prepararse para una audiencia en la corte",
            "Qué pasa en una audiencia de inmigración y cómo prepararse. Grupo pequeño.",
        ),
        "zh-hans": ("为出庭做准备", "移民听证会上会发生什么，以及如何准备。小组形式。"),
        "vi": ("Chuẩn bị cho phiên tòa", "Điều gì diễn ra tại phiên điều trần di trú và cách chuẩn bị. Nhóm nhỏ."),
        "tl": (
            "Paghahanda para sa pagdinig sa korte",
            "Ano ang nangyayari sa pagdinig sa imigrasyon at paano maghanda. Maliit na grupo.",
        ),
        "ar": ("الاستعداد لجلسة في المحكمة", "ماذا يحدث في جلسة الهجرة وكيف تستعد لها. مجموعة صغيرة."),
        "fa": ("آمادگی برای جلسه دادگاه", "در جلسه دادگاه مهاجرت چه می‌گذرد و چطور آماده شوید. گروه کوچک."),
        "ht": (
            "Prepare pou yon odyans nan tribinal",
            "Sa k pase nan yon odyans imigrasyon ak kijan pou w prepare. Ti gwoup.",
        ),
        "fr": (
            "Se préparer à une audience",
            "Ce qui se passe lors d’une audience d’immigration et comment s’y préparer. Petit groupe.",
        ),
        "pt-br": (
            "Preparação para uma audiência no tribunal",
            "O que acontece numa audiência de imigração e como se preparar. Grupo pequeno.",
        ),
        "ru": (
            "Подготовка к судебному слушанию",
            "Что происходит на иммиграционном слушании и как к нему подготовиться. Небольшая группа.",
        ),
        "ko": ("법원 심리 준비하기", "이민 심리에서 어떤 일이 있는지, 어떻게 준비하는지 알려 드립니다. 소규모 그룹."),
    },
    "Back-to-school supplies": {
        "es": ("Útiles para la vuelta a clases", "Mochilas, cuadernos y lápices para niños que empiezan la escuela."),
        "zh-hans": ("开学用品", "为开始上学的孩子准备书包、笔记本和铅笔。"),
        "vi": ("Đồ dùng học tập cho năm học mới", "Ba lô, vở và bút chì cho các em bắt đầu đi học."),
        "tl": (
            "Mga gamit sa pagbabalik-eskuwela",
            "Mga backpack, kuwaderno at lapis para sa mga batang magsisimulang mag-aral.",
        ),
        "ar": ("مستلزمات العودة إلى المدرسة", "حقائب ظهر ودفاتر وأقلام رصاص للأطفال الذين يبدؤون المدرسة."),
        "fa": ("لوازم بازگشت به مدرسه", "کوله‌پشتی، دفتر و مداد برای کودکانی که مدرسه را شروع می‌کنند."),
        "ht": ("Founiti pou rantre lekòl", "Sakado, kaye ak kreyon pou timoun k ap kòmanse lekòl."),
        "fr": ("Fournitures de rentrée", "Sacs à dos, cahiers et crayons pour les enfants qui commencent l’école."),
        "pt-br": ("Material para a volta às aulas", "Mochilas, cadernos e lápis para crianças que começam a escola."),
        "ru": ("Всё для школы", "Рюкзаки, тетради и карандаши для детей, которые идут в школу."),
        "ko": ("새 학기 학용품", "학교를 시작하는 아이들을 위한 가방, 공책, 연필."),
    },
    "Solidarity walk to the courthouse": {
        "es": (
            "Caminata solidaria hasta la corte",
            "Acompañamos a las familias a sus audiencias para que nadie vaya solo.",
        ),
        "zh-hans": ("陪同前往法院的团结步行", "我们陪同家庭参加听证会，让没有人独自前往。"),
        "vi": (
            "Đi bộ đoàn kết đến tòa án",
            "Chúng tôi đi cùng các gia đình đến phiên tòa để không ai phải đi một mình.",
        ),
        "tl": (
            "Sama-samang paglakad papunta sa korte",
            "Sinasamahan namin ang mga pamilya sa kanilang pagdinig para walang pumunta nang mag-isa.",
        ),
        "ar": ("مسيرة تضامن إلى المحكمة", "نرافق العائلات إلى جلساتها حتى لا يذهب أحد وحده."),
        "fa": ("پیاده‌روی همبستگی تا دادگاه", "خانواده‌ها را تا جلسه دادگاهشان همراهی می‌کنیم تا هیچ‌کس تنها نرود."),
        "ht": (
            "Mache solidarite jouk nan tribinal",
            "Nou mache ak fanmi yo pou odyans yo pou pèsonn pa ale poukont li.",
        ),
        "fr": (
            "Marche solidaire jusqu’au tribunal",
            "Nous accompagnons les familles à leurs audiences pour que personne n’y aille seul.",
        ),
        "pt-br": (
            "Caminhada solidária até o tribunal",
            "Acompanhamos as famílias às audiências para que ninguém vá sozinho.",
        ),
        "ru": ("Солидарный поход к зданию суда", "Мы идём вместе с семьями на слушания, чтобы никто не шёл один."),
        "ko": ("법원까지 함께 걷기", "아무도 혼자 가지 않도록 가족들과 함께 심리에 갑니다."),
    },
    "Harbor potluck": {
        "es": ("Comida compartida en Harbor", "Traiga un plato de su casa, o solo venga. Todos son bienvenidos."),
        "zh-hans": ("Harbor 百家宴", "带一道家常菜来，或者直接来也行。欢迎所有人。"),
        "vi": ("Bữa ăn góp ở Harbor", "Mang một món ăn nhà làm, hoặc cứ đến. Mọi người đều được chào đón."),
        "tl": (
            "Salu-salo sa Harbor",
            "Magdala ng pagkaing luto sa bahay, o pumunta lang. Malugod na tinatanggap ang lahat.",
        ),
        "ar": ("وليمة مشتركة في Harbor", "أحضر طبقًا من بيتك، أو تعال فقط. الجميع مرحَّب بهم."),
        "fa": ("مهمانی دسته‌جمعی در Harbor", "یک غذای خانگی بیاورید، یا فقط بیایید. همه خوش آمدند."),
        "ht": ("Manje pataje nan Harbor", "Pote yon plat lakay ou, oswa jis vini. Tout moun byenveni."),
        "fr": (
            "Repas partagé à Harbor",
            "Apportez un plat de chez vous, ou venez simplement. Tout le monde est bienvenu.",
        ),
        "pt-br": ("Almoço comunitário no Harbor", "Traga um prato de casa, ou apenas venha. Todos são bem-vindos."),
        "ru": ("Общий обед в Harbor", "Принесите блюдо из дома или просто приходите. Рады всем."),
        "ko": ("Harbor 나눔 식사", "집에서 만든 음식을 가져오거나 그냥 오셔도 됩니다. 모두 환영합니다."),
    },
    "Interpreter training: Haitian Creole and Dari": {
        "es": (
            "Formación de intérpretes: criollo haitiano y dari",
            "Una primera formación para intérpretes voluntarios: confidencialidad, funciones y práctica.",
        ),
        "zh-hans": ("口译员培训：海地克里奥尔语和达里语", "为志愿口译员举办的首次培训：保密、角色与练习。"),
        "vi": (
            "Đào tạo phiên dịch: tiếng Creole Haiti và tiếng Dari",
            "Khóa đào tạo đầu tiên cho phiên dịch viên tình nguyện: bảo mật, vai trò và thực hành.",
        ),
        "tl": (
            "Pagsasanay ng interpreter: Haitian Creole at Dari",
            "Unang pagsasanay para sa mga boluntaryong interpreter: pagiging kumpidensyal, mga tungkulin at pagsasanay.",
        ),
        "ar": (
            "تدريب المترجمين: الكريولية الهايتية والدارية",
            "تدريب أول للمترجمين المتطوعين: السرية والأدوار والتمرين.",
        ),
        "fa": ("آموزش مترجمان: کریول هائیتی و دری", "نخستین آموزش برای مترجمان داوطلب: رازداری، نقش‌ها و تمرین."),
        "ht": (
            "Fòmasyon entèprèt: kreyòl ayisyen ak dari",
            "Yon premye fòmasyon pou entèprèt volontè: konfidansyalite, wòl ak pratik.",
        ),
        "fr": (
            "Formation d’interprètes : créole haïtien et dari",
            "Une première formation pour les interprètes bénévoles : confidentialité, rôles et pratique.",
        ),
        "pt-br": (
            "Formação de intérpretes: crioulo haitiano e dari",
            "Uma primeira formação para intérpretes voluntários: sigilo, papéis e prática.",
        ),
        "ru": (
            "Обучение переводчиков: гаитянский креольский и дари",
            "Первое занятие для волонтёров-переводчиков: конфиденциальность, роли и практика.",
        ),
        "ko": ("통역사 교육: 아이티 크리올어와 다리어", "자원봉사 통역사를 위한 첫 교육: 비밀 유지, 역할, 실습."),
    },
}

SUPPLIES = {
    "Snacks and water for families waiting": {
        "es": "Refrigerios y agua para las familias que esperan",
        "zh-hans": "给等候家庭的零食和饮用水",
        "vi": "Đồ ăn nhẹ và nước cho các gia đình đang chờ",
        "tl": "Meryenda at tubig para sa mga naghihintay na pamilya",
        "ar": "وجبات خفيفة وماء للعائلات المنتظرة",
        "fa": "خوراکی و آب برای خانواده‌های منتظر",
        "ht": "Ti goute ak dlo pou fanmi k ap tann",
        "fr": "Collations et eau pour les familles qui attendent",
        "pt-br": "Lanches e água para as famílias que esperam",
        "ru": "Перекус и вода для ожидающих семей",
        "ko": "기다리는 가족을 위한 간식과 물",
    },
    "Blankets": {
        "es": "Mantas",
        "zh-hans": "毯子",
        "vi": "Chăn",
        "tl": "Kumot",
        "ar": "بطانيات",
        "fa": "پتو",
        "ht": "Lenn",
        "fr": "Couvertures",
        "pt-br": "Cobertores",
        "ru": "Одеяла",
        "ko": "담요",
    },
    "Children's winter coats": {
        "es": "Abrigos de invierno para niños",
        "zh-hans": "儿童冬季外套",
        "vi": "Áo khoác mùa đông cho trẻ em",
        "tl": "Makakapal na jacket ng mga bata",
        "ar": "معاطف شتوية للأطفال",
        "fa": "کاپشن زمستانی کودکان",
        "ht": "Manto ivè pou timoun",
        "fr": "Manteaux d’hiver pour enfants",
        "pt-br": "Casacos de inverno infantis",
        "ru": "Детские зимние куртки",
        "ko": "어린이 겨울 외투",
    },
    "Hot meals": {
        "es": "Comidas calientes",
        "zh-hans": "热饭",
        "vi": "Bữa ăn nóng",
        "tl": "Mainit na pagkain",
        "ar": "وجبات ساخنة",
        "fa": "غذای گرم",
        "ht": "Manje cho",
        "fr": "Repas chauds",
        "pt-br": "Refeições quentes",
        "ru": "Горячая еда",
        "ko": "따뜻한 식사",
    },
    "Candles": {
        "es": "Velas",
        "zh-hans": "蜡烛",
        "vi": "Nến",
        "tl": "Kandila",
        "ar": "شموع",
        "fa": "شمع",
        "ht": "Bouji",
        "fr": "Bougies",
        "pt-br": "Velas",
        "ru": "Свечи",
        "ko": "초",
    },
    "Thermos of hot tea": {
        "es": "Termos de té caliente",
        "zh-hans": "装热茶的保温瓶",
        "vi": "Bình giữ nhiệt đựng trà nóng",
        "tl": "Thermos ng mainit na tsaa",
        "ar": "ترامس شاي ساخن",
        "fa": "فلاسک چای داغ",
        "ht": "Tèmos te cho",
        "fr": "Thermos de thé chaud",
        "pt-br": "Garrafas térmicas de chá quente",
        "ru": "Термосы с горячим чаем",
        "ko": "뜨거운 차를 담은 보온병",
    },
    "Backpacks": {
        "es": "Mochilas",
        "zh-hans": "书包",
        "vi": "Ba lô",
        "tl": "Backpack",
        "ar": "حقائب ظهر",
        "fa": "کوله‌پشتی",
        "ht": "Sakado",
        "fr": "Sacs à dos",
        "pt-br": "Mochilas",
        "ru": "Рюкзаки",
        "ko": "책가방",
    },
    "Notebooks": {
        "es": "Cuadernos",
        "zh-hans": "笔记本",
        "vi": "Vở",
        "tl": "Kuwaderno",
        "ar": "دفاتر",
        "fa": "دفتر",
        "ht": "Kaye",
        "fr": "Cahiers",
        "pt-br": "Cadernos",
        "ru": "Тетради",
        "ko": "공책",
    },
    "Paper plates (packs)": {
        "es": "Platos de papel (paquetes)",
        "zh-hans": "纸盘（包）",
        "vi": "Đĩa giấy (gói)",
        "tl": "Papel na plato (pakete)",
        "ar": "أطباق ورقية (عبوات)",
        "fa": "بشقاب کاغذی (بسته)",
        "ht": "Asyèt papye (pake)",
        "fr": "Assiettes en carton (paquets)",
        "pt-br": "Pratos de papel (pacotes)",
        "ru": "Бумажные тарелки (упаковки)",
        "ko": "종이 접시(묶음)",
    },
}


def _merge_language_files():
    """Languages added later keep their demo translations in files of their own (event_translations_*.py), so that
    translators of different languages add files instead of editing the same lines. A file holds one language
    (CODE, with EVENTS title → (title, description) and SUPPLIES name → text) or several (no CODE, with EVENTS
    title → {code: (title, description)} and SUPPLIES name → {code: text})."""
    for path in sorted(Path(__file__).parent.glob("event_translations_*.py")):
        module = importlib.import_module(f"{__package__}.{path.stem}")
        code = getattr(module, "CODE", None)
        for title, texts in module.EVENTS.items():
            EVENTS[title].update({code: texts} if code else texts)
        for name, texts in module.SUPPLIES.items():
            SUPPLIES[name].update({code: texts} if code else texts)


_merge_language_files()


def event_translations(title: str) -> dict[str, dict[str, str]]:
    return {code: {"title": pair[0], "description": pair[1]} for code, pair in EVENTS.get(title, {}).items()}


def supply_translations(name: str) -> dict[str, dict[str, str]]:
    return {code: {"name": text} for code, text in SUPPLIES.get(name, {}).items()}


# Amharic, Tigrinya and Hmong: kept apart so that each language's lines stay together.
_AM_TI_HMN_EVENTS = {
    "am": {
        "Legal aid night: immigration questions": (
            "የሕግ እርዳታ ምሽት፦ የኢሚግሬሽን ጥያቄዎች",
            "ከኢሚግሬሽን ጠበቆች ነጻ እና ሚስጥራዊ ምክር፣ ከአስተርጓሚዎች ጋር። የ20 ደቂቃ ቀጠሮ ይያዙ።",
        ),
        "Know your rights at home and at work": (
            "በቤት እና በሥራ ቦታ መብቶችዎን ይወቁ",
            "አንድ ሰው በርዎን ቢያንኳኳ ወይም ወደ ሥራ ቦታዎ ቢመጣ ምን ማድረግ እንዳለብዎ። ጥያቄዎችዎን ይዘው ይምጡ።",
        ),
        "Winter supply drive": (
            "የክረምት ቁሳቁስ ማሰባሰብ",
            "ለአዲስ መጪ ቤተሰቦች ብርድ ልብሶችን፣ ሞቃት ኮቶችን እና ምግብ እናሰባስባለን።",
        ),
        "Vigil outside the county detention center": (
            "ከካውንቲው ማቆያ ማዕከል ውጭ የሻማ ማብራት ሥነ ሥርዓት",
            "ለታሰሩ ጎረቤቶቻችን ጸጥ ያለ የሻማ ማብራት ሥነ ሥርዓት። ሰላማዊ፣ የሰለጠኑ አስተባባሪዎች ያሉበት።",
        ),
        "Community dinner": ("የማኅበረሰብ እራት", "ለሁሉም ሰው ነጻ እራት። ይምጡ እና ጎረቤቶችዎን ይተዋወቁ።"),
        "New volunteer orientation": (
            "ለአዲስ በጎ ፈቃደኞች ገለጻ",
            "ኔትወርኩ እንዴት እንደሚሰራ፣ ቤተሰቦችን እንዴት እንደምንጠብቅ እና እርስዎ እንዴት መርዳት እንደሚችሉ።",
        ),
        "Noche de ayuda legal / Legal aid night": (
            "የሕግ እርዳታ ምሽት",
            "ከጠበቆች ጋር ነጻ ምክክር፣ በስፓኒሽ፣ በሄይቲ ክሬዮል እና በዳሪ።",
        ),
        "Preparing for a court hearing": (
            "ለፍርድ ቤት ችሎት መዘጋጀት",
            "በኢሚግሬሽን ችሎት ምን እንደሚሆን እና እንዴት መዘጋጀት እንደሚቻል። ትንሽ ቡድን።",
        ),
        "Back-to-school supplies": (
            "የትምህርት ቤት መመለሻ ቁሳቁሶች",
            "ትምህርት ለሚጀምሩ ልጆች ቦርሳዎች፣ ደብተሮች እና እርሳሶች።",
        ),
        "Solidarity walk to the courthouse": (
            "ወደ ፍርድ ቤት የአጋርነት ጉዞ",
            "ማንም ብቻውን እንዳይሄድ ቤተሰቦችን ወደ ችሎታቸው እንሸኛለን።",
        ),
        "Harbor potluck": ("በHarbor የጋራ ምግብ", "ከቤትዎ አንድ ምግብ ይዘው ይምጡ፣ ወይም እንዲሁ ይምጡ። ሁሉም እንኳን ደህና መጡ።"),
        "Interpreter training: Haitian Creole and Dari": (
            "የአስተርጓሚዎች ስልጠና፦ ሄይቲ ክሬዮል እና ዳሪ",
            "ለበጎ ፈቃደኛ አስተርጓሚዎች የመጀመሪያ ስልጠና፦ ሚስጥር መጠበቅ፣ ሚናዎች እና ልምምድ።",
        ),
    },
    "ti": {
        "Legal aid night: immigration questions": (
            "ምሸት ሕጋዊ ሓገዝ፦ ሕቶታት ኢሚግሬሽን",
            "ካብ ጠበቓታት ኢሚግሬሽን ብናጻን ብምስጢርን ምኽሪ፡ ምስ ተርጎምቲ። ናይ 20 ደቒቕ ቆጸራ ሓዙ።",
        ),
        "Know your rights at home and at work": (
            "ኣብ ገዛን ኣብ ስራሕን መሰላትኩም ፍለጡ",
            "ሓደ ሰብ ማዕጾኹም እንተኳሕኲሑ ወይ ናብ ስራሕኩም እንተመጺኡ እንታይ ከም እትገብሩ። ሕቶታትኩም ሒዝኩም ንዑ።",
        ),
        "Winter supply drive": (
            "ምእካብ ኣቕሑ ክረምቲ",
            "ንሓደስቲ ዝመጹ ስድራቤታት ኮቦርታታት፡ ውዑይ ጃኬታትን መግብን ንእክብ።",
        ),
        "Vigil outside the county detention center": (
            "ኣብ ደገ መእሰሪ ማእከል ካውንቲ ምብራህ ሽምዓ",
            "ንዝተኣስሩ ጎረባብትና ህዱእ ምብራህ ሽምዓ። ሰላማዊ፡ ምስ ዝሰልጠኑ ኣወሃሃድቲ።",
        ),
        "Community dinner": ("ድራር ማሕበረሰብ", "ንኹሉ ሰብ ናጻ ድራር። ንዑ ምስ ጎረባብትኹም ተላለዩ።"),
        "New volunteer orientation": (
            "መእለዪ ንሓደስቲ ወለንተኛታት",
            "እቲ መርበብ ከመይ ከም ዝሰርሕ፡ ስድራቤታት ከመይ ከም እንሕሉን ንስኹም ከመይ ክትሕግዙ ከም እትኽእሉን።",
        ),
        "Noche de ayuda legal / Legal aid night": (
            "ምሸት ሕጋዊ ሓገዝ",
            "ምስ ጠበቓታት ናጻ ምኽሪ፡ ብስጳንኛ፡ ብክርዮል ሃይቲን ብዳሪን።",
        ),
        "Preparing for a court hearing": (
            "ንቤት ፍርዲ ምድላው",
            "ኣብ ቤት ፍርዲ ኢሚግሬሽን እንታይ ከም ዘጋጥምን ከመይ ከም እትዳለዉን። ንእሽቶ ጉጅለ።",
        ),
        "Back-to-school supplies": (
            "ኣቕሑ ምምላስ ናብ ቤት ትምህርቲ",
            "ንቤት ትምህርቲ ዝጅምሩ ቆልዑ ቦርሳታት፡ ጥራዛትን ርሳሳትን።",
        ),
        "Solidarity walk to the courthouse": (
            "ናይ ሓድነት ጉዕዞ ናብ ቤት ፍርዲ",
            "ዝኾነ ሰብ በይኑ ከይኸይድ ንስድራቤታት ናብ ቤት ፍርዶም ነሰንዮም።",
        ),
        "Harbor potluck": ("ሓባራዊ መግቢ ኣብ Harbor", "ካብ ገዛኹም ሓደ መግቢ ሒዝኩም ንዑ፡ ወይ ግዳ ንዑ። ኩሉ ሰብ እንቋዕ ብደሓን መጸ።"),
        "Interpreter training: Haitian Creole and Dari": (
            "ስልጠና ተርጎምቲ፦ ክርዮል ሃይቲን ዳሪን",
            "ንወለንተኛታት ተርጎምቲ ቀዳማይ ስልጠና፦ ምስጢር ምሕላው፡ ተራታትን ልምምድን።",
        ),
    },
    "hmn": {
        "Legal aid night: immigration questions": (
            "Hmo pab kev cai lij choj: lus nug txog kev nkag tebchaws",
            "Kws lij choj nkag tebchaws muab tswv yim pub dawb thiab zais cia, muaj neeg txhais lus. Teem ib lub sijhawm 20 feeb.",
        ),
        "Know your rights at home and at work": (
            "Paub koj cov cai hauv tsev thiab ntawm chaw ua haujlwm",
            "Yuav ua li cas yog muaj neeg khob koj qhov rooj lossis tuaj txog ntawm koj chaw ua haujlwm. Nqa koj cov lus nug tuaj.",
        ),
        "Winter supply drive": (
            "Kev sau khoom pub rau lub caij ntuj no",
            "Peb sau pam vov, tsho tiv no sov thiab zaub mov rau cov tsev neeg nyuam qhuav tuaj txog.",
        ),
        "Vigil outside the county detention center": (
            "Taws tswm ciab sab nraum lub tsev kaw neeg ntawm county",
            "Taws tswm ciab ntsiag to rau peb cov neeg zej zog uas raug kaw. Muaj kev thaj yeeb, nrog cov neeg saib xyuas uas tau kawm.",
        ),
        "Community dinner": (
            "Noj hmo ua ke hauv zej zog",
            "Noj hmo pub dawb rau txhua tus. Tuaj ntsib koj cov neeg zej zog.",
        ),
        "New volunteer orientation": (
            "Kev qhia rau cov neeg pab dawb tshiab",
            "Pab pawg ua haujlwm li cas, peb tiv thaiv tsev neeg li cas, thiab koj pab tau li cas.",
        ),
        "Noche de ayuda legal / Legal aid night": (
            "Hmo pab kev cai lij choj",
            "Sab laj pub dawb nrog kws lij choj, ua lus Mev, lus Haitian Creole thiab lus Dari.",
        ),
        "Preparing for a court hearing": (
            "Npaj mus tsev hais plaub",
            "Muaj dab tsi tshwm sim ntawm tsev hais plaub nkag tebchaws thiab yuav npaj li cas. Pawg me.",
        ),
        "Back-to-school supplies": (
            "Khoom siv rov qab mus kawm ntawv",
            "Hnab ev, phau ntawv thiab xaum rau cov menyuam uas pib mus kawm ntawv.",
        ),
        "Solidarity walk to the courthouse": (
            "Taug kev ua ke mus rau tsev hais plaub",
            "Peb nrog cov tsev neeg mus rau lawv lub tsev hais plaub kom tsis muaj leej twg mus ib leeg.",
        ),
        "Harbor potluck": (
            "Noj mov ua ke ntawm Harbor",
            "Nqa ib lub tais zaub mov los ntawm tsev, lossis tuaj xwb. Txais tos txhua tus.",
        ),
        "Interpreter training: Haitian Creole and Dari": (
            "Kev cob qhia neeg txhais lus: Haitian Creole thiab Dari",
            "Kev cob qhia thawj zaug rau cov neeg txhais lus pab dawb: kev zais cia, txoj haujlwm thiab kev xyaum.",
        ),
    },
}
_AM_TI_HMN_SUPPLIES = {
    "am": {
        "Snacks and water for families waiting": "ለሚጠብቁ ቤተሰቦች መክሰስ እና ውሃ",
        "Blankets": "ብርድ ልብሶች",
        "Children's winter coats": "የልጆች የክረምት ኮቶች",
        "Hot meals": "ትኩስ ምግቦች",
        "Candles": "ሻማዎች",
        "Thermos of hot tea": "የሞቀ ሻይ ቴርሞስ",
        "Backpacks": "የጀርባ ቦርሳዎች",
        "Notebooks": "ደብተሮች",
        "Paper plates (packs)": "የወረቀት ሰሃኖች (ጥቅሎች)",
    },
    "ti": {
        "Snacks and water for families waiting": "ንዝጽበዩ ስድራቤታት ቀሊል መግብን ማይን",
        "Blankets": "ኮቦርታታት",
        "Children's winter coats": "ጃኬታት ክረምቲ ንቆልዑ",
        "Hot meals": "ውዑይ መግቢ",
        "Candles": "ሽምዓታት",
        "Thermos of hot tea": "ቴርሞስ ውዑይ ሻሂ",
        "Backpacks": "ቦርሳታት ዝባን",
        "Notebooks": "ጥራዛት",
        "Paper plates (packs)": "ናይ ወረቐት ብያቲ (ጥቕላላት)",
    },
    "hmn": {
        "Snacks and water for families waiting": "Khoom noj txom ncauj thiab dej rau cov tsev neeg uas tos",
        "Blankets": "Pam vov",
        "Children's winter coats": "Tsho tiv no rau menyuam",
        "Hot meals": "Zaub mov kub",
        "Candles": "Tswm ciab",
        "Thermos of hot tea": "Lub thermos tshuaj yej kub",
        "Backpacks": "Hnab ev",
        "Notebooks": "Phau ntawv sau",
        "Paper plates (packs)": "Phaj ntawv (pob)",
    },
}
for _code, _events in _AM_TI_HMN_EVENTS.items():
    for _title, _pair in _events.items():
        EVENTS[_title][_code] = _pair
for _code, _items in _AM_TI_HMN_SUPPLIES.items():
    for _name, _text in _items.items():
        SUPPLIES[_name][_code] = _text


def translated_into() -> list[str]:
    """The languages every demo event is translated into, read when asked (more may be merged in below)."""
    return sorted({code for translations in EVENTS.values() for code in translations})
