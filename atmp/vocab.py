"""Controlled vocabularies: one definition of every category code.

Data checks, filters, legends, URLs and translations all read these, so a code
means the same thing everywhere. Colours come from colour-blind-safe palettes
(Okabe & Ito; Paul Tol's "muted" and "light"; ColorBrewer PuOr for the centres).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    sv: str
    colour: str = "#777777"

    def label(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self.codes()

    def term(self, code: str) -> Term:
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(f"{code!r} is not a code of the {self.name} vocabulary")

    def label(self, code: str, lang: str) -> str:
        return self.term(code).label(lang)

    def colour(self, code: str) -> str:
        return self.term(code).colour

    def order(self, code: str) -> int:
        return self.codes().index(code)

    def code_for(self, text: str) -> str | None:
        """The code a spreadsheet cell means: the code itself or its English or Swedish
        label, in any case ("Onkologi", "ONCOLOGY", "oncology"); None if it means none."""
        wanted = " ".join(text.split()).casefold()
        for term in self.terms:
            if wanted in (term.code.casefold(), term.en.casefold(), term.sv.casefold()):
                return term.code
        return None


CENTRE = Vocabulary(
    "centre",
    (
        Term("karolinska", "Karolinska", "Karolinska", "#5E3C99"),
        Term("akademiska", "Akademiska (Uppsala)", "Akademiska (Uppsala)", "#E66101"),
    ),
)

ATMP_CLASS = Vocabulary(
    "ATMP class",
    (
        Term("ex_vivo_gtmp", "Ex vivo GTMP", "Ex vivo GTMP", "#0072B2"),
        Term("in_vivo_gtmp", "In vivo GTMP", "In vivo GTMP", "#56B4E9"),
        Term("sctmp", "sCTMP", "sCTMP", "#009E73"),
        Term("tep", "TEP", "TEP", "#CC79A7"),
        Term("combined", "Combined ATMP", "Kombinerad ATMP", "#999999"),
    ),
)

DISEASE_AREA = Vocabulary(
    "disease area",
    (
        Term("oncology", "Oncology", "Onkologi", "#332288"),
        Term("paediatric_oncology", "Paediatric oncology", "Barnonkologi", "#88CCEE"),
        Term("paediatric_diseases", "Paediatric diseases", "Barnsjukdomar", "#44AA99"),
        Term("immunological", "Immunological diseases", "Immunologiska sjukdomar", "#117733"),
        Term("autoimmune", "Autoimmune disease", "Autoimmun sjukdom", "#999933"),
        Term("inflammatory", "Inflammatory conditions", "Inflammatoriska tillstånd", "#DDCC77"),
        Term("ophthalmology", "Ophthalmology", "Oftalmologi", "#CC6677"),
        Term("cardiology", "Cardiology", "Kardiologi", "#882255"),
        Term("ent", "Ear, nose and throat", "Öron-näsa-hals", "#AA4499"),
        Term("endocrinology", "Endocrinology", "Endokrinologi", "#6699CC"),
        Term(
            "skin",
            "Skin and subcutaneous tissue",
            "Hud och subkutana vävnadssjukdomar",
            "#EE8866",
        ),
    ),
)

STATUS = Vocabulary(
    "status",
    (
        Term("start_up", "Start-up", "Uppstart", "#EEDD88"),
        Term("open", "Open", "Öppen", "#44BB99"),
        Term("follow_up", "Follow-up", "Uppföljning", "#77AADD"),
    ),
)

PHASE = Vocabulary(
    "phase",
    (
        Term("phase_1", "Phase I", "Fas I", "#DDECBF"),
        Term("phase_1_2", "Phase I/II", "Fas I/II", "#A5D5A0"),
        Term("phase_2", "Phase II", "Fas II", "#5AAE8A"),
        Term("phase_2_3", "Phase II/III", "Fas II/III", "#2D7F8F"),
        Term("phase_3", "Phase III", "Fas III", "#2A4D7A"),
    ),
)

SPONSOR_TYPE = Vocabulary(
    "sponsor type",
    (
        Term("academic", "Academic", "Akademisk", "#0072B2"),
        Term("industry", "Industry", "Industri", "#E69F00"),
    ),
)

YES_NO = Vocabulary("yes/no", (Term("yes", "Yes", "Ja"), Term("no", "No", "Nej")))

REGION = Vocabulary(
    "region",
    (
        Term("stockholm_uppsala", "Stockholm–Uppsala", "Stockholm–Uppsala", "#5E3C99"),
        Term("sweden", "Sweden", "Sverige", "#5E3C99"),
        Term("united_kingdom", "United Kingdom", "Storbritannien", "#8C8C8C"),
    ),
)

# The university hospitals of ATMP Sweden's national list of trials; the cluster's two
# centres in their colours, the others in one grey.
HOSPITAL = Vocabulary(
    "university hospital",
    (
        Term("uppsala", "Uppsala (Akademiska)", "Uppsala (Akademiska)", "#E66101"),
        Term("karolinska", "Karolinska", "Karolinska", "#5E3C99"),
        Term("skane", "Skåne", "Skåne", "#8C8C8C"),
        Term("sahlgrenska", "Sahlgrenska (Gothenburg)", "Sahlgrenska (Göteborg)", "#8C8C8C"),
        Term("umea", "Umeå", "Umeå", "#8C8C8C"),
        Term("orebro", "Örebro", "Örebro", "#8C8C8C"),
    ),
)

# The hospital of each centre on ATMP Sweden's list.
HOSPITAL_OF_CENTRE = {"karolinska": "karolinska", "akademiska": "uppsala"}

# What a row of the research dataset is (the report's bibliometrics, Figur 10–13).
RESEARCH_KIND = Vocabulary(
    "research kind",
    (
        Term("network", "Network", "Nätverk"),
        Term("focus_area", "Focus area", "Fokusområde"),
        Term("co_publication_area", "Co-publication area", "Sampubliceringsområde"),
        Term("partner", "Partner organisation", "Samarbetsorganisation"),
        Term("caveat", "Caveat", "Förbehåll"),
    ),
)

NETWORK_UNIT = Vocabulary(
    "network unit",
    (
        Term("mesh_terms", "MeSH terms", "MeSH-termer"),
        Term("organisations", "organisations", "organisationer"),
    ),
)

HOSPITAL_EXEMPTION_PRODUCT = Vocabulary(
    "hospital-exemption product",
    (
        Term("keratinocytes", "Keratinocytes (burns)", "Keratinocyter (brännskador)"),
        Term("oral_epithelial_sheets", "Oral epithelial cell sheets", "Orala epitelcellsark"),
        Term(
            "fetal_msc",
            "Fetal mesenchymal stem cells (osteogenesis imperfecta)",
            "Fetala mesenkymala stamceller (osteogenesis imperfecta)",
        ),
        Term("virus_specific_t_cells", "Virus-specific T cells", "Virusspecifika T-celler"),
    ),
)

# The CAR-T products with EU marketing authorisation, by their INN stems.
CART_PRODUCT = Vocabulary(
    "CAR-T product",
    (
        Term("tisa_cel", "Kymriah (tisagenlecleucel)", "Kymriah (tisagenlecleucel)", "#0072B2"),
        Term(
            "axi_cel",
            "Yescarta (axicabtagene ciloleucel)",
            "Yescarta (axikabtagenciloleucel)",
            "#E69F00",
        ),
        Term(
            "brexu_cel",
            "Tecartus (brexucabtagene autoleucel)",
            "Tecartus (brexukabtagenautoleucel)",
            "#009E73",
        ),
        Term(
            "liso_cel",
            "Breyanzi (lisocabtagene maraleucel)",
            "Breyanzi (lisokabtagenmaraleucel)",
            "#CC79A7",
        ),
        Term(
            "ide_cel", "Abecma (idecabtagene vicleucel)", "Abecma (idekabtagenvikleucel)", "#56B4E9"
        ),
        Term(
            "cilta_cel",
            "Carvykti (ciltacabtagene autoleucel)",
            "Carvykti (ciltakabtagenautoleucel)",
            "#D55E00",
        ),
        Term(
            "obe_cel",
            "Aucatzyl (obecabtagene autoleucel)",
            "Aucatzyl (obekabtagenautoleucel)",
            "#F0E442",
        ),
    ),
)

# Recipient countries of Vecura's exports: ISO 3166-1 alpha-3 codes, as plotly's maps use.
COUNTRY = Vocabulary(
    "country",
    tuple(
        Term(code, en, sv)
        for code, en, sv in (
            ("AUS", "Australia", "Australien"),
            ("AUT", "Austria", "Österrike"),
            ("BEL", "Belgium", "Belgien"),
            ("CAN", "Canada", "Kanada"),
            ("CHE", "Switzerland", "Schweiz"),
            ("CZE", "Czechia", "Tjeckien"),
            ("DEU", "Germany", "Tyskland"),
            ("DNK", "Denmark", "Danmark"),
            ("ESP", "Spain", "Spanien"),
            ("EST", "Estonia", "Estland"),
            ("FIN", "Finland", "Finland"),
            ("FRA", "France", "Frankrike"),
            ("GBR", "United Kingdom", "Storbritannien"),
            ("GRC", "Greece", "Grekland"),
            ("HUN", "Hungary", "Ungern"),
            ("IRL", "Ireland", "Irland"),
            ("ISL", "Iceland", "Island"),
            ("ISR", "Israel", "Israel"),
            ("ITA", "Italy", "Italien"),
            ("JPN", "Japan", "Japan"),
            ("KOR", "South Korea", "Sydkorea"),
            ("LTU", "Lithuania", "Litauen"),
            ("LVA", "Latvia", "Lettland"),
            ("NLD", "Netherlands", "Nederländerna"),
            ("NOR", "Norway", "Norge"),
            ("POL", "Poland", "Polen"),
            ("PRT", "Portugal", "Portugal"),
            ("SGP", "Singapore", "Singapore"),
            ("SVN", "Slovenia", "Slovenien"),
            ("USA", "United States", "USA"),
        )
    ),
)

VECURA_MEASURE = Vocabulary(
    "Vecura measure",
    (
        Term("batches", "Batches manufactured", "Tillverkade batcher", "#0072B2"),
        Term("dose_preparations", "Dose preparations", "Doseringar", "#0072B2"),
        Term("products", "Distinct products", "Olika produkter", "#0072B2"),
        Term("atmp_classes", "ATMP classes of products", "ATMP-klasser", "#0072B2"),
        Term("imports", "Imports from third countries", "Import från tredjeland", "#0072B2"),
        Term(
            "patients",
            "Patients (manufacturing, preparation)",
            "Patienter (tillverkning, beredning)",
            "#009E73",
        ),
        Term(
            "patients_incl_imports", "Patients incl. imports", "Patienter inkl. import", "#009E73"
        ),
    ),
)

REGIONAL_MEASURE = Vocabulary(
    "regional measure",
    (
        Term("ongoing_trials", "Ongoing ATMP trials", "Pågående ATMP-studier"),
        Term("population", "Population", "Befolkning"),
        Term(
            "stated_trials_per_100k",
            "Trials per 100,000 as stated in the report",
            "Studier per 100 000 enligt rapporten",
        ),
        Term(
            "trials_initiated_2014_2019",
            "Trials initiated 2014–2019 (ARM)",
            "Studier startade 2014–2019 (ARM)",
        ),
        Term(
            "population_2014_2019",
            "Population in the period of the ARM count",
            "Befolkning under ARM-periodens mitt",
        ),
    ),
)

KEY_FACT = Vocabulary(
    "key fact",
    (
        Term(
            "cart_share_of_sweden",
            "Share of Sweden's CAR-T patients treated at the two centres",
            "Andel av Sveriges CAR-T-patienter som behandlats vid de två centrumen",
        ),
        Term(
            "vecura_years_experience",
            "Vecura's experience of GMP manufacturing",
            "Vecuras erfarenhet av GMP-tillverkning",
        ),
        Term(
            "vecura_therapies_made",
            "Gene and cell therapies made at Vecura",
            "Gen- och cellterapier tillverkade vid Vecura",
        ),
        Term(
            "first_gtmp_trial_sweden",
            "Sweden's first gene-therapy product for a clinical trial",
            "Sveriges första genterapiprodukt till klinisk prövning",
        ),
        Term(
            "first_cart_trial_europe",
            "Europe's first CAR-T cells for a clinical trial (Uppsala)",
            "Europas första CAR-T-celler till klinisk prövning (Uppsala)",
        ),
        Term(
            "pre_gmp_opened",
            "Pre-GMP unit at Karolinska Institutet opened",
            "Pre-GMP-enheten vid Karolinska Institutet öppnade",
        ),
        Term("pre_gmp_cleanrooms", "Cleanrooms in the pre-GMP unit", "Renrum i pre-GMP-enheten"),
    ),
)

QUALIFIER = Vocabulary(
    "qualifier",
    (
        Term("about", "about", "cirka"),
        Term("more_than", "more than", "mer än"),
    ),
)

UNIT = Vocabulary(
    "unit",
    (
        Term("percent", "%", "%"),
        Term("years", "years", "år"),
        Term("count", "", ""),
        Term("year", "", ""),
    ),
)

# The kinds of slide a deck holds (atmp/deck.py): a deck file's `slide` column.
SLIDE_KIND = Vocabulary(
    "slide kind",
    (
        Term("title", "Title slide", "Titelbild"),
        Term("key_figures", "Key figures", "Nyckeltal"),
        Term("chart", "Chart", "Diagram"),
        Term("caveats", "Data quality", "Datakvalitet"),
        Term("sources", "Sources", "Källor"),
    ),
)

READING = Vocabulary(
    "reading",
    (
        Term("certain", "certain", "säker"),
        Term("uncertain", "uncertain reading", "osäker avläsning"),
    ),
)

# The trial breakdowns the report publishes, per centre, each on its own.
TRIAL_DIMENSIONS: dict[str, Vocabulary] = {
    "atmp_class": ATMP_CLASS,
    "disease_area": DISEASE_AREA,
    "status": STATUS,
    "phase": PHASE,
}

# The dashboard's global filters, in the order of the filter bar.
FILTER_DIMENSIONS: dict[str, Vocabulary] = {"centre": CENTRE, **TRIAL_DIMENSIONS}

# Short names for the query string: ?centre=karolinska&class=sctmp,tep
URL_PARAMS: dict[str, str] = {
    "centre": "centre",
    "atmp_class": "class",
    "disease_area": "disease",
    "status": "status",
    "phase": "phase",
}
