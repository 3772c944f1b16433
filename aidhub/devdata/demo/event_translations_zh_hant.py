"""Traditional Chinese demo translations (merged into event_translations.EVENTS and SUPPLIES): the Simplified
ones converted with OpenCC (s2twp), then read through."""

CODE = "zh-hant"

EVENTS = {
    "Legal aid night: immigration questions": (
        "法律援助之夜：移民問題",
        "移民律師提供免費、保密的諮詢，並有口譯員。請預約20分鐘的時段。",
    ),
    "Know your rights at home and at work": (
        "瞭解您在家中和工作中的權利",
        "如果有人敲門或來到您的工作場所，該怎麼辦。歡迎帶著問題來。",
    ),
    "Winter supply drive": ("冬季物資募集", "我們為剛抵達的家庭募集毯子、保暖外套和食物。"),
    "Vigil outside the county detention center": (
        "縣拘留中心外的守夜活動",
        "為被拘留的鄰居舉行安靜的燭光守夜。和平進行，有受過培訓的秩序員。",
    ),
    "Community dinner": ("社區晚餐", "為所有人準備的免費晚餐。來認識您的鄰居吧。"),
    "New volunteer orientation": ("新義工介紹會", "互助網路如何運作、我們如何保護家庭，以及您可以如何幫忙。"),
    "Noche de ayuda legal / Legal aid night": (
        "法律援助之夜",
        "律師免費諮詢，提供西班牙語、海地克里奧爾語和達里語服務。",
    ),
    "Preparing for a court hearing": ("為出庭做準備", "移民聽證會上會發生什麼，以及如何準備。小組形式。"),
    "Back-to-school supplies": ("開學用品", "為開始上學的孩子準備書包、筆記本和鉛筆。"),
    "Solidarity walk to the courthouse": ("陪同前往法院的團結步行", "我們陪同家庭參加聽證會，讓沒有人獨自前往。"),
    "Harbor potluck": ("Harbor 分享聚餐", "帶一道家常菜來，或者直接來也行。歡迎所有人。"),
    "Interpreter training: Haitian Creole and Dari": (
        "口譯員培訓：海地克里奧爾語和達里語",
        "為義工口譯員舉辦的首次培訓：保密、角色與練習。",
    ),
}

SUPPLIES = {
    "Snacks and water for families waiting": "給等候家庭的零食和飲用水",
    "Blankets": "毯子",
    "Children's winter coats": "兒童冬季外套",
    "Hot meals": "熱飯",
    "Candles": "蠟燭",
    "Thermos of hot tea": "裝熱茶的保溫瓶",
    "Backpacks": "書包",
    "Notebooks": "筆記本",
    "Paper plates (packs)": "紙盤（包）",
}
