"""Demo resources in several languages (for `manage.py seed_demo`; local use only). Links lead to example.org
addresses: a real network puts the websites it trusts here. Running it again changes nothing."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from aidhub.core.models import Language
from aidhub.resources.models import Resource

RIGHTS_EN = """You have rights, whatever your immigration status.

Do not open the door. Immigration agents may not come in without a warrant signed by a judge. Ask them to pass it under the door or to show it at the window.

You have the right to remain silent. You can say: "I want to remain silent and speak to a lawyer."

Do not sign anything you do not understand, and do not sign before you talk to a lawyer.

Do not lie and do not show false papers.

Keep the phone number of a lawyer or of our network with you, and make a plan for your children.

This is general information, not legal advice. Ask a lawyer about your own case: our legal aid nights are free."""

RIGHTS_ES = """Usted tiene derechos, sin importar su situación migratoria.

No abra la puerta. Los agentes de inmigración no pueden entrar sin una orden firmada por un juez. Pídales que la pasen por debajo de la puerta o que la muestren por la ventana.

Usted tiene derecho a guardar silencio. Puede decir: «Quiero guardar silencio y hablar con un abogado».

No firme nada que no entienda, y no firme nada antes de hablar con un abogado.

No mienta y no muestre documentos falsos.

Lleve con usted el número de un abogado o de nuestra red, y haga un plan para sus hijos.

Esta es información general, no asesoría legal. Consulte a un abogado sobre su caso: nuestras noches de ayuda legal son gratis."""

RIGHTS_AR = """لك حقوق مهما كان وضعك في الهجرة.

لا تفتح الباب. لا يجوز لموظفي الهجرة الدخول بدون أمر موقَّع من قاضٍ. اطلب منهم أن يمرّروه من تحت الباب أو أن يُظهروه من النافذة.

لك الحق في التزام الصمت. يمكنك أن تقول: «أريد أن ألتزم الصمت وأن أتحدث إلى محامٍ».

لا توقّع على أي شيء لا تفهمه، ولا توقّع قبل أن تتحدث إلى محامٍ.

لا تكذب ولا تُظهر أوراقًا مزوّرة.

احمل معك رقم هاتف محامٍ أو رقم شبكتنا، وضع خطة لأطفالك.

هذه معلومات عامة وليست استشارة قانونية. اسأل محاميًا عن حالتك: أمسيات المساعدة القانونية عندنا مجانية."""

SCHOOL_EN = """Every child in the United States has the right to go to public school, whatever their or their parents' immigration status.

Schools may ask for proof of age and of where you live (a lease, a bill, a letter). They may not ask about immigration status or for a Social Security number.

Ask the school for an interpreter: you have the right to information in your language."""

K, RIGHTS = Resource.Kind, "rights"

# (organization slug, kind, topic, language of the material, original language, title, description, content,
#  translations, published)
RESOURCES = [
    ("eastside-mutual-aid", K.TEXT, RIGHTS, "en", "en", "Know your rights at home",
     "What to do if immigration agents come to your door.", RIGHTS_EN,
     {"es": {"title": "Conozca sus derechos en casa (en inglés)",
             "description": "Qué hacer si agentes de inmigración llegan a su puerta. Texto en inglés."},
      "ar": {"title": "اعرف حقوقك في البيت (بالإنجليزية)",
             "description": "ماذا تفعل إذا جاء موظفو الهجرة إلى بابك. النص بالإنجليزية."},
      "ur": {"title": "گھر میں اپنے حقوق جانیں (انگریزی میں)",
             "description": "اگر امیگریشن اہلکار آپ کے دروازے پر آئیں تو کیا کریں۔ متن انگریزی میں۔"}}, True),
    ("eastside-mutual-aid", K.TEXT, RIGHTS, "es", "es", "Conozca sus derechos en casa",
     "Qué hacer si agentes de inmigración llegan a su puerta.", RIGHTS_ES,
     {"en": {"title": "Know your rights at home (in Spanish)",
             "description": "What to do if immigration agents come to your door. Text in Spanish."}}, True),
    ("eastside-mutual-aid", K.TEXT, RIGHTS, "ar", "ar", "اعرف حقوقك في البيت",
     "ماذا تفعل إذا جاء موظفو الهجرة إلى بابك.", RIGHTS_AR,
     {"en": {"title": "Know your rights at home (in Arabic)",
             "description": "What to do if immigration agents come to your door. Text in Arabic."},
      "es": {"title": "Conozca sus derechos en casa (en árabe)"}}, True),
    ("eastside-mutual-aid", K.FILE, "safety", "en", "en", "Emergency card to fill in",
     "A card to print, fill in and keep with you: the numbers to call and who picks up your children.", None,
     {"es": {"title": "Tarjeta de emergencia para llenar (en inglés)"}}, True),
    ("eastside-mutual-aid", K.LINK, RIGHTS, "mam", "es", "Conozca sus derechos: audio en mam",
     "Grabaciones en mam sobre sus derechos en casa y en el trabajo.", "https://audio.example.org/mam/derechos",
     {"en": {"title": "Know your rights: audio in Mam"}}, True),
    ("lakeview-families-network", K.LINK, "legal", "en", "en", "Find free immigration legal help",
     "A directory of nonprofit legal services, searchable by city and language.", "https://legal-directory.example.org/",
     {}, True),
    ("lakeview-families-network", K.LINK, RIGHTS, "prs", "en", "Know your rights (Dari)",
     "Know-your-rights leaflets in Dari from a partner organization.", "https://rights.example.org/dari/",
     {}, True),
    ("lakeview-families-network", K.TEXT, "school", "en", "en", "Your child's right to go to school",
     "Every child may enroll in public school. What the school may ask, and what it may not.", SCHOOL_EN,
     {}, True),
    ("lakeview-families-network", K.LINK, "housing", "es", "es", "Derechos de inquilinos",
     "Borrador: falta revisar la dirección con el grupo de vivienda.", "https://tenants.example.org/es/",
     {}, False),
]  # fmt: skip


def emergency_card_pdf():
    """A one-page PDF with lines to fill in, drawn with Pillow (its own font: English only)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    title, text = ImageFont.load_default(size=64), ImageFont.load_default(size=40)
    draw.text((100, 120), "EMERGENCY CARD", fill="black", font=title)
    lines = [
        "If I am stopped or detained, please call:",
        "",
        "Name: ______________________________",
        "Phone: _____________________________",
        "",
        "My lawyer: __________________________",
        "Phone: _____________________________",
        "",
        "Who picks up my children: ___________",
        "Phone: _____________________________",
        "",
        "I want to remain silent and speak to a lawyer.",
    ]
    for index, line in enumerate(lines):
        draw.text((100, 300 + index * 70), line, fill="black", font=text)
    output = BytesIO()
    page.save(output, format="PDF", resolution=150)
    return output.getvalue()


def seed(organizations, **_context):
    """A handful of resources in English, Spanish, Arabic, Mam and Dari; one draft."""
    resources = {}
    for slug, kind, topic, code, original, title, description, content, translations, published in RESOURCES:
        resource = Resource.objects.filter(organization=organizations[slug], title=title).first()
        if resource is None:
            resource = Resource(
                organization=organizations[slug],
                kind=kind,
                topic=topic,
                language=Language.objects.get(code=code),
                original_language=original,
                title=title,
                description=description,
                translations=translations,
                status=Resource.Status.PUBLISHED if published else Resource.Status.DRAFT,
                published_at=timezone.now() if published else None,
                created_by=organizations[slug].members.first(),
            )
            if kind == K.TEXT:
                resource.body = content
            elif kind == K.LINK:
                resource.url = content
            else:
                resource.content_type = "application/pdf"
                resource.file = ContentFile(emergency_card_pdf(), name="card.pdf")
            resource.save()
        resources[title] = resource
    return {"resources": resources}
