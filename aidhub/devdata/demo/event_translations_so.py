"""Somali texts of the demo events and needed items (keys as in event_translations.py)."""

CODE = "so"

EVENTS = {
    "Legal aid night: immigration questions": (
        "Habeenka gargaarka sharciga: su'aalaha socdaalka",
        "Talo bilaash ah oo qarsoodi ah oo ka timaada qareennada socdaalka, oo ay la socdaan turjumaanno. Qabso ballan 20 daqiiqo ah.",
    ),
    "Know your rights at home and at work": (
        "Ogow xuquuqdaada guriga iyo shaqada",
        "Waxa la sameeyo haddii qof albaabkaaga garaaco ama yimaado shaqadaada. Keen su'aalahaaga.",
    ),
    "Winter supply drive": (
        "Ururinta agabka jiilaalka",
        "Waxaan ururinnaa buste, jaakado diirran iyo cunto loogu talagalay qoysaska hadda yimid.",
    ),
    "Vigil outside the county detention center": (
        "Baraarug ka baxsan xarunta xabsiga degmada",
        "Baraarug deggan oo shumacyo leh oo loogu talagalay deriskeenna gudaha ku jira. Nabad ah, oo ay la socdaan ilaaliyayaal tababaran.",
    ),
    "Community dinner": (
        "Casho bulsho",
        "Casho bilaash ah oo qof kasta loogu talagalay. Kaalay oo la kulan deriskaaga.",
    ),
    "New volunteer orientation": (
        "Hanuuninta mutadawacyada cusub",
        "Sida shabakaddu u shaqeyso, sida aan u ilaalino qoysaska, iyo sida aad u caawin karto.",
    ),
    "Noche de ayuda legal / Legal aid night": (
        "Habeenka gargaarka sharciga",
        "La-tashi bilaash ah oo qareenno, Isbaanish, Kiriyoolka Haiti iyo Dari.",
    ),
    "Preparing for a court hearing": (
        "U diyaargarowga dhegeysiga maxkamadda",
        "Waxa ka dhaca dhegeysiga socdaalka iyo sida loogu diyaargaroobo. Koox yar.",
    ),
    "Back-to-school supplies": (
        "Agabka dugsiga ku laabashada",
        "Boorsooyin, buugaag iyo qalinno loogu talagalay carruurta dugsiga bilaabaysa.",
    ),
    "Solidarity walk to the courthouse": (
        "Socod wadajir ah oo loo aado maxkamadda",
        "Waxaan la soconnaa qoysaska dhegeysigooda si aan qofna kaligiis u tegin.",
    ),
    "Harbor potluck": (
        "Cunto wadaag Harbor",
        "Keen cunto guriga laga sameeyay, ama iska kaalay. Qof kasta waa soo dhawaaday.",
    ),
    "Interpreter training: Haitian Creole and Dari": (
        "Tababarka turjumaannada: Kiriyoolka Haiti iyo Dari",
        "Tababar koowaad oo loogu talagalay turjumaannada mutadawacyada ah: qarsoodinimada, doorarka iyo ku celcelin.",
    ),
}

SUPPLIES = {
    "Snacks and water for families waiting": "Cunto fudud iyo biyo loogu talagalay qoysaska sugaya",
    "Blankets": "Buste",
    "Children's winter coats": "Jaakadaha jiilaalka ee carruurta",
    "Hot meals": "Cunto kulul",
    "Candles": "Shumacyo",
    "Thermos of hot tea": "Termos shaah kulul ah",
    "Backpacks": "Boorsooyinka dhabarka",
    "Notebooks": "Buugaag qoraal",
    "Paper plates (packs)": "Saxamo warqad ah (xirmooyin)",
}
