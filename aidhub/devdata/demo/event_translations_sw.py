"""Swahili texts of the demo events and needed items (keys as in event_translations.py)."""

CODE = "sw"

EVENTS = {
    "Legal aid night: immigration questions": (
        "Usiku wa msaada wa kisheria: maswali ya uhamiaji",
        "Ushauri wa bure na wa siri kutoka kwa mawakili wa uhamiaji, pamoja na wakalimani. Weka miadi ya dakika 20.",
    ),
    "Know your rights at home and at work": (
        "Jua haki zako nyumbani na kazini",
        "Nini cha kufanya mtu akigonga mlango wako au akija kazini kwako. Leta maswali yako.",
    ),
    "Winter supply drive": (
        "Uchangishaji wa vifaa vya majira ya baridi",
        "Tunakusanya blanketi, makoti ya joto na chakula kwa familia zilizofika hivi karibuni.",
    ),
    "Vigil outside the county detention center": (
        "Mkesha nje ya kituo cha kizuizini cha kaunti",
        "Mkesha wa kimya wenye mishumaa kwa ajili ya majirani zetu walio ndani. Wa amani, pamoja na wasimamizi waliofunzwa.",
    ),
    "Community dinner": (
        "Chakula cha jioni cha jamii",
        "Chakula cha jioni cha bure kwa kila mtu. Njoo ukutane na majirani zako.",
    ),
    "New volunteer orientation": (
        "Mwongozo kwa wajitolea wapya",
        "Jinsi mtandao unavyofanya kazi, jinsi tunavyolinda familia, na jinsi unavyoweza kusaidia.",
    ),
    "Noche de ayuda legal / Legal aid night": (
        "Usiku wa msaada wa kisheria",
        "Ushauri wa bure na mawakili, kwa Kihispania, Krioli ya Haiti na Kidari.",
    ),
    "Preparing for a court hearing": (
        "Kujiandaa kwa usikilizwaji mahakamani",
        "Kinachotokea katika usikilizwaji wa uhamiaji na jinsi ya kujiandaa. Kikundi kidogo.",
    ),
    "Back-to-school supplies": (
        "Vifaa vya kurudi shuleni",
        "Mabegi, madaftari na penseli kwa watoto wanaoanza shule.",
    ),
    "Solidarity walk to the courthouse": (
        "Matembezi ya mshikamano hadi mahakamani",
        "Tunatembea na familia hadi usikilizwaji wao ili mtu yeyote asiende peke yake.",
    ),
    "Harbor potluck": (
        "Mlo wa pamoja Harbor",
        "Leta chakula kutoka nyumbani, au njoo tu. Kila mtu anakaribishwa.",
    ),
    "Interpreter training: Haitian Creole and Dari": (
        "Mafunzo ya wakalimani: Krioli ya Haiti na Kidari",
        "Mafunzo ya kwanza kwa wakalimani wa kujitolea: usiri, majukumu na mazoezi.",
    ),
}

SUPPLIES = {
    "Snacks and water for families waiting": "Vitafunio na maji kwa familia zinazosubiri",
    "Blankets": "Blanketi",
    "Children's winter coats": "Makoti ya baridi ya watoto",
    "Hot meals": "Chakula cha moto",
    "Candles": "Mishumaa",
    "Thermos of hot tea": "Chupa za chai ya moto",
    "Backpacks": "Mabegi ya mgongoni",
    "Notebooks": "Madaftari",
    "Paper plates (packs)": "Sahani za karatasi (pakiti)",
}
