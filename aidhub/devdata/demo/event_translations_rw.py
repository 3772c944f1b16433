"""Kinyarwanda texts of the demo events and needed items (keys as in event_translations.py)."""

CODE = "rw"

EVENTS = {
    "Legal aid night: immigration questions": (
        "Umugoroba w'ubufasha mu by'amategeko: ibibazo by'abinjira n'abasohoka",
        "Inama z'ubuntu kandi z'ibanga zitangwa n'abanyamategeko b'abinjira n'abasohoka, hamwe n'abasemuzi. Fata gahunda y'iminota 20.",
    ),
    "Know your rights at home and at work": (
        "Menya uburenganzira bwawe mu rugo no ku kazi",
        "Icyo wakora niba hari ukomanze ku muryango wawe cyangwa uje ku kazi kawe. Zana ibibazo byawe.",
    ),
    "Winter supply drive": (
        "Gukusanya ibikoresho by'imbeho",
        "Dukusanya ibiringiti, amakoti ashyushye n'ibiryo ku miryango imaze kugera.",
    ),
    "Vigil outside the county detention center": (
        "Umugoroba wo kwifatanya imbere ya gereza y'akarere",
        "Kwifatanya mu ituze hamwe na buji ku baturanyi bacu bafunzwe. Mu mahoro, hamwe n'abashinzwe umutekano bahuguwe.",
    ),
    "Community dinner": (
        "Ifunguro rusange rya nimugoroba",
        "Ifunguro ry'ubuntu kuri buri wese. Ngwino uhure n'abaturanyi bawe.",
    ),
    "New volunteer orientation": (
        "Kwakira abakorerabushake bashya",
        "Uko ihuriro rikora, uko turinda imiryango, n'uko ushobora gufasha.",
    ),
    "Noche de ayuda legal / Legal aid night": (
        "Umugoroba w'ubufasha mu by'amategeko",
        "Inama z'ubuntu z'abanyamategeko, mu Cyesipanyoli, Igikerewole cyo muri Haiti n'Igidari.",
    ),
    "Preparing for a court hearing": (
        "Kwitegura kuburana mu rukiko",
        "Ibibera mu iburanisha ry'abinjira n'abasohoka n'uko witegura. Itsinda rito.",
    ),
    "Back-to-school supplies": (
        "Ibikoresho byo gusubira ku ishuri",
        "Ibikapu, amakayi n'amakaramu ku bana batangira ishuri.",
    ),
    "Solidarity walk to the courthouse": (
        "Urugendo rw'ubufatanye rugana ku rukiko",
        "Tugendana n'imiryango ijya kuburana kugira ngo hatagira ujyayo wenyine.",
    ),
    "Harbor potluck": (
        "Ifunguro dusangira i Harbor",
        "Zana ibiryo bivuye mu rugo, cyangwa uze gusa. Buri wese arahawe ikaze.",
    ),
    "Interpreter training: Haitian Creole and Dari": (
        "Amahugurwa y'abasemuzi: Igikerewole cyo muri Haiti n'Igidari",
        "Amahugurwa ya mbere y'abasemuzi b'abakorerabushake: ibanga, inshingano n'imyitozo.",
    ),
}

SUPPLIES = {
    "Snacks and water for families waiting": "Utwo kurya n'amazi ku miryango itegereje",
    "Blankets": "Ibiringiti",
    "Children's winter coats": "Amakoti y'imbeho y'abana",
    "Hot meals": "Ibiryo bishyushye",
    "Candles": "Buji",
    "Thermos of hot tea": "Termosi z'icyayi gishyushye",
    "Backpacks": "Ibikapu",
    "Notebooks": "Amakayi",
    "Paper plates (packs)": "Amasahani y'impapuro (amapaki)",
}
