"""/about: what the dashboard shows and for whom, the release and how to cite it, a
glossary, how every derived figure is made, the known discrepancies, and how the data is
updated; in English or Swedish. A plain server-written page: it prints, it is read by any
browser and search engine, and it needs no script but the one that copies the citation.
"""

from __future__ import annotations

from html import escape

from atmp.data import Snapshot
from atmp.quality import findings
from atmp.template import DOWNLOAD_PATH
from atmp.text import LANGUAGES, t

PATH = "/about"

# The glossary, in our own words from the report's definitions (and the EU regulation
# on advanced therapies it follows): (term, English, Swedish).
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    (
        "ATMP",
        "Advanced therapy medicinal product: a medicine based on genes, cells or tissues, "
        "regulated in the EU as its own kind of medicine.",
        "Läkemedel för avancerad terapi: ett läkemedel baserat på gener, celler eller "
        "vävnader, reglerat i EU som en egen sorts läkemedel.",
    ),
    (
        "GTMP (ex vivo)",
        "Gene therapy medicinal product where the patient's or a donor's cells are "
        "modified outside the body and then given to the patient (CAR-T cells are an "
        "example).",
        "Genterapiläkemedel där patientens eller en givares celler förändras utanför "
        "kroppen och sedan ges till patienten (CAR-T-celler är ett exempel).",
    ),
    (
        "GTMP (in vivo)",
        "Gene therapy medicinal product given directly to the patient, for example a virus "
        "that carries a gene into the body's own cells.",
        "Genterapiläkemedel som ges direkt till patienten, till exempel ett virus som bär "
        "en gen in i kroppens egna celler.",
    ),
    (
        "sCTMP",
        "Somatic cell therapy medicinal product: cells or tissue, substantially changed or "
        "used for another function than in the body, that act through their "
        "pharmacological, immunological or metabolic effect.",
        "Somatiskt cellterapiläkemedel: celler eller vävnad, väsentligt bearbetade eller "
        "använda för en annan funktion än i kroppen, som verkar genom farmakologisk, "
        "immunologisk eller metabol effekt.",
    ),
    (
        "TEP",
        "Tissue-engineered product: engineered cells or tissue used to repair, regenerate "
        "or replace human tissue.",
        "Vävnadstekniska produkter: bearbetade celler eller vävnad som används för att "
        "reparera, återbilda eller ersätta mänsklig vävnad.",
    ),
    (
        "Combined ATMP",
        "An ATMP that includes a medical device as an integral part, for example cells on "
        "a scaffold.",
        "En ATMP som innehåller en medicinteknisk produkt som en integrerad del, till "
        "exempel celler på en stödstruktur.",
    ),
    (
        "CAR-T",
        "T cells from the patient given a chimeric antigen receptor that makes them "
        "recognise and kill cancer cells; given in clinical routine as commercial products "
        "and studied in trials.",
        "T-celler från patienten som fått en kimär antigenreceptor så att de känner igen "
        "och dödar cancerceller; ges i klinisk rutin som kommersiella produkter och "
        "studeras i prövningar.",
    ),
    (
        "Hospital exemption",
        "An ATMP made for one patient, on a doctor's prescription, at a hospital in the same "
        "country, without a marketing authorisation (Akademiska's cultured keratinocytes for "
        "severe burns are an example).",
        "Sjukhusundantaget: en ATMP som tillverkas för en enskild patient, på läkares "
        "förskrivning, på ett sjukhus i samma land, utan godkännande för försäljning "
        "(Akademiskas odlade keratinocyter för svåra brännskador är ett exempel).",
    ),
    (
        "GMP",
        "Good manufacturing practice: the quality rules that a medicine's manufacture must "
        "follow; an ATMP for patients is made in GMP cleanrooms.",
        "God tillverkningssed: de kvalitetsregler som tillverkningen av ett läkemedel måste "
        "följa; en ATMP till patienter tillverkas i GMP-renrum.",
    ),
    (
        "Vecura",
        "The GMP manufacturing unit at Karolinska Centrum för Cellterapi (Karolinska "
        "University Hospital). It makes ATMPs for trials and care for the whole cluster, so "
        "its figures are not split by centre.",
        "GMP-tillverkningsenheten vid Karolinska Centrum för Cellterapi (Karolinska "
        "Universitetssjukhuset). Den tillverkar ATMP för prövningar och vård åt hela "
        "klustret, så dess siffror delas inte upp per centrum.",
    ),
    (
        "MeSH",
        "Medical Subject Headings: the U.S. National Library of Medicine's terms for what a "
        "publication is about; the report's research networks count them.",
        "Medical Subject Headings: U.S. National Library of Medicines termer för vad en "
        "publikation handlar om; rapportens forskningsnätverk räknar dem.",
    ),
)

# How each derived figure is made: (what, English, Swedish).
METHODS: tuple[tuple[str, str], ...] = (
    (
        "Trials per 100,000 inhabitants are computed: the trials divided by the population of "
        "the same area and period (43 / 2.88 million for Stockholm–Uppsala). The report's own "
        "statement is shown beside it, and where the two disagree the data-quality table "
        "says so.",
        "Prövningar per 100 000 invånare beräknas: prövningarna delade med folkmängden i samma "
        "område och period (43 / 2,88 miljoner för Stockholm–Uppsala). Rapportens egen uppgift "
        "visas bredvid, och där de skiljer sig säger datakvalitetstabellen det.",
    ),
    (
        "Crossed filters (a centre's TEP trials that are open) are not in the report, which "
        "publishes each breakdown on its own. The dashboard shows what the breakdowns allow as "
        "a range (for example 0–2): the certain part solid, the possible part hatched.",
        "Korsade filter (ett centrums TEP-prövningar som är öppna) finns inte i rapporten, som "
        "redovisar varje uppdelning för sig. Instrumentpanelen visar vad uppdelningarna "
        "tillåter som ett intervall (till exempel 0–2): den säkra delen hel, den möjliga "
        "streckad.",
    ),
    (
        "Sweden's CAR-T patients are derived from the two centres' patients and their "
        "published share (112 / 0.63 ≈ 178); the rounded share gives a span, shown with it.",
        "Sveriges CAR-T-patienter härleds ur de två centrumens patienter och deras publicerade "
        "andel (112 / 0,63 ≈ 178); den avrundade andelen ger ett spann, som visas med den.",
    ),
    (
        "Uncertain readings (where the report's extracted text leaves open which label goes "
        'with which number) are dotted and marked with *; approximate values ("about '
        'fifty") are dotted and marked with ≈. Both travel into every download.',
        "Osäkra avläsningar (där rapportens text lämnar öppet vilken etikett som hör till "
        'vilket tal) är prickade och märkta med *; ungefärliga värden ("ett femtiotal") är '
        "prickade och märkta med ≈. Båda följer med i varje nedladdning.",
    ),
    (
        "Small yearly patient counts can be hidden (a setting), so that no patient can be "
        "recognised; a hidden count is never given away by a total beside it.",
        "Små årliga patientantal kan döljas (en inställning), så att ingen patient kan kännas "
        "igen; ett dolt antal avslöjas aldrig av en summa bredvid.",
    ),
    (
        "Figures from outside the report (ATMP Sweden's national list, the UK's yearly "
        "series, populations) name their own source and date, and are shown beside the "
        "report's, never added to them.",
        "Siffror utanför rapporten (ATMP Swedens nationella lista, den brittiska årsserien, "
        "folkmängder) anger egen källa och eget datum, och visas bredvid rapportens, aldrig "
        "sammanlagda med dem.",
    ),
)


# Words the dashboard already says elsewhere, said the same here.
REUSED = {
    "template": "footer.template",
    "none": "release.licence_none",
    "contact": "release.contact",
    "next": "release.next_update",
    "publisher": "release.publisher",
    "licence": "release.licence",
    "cite": "release.cite",
}


def _w(key: str, lang: str) -> str:
    """A word of this page: its own (about.*) or one the dashboard already has."""
    return t(REUSED.get(key, f"about.{key}"), lang)


def about_lang(query_lang: str | None) -> str:
    return query_lang if query_lang in LANGUAGES else "en"


def about_page(snapshot: Snapshot, lang: str, opendata: str) -> str:
    """The whole page as HTML; every word from the data is escaped."""
    release = snapshot.release
    other = "sv" if lang == "en" else "en"
    index = LANGUAGES.index(lang)
    facts = [
        (_w("period", lang), release.period(lang)),
        (_w("published", lang), release.published),
        (_w("publisher", lang), release.by(lang)),
        (_w("source", lang), release.source_title),
        (_w("licence", lang), release.licence or _w("none", lang)),
        (_w("version", lang), snapshot.version),
    ]
    if release.contact:
        facts.append((_w("contact", lang), release.contact))
    if release.next_update:
        facts.append((_w("next", lang), release.next_update))
    found = findings(snapshot, lang)
    parts = [
        f"<h2>{_w('what', lang)}</h2><p>{escape(_w('what.text', lang))}</p>",
        f"<h2>{_w('release', lang)}</h2><dl class='about-facts'>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        + "</dl>",
        f"<h3 id='cite-title'>{_w('cite', lang)}</h3>"
        f"<textarea id='citation' readonly rows='3' aria-labelledby='cite-title'>"
        f"{escape(release.cite(lang))}</textarea>"
        "<p><button type='button' class='copy-button' "
        f"data-copy-from='citation'>{_w('copy', lang)}</button> "
        "<span role='status' class='copy-status'></span></p>",
        f"<h2>{_w('glossary', lang)}</h2><dl class='glossary'>"
        + "".join(
            f"<dt>{escape(term)}</dt><dd>{escape((en, sv)[index])}</dd>"
            for term, en, sv in GLOSSARY
        )
        + f"</dl><p class='muted'>{_w('glossary.source', lang)}</p>",
        f"<h2>{_w('methods', lang)}</h2><ul>"
        + "".join(f"<li>{escape(method[index])}</li>" for method in METHODS)
        + "</ul>",
        f"<h2>{_w('discrepancies', lang)}</h2><p>{_w('discrepancies.text', lang)}</p><ul>"
        + "".join(
            f"<li><strong>{escape(f.what)}</strong>: {escape(f.published)} → {escape(f.found)}. "
            f"{escape(f.explanation)} <span class='muted'>({escape(f.source)})</span></li>"
            for f in found
        )
        + "</ul>",
        f"<h2>{_w('updates', lang)}</h2><p>{_w('updates.text', lang)}</p><ul>"
        f"<li><a href='{DOWNLOAD_PATH}' download>{_w('template', lang)}</a></li>"
        f"<li><a href='{opendata}'>{_w('open', lang)}</a></li></ul>",
    ]
    title = f"{_w('title', lang)} – {t('app.title', lang)}"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{escape(_w("what.text", lang)[:155])}">
<title>{escape(title)}</title>
<link rel="icon" href="/assets/favicon.ico">
<link rel="stylesheet" href="/assets/00-bootstrap-5.3.9.min.css">
<link rel="stylesheet" href="/assets/10-dashboard.css">
</head>
<body class="about-page">
<header class="app-header"><div class="page-width about-head">
<p class="app-subtitle"><a href="/?lang={lang}">← {_w("back", lang)}</a> ·
<a href="{PATH}?lang={other}" lang="{other}">{_w("other", lang)}</a></p>
<h1 class="app-title">{_w("title", lang)}</h1>
<p class="app-subtitle">{escape(release.named(lang))}</p>
</div></header>
<main id="main" class="page-width about-body">
{"".join(parts)}
</main>
<script src="/assets/about.js"></script>
</body>
</html>
"""
