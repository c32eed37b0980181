"""Every word the dashboard shows, in English and Swedish, and number formats."""

from __future__ import annotations

import re
import unicodedata

LANGUAGES = ("en", "sv")

TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "en": "ATMP in the Stockholm–Uppsala cluster",
        "sv": "ATMP i Stockholm–Uppsalaklustret",
    },
    "app.subtitle": {
        "en": "Cell and gene therapies at Karolinska and Akademiska: trials, treatment, "
        "manufacturing.",
        "sv": "Cell- och genterapier vid Karolinska och Akademiska: prövningar, behandling, "
        "tillverkning.",
    },
    "app.description": {
        "en": "Cell and gene therapies (ATMP) at Karolinska and Akademiska: ongoing trials, "
        "CAR-T, the hospital exemption, manufacturing at Vecura and research, with sources.",
        "sv": "Cell- och genterapier (ATMP) vid Karolinska och Akademiska: pågående prövningar, "
        "CAR-T, sjukhusundantaget, tillverkning vid Vecura och forskning, med källor.",
    },
    "header.release": {"en": "Data: {publisher}, {as_of}.", "sv": "Data: {publisher}, {as_of}."},
    "filter.centre": {"en": "Centre", "sv": "Centrum"},
    "filter.atmp_class": {"en": "ATMP class", "sv": "ATMP-klass"},
    "filter.disease_area": {"en": "Disease area", "sv": "Sjukdomsområde"},
    "filter.status": {"en": "Status", "sv": "Status"},
    "filter.phase": {"en": "Phase", "sv": "Fas"},
    "filter.all": {"en": "All", "sv": "Alla"},
    "dropdown.select_all": {"en": "Select all", "sv": "Välj alla"},
    "dropdown.deselect_all": {"en": "Deselect all", "sv": "Avmarkera alla"},
    "dropdown.selected_count": {"en": "{num_selected} selected", "sv": "{num_selected} valda"},
    "dropdown.search": {"en": "Search", "sv": "Sök"},
    "dropdown.clear_search": {"en": "Clear search", "sv": "Rensa sökningen"},
    "dropdown.clear_selection": {"en": "Clear selection", "sv": "Rensa valen"},
    "dropdown.no_options_found": {"en": "No options found", "sv": "Inga alternativ hittades"},
    "filter.sheet": {"en": "Filters ({n})", "sv": "Filter ({n})"},
    "filter.sheet_label": {"en": "Filters", "sv": "Filter"},
    "filter.sheet_done": {"en": "Show the charts", "sv": "Visa diagrammen"},
    "filter.reset": {"en": "Reset filters", "sv": "Återställ filter"},
    "filter.active": {"en": "Active filters:", "sv": "Aktiva filter:"},
    "filter.none": {
        "en": "No filters: the whole cluster is shown.",
        "sv": "Inga filter: hela klustret visas.",
    },
    "filter.remove": {"en": "Remove filter {label}", "sv": "Ta bort filtret {label}"},
    "skip": {"en": "Skip to the charts", "sv": "Hoppa till diagrammen"},
    "lang.en": {"en": "English", "sv": "English"},
    "lang.sv": {"en": "Svenska", "sv": "Svenska"},
    "toolbar.language": {"en": "Language", "sv": "Språk"},
    "toolbar.theme.dark": {"en": "Dark theme", "sv": "Mörkt tema"},
    "toolbar.theme.light": {"en": "Light theme", "sv": "Ljust tema"},
    "toolbar.copy": {"en": "Copy link", "sv": "Kopiera länk"},
    "toolbar.copied": {"en": "Link copied.", "sv": "Länken är kopierad."},
    "toolbar.copy_failed": {
        "en": "Copy the address from the address bar.",
        "sv": "Kopiera adressen från adressfältet.",
    },
    "toolbar.present": {"en": "Present", "sv": "Presentera"},
    "toolbar.dataset": {"en": "Data (XLSX)", "sv": "Data (XLSX)"},
    "toolbar.dataset.title": {
        "en": "Download the filtered data, one sheet per dataset",
        "sv": "Ladda ner filtrerade data, ett blad per datamängd",
    },
    "chart.table": {"en": "Table of the numbers", "sv": "Tabell med siffrorna"},
    "chart.link": {"en": "Link", "sv": "Länk"},
    "chart.link.title": {
        "en": "Copy a link to this chart",
        "sv": "Kopiera en länk till diagrammet",
    },
    "chart.download": {
        "en": "Download “{title}” as {kind}",
        "sv": "Ladda ner ”{title}” som {kind}",
    },
    "deck.previous": {"en": "Previous slide", "sv": "Föregående bild"},
    "deck.next": {"en": "Next slide", "sv": "Nästa bild"},
    "deck.exit": {"en": "Leave the presentation (Esc)", "sv": "Avsluta presentationen (Esc)"},
    "deck.fullscreen": {"en": "Full screen (F)", "sv": "Helskärm (F)"},
    "deck.counter": {"en": "Slide {n} of {count}", "sv": "Bild {n} av {count}"},
    "deck.advancing": {
        "en": "Next slide every {seconds} s; any key pauses.",
        "sv": "Nästa bild var {seconds}:e sekund; valfri tangent pausar.",
    },
    "deck.paused": {"en": "Paused: P resumes.", "sv": "Pausad: P fortsätter."},
    "deck.pause": {"en": "Pause", "sv": "Pausa"},
    "deck.play": {"en": "Play", "sv": "Spela"},
    "deck.link.version": {
        "en": "a deck from another version of the dashboard: the default deck is shown",
        "sv": "en bildserie från en annan version av instrumentpanelen: standardserien visas",
    },
    "deck.link.damaged": {
        "en": "the deck in the link is damaged (cut short in a mail?): the default deck is shown",
        "sv": "bildserien i länken är skadad (avkortad i ett mejl?): standardserien visas",
    },
    "deck.link.chart": {
        "en": "the deck has a chart this data does not draw: the default deck is shown",
        "sv": "bildserien har ett diagram som den här datan inte ritar: standardserien visas",
    },
    "deck.link.filters": {
        "en": "the deck has a filter this data cannot answer: the default deck is shown",
        "sv": "bildserien har ett filter som den här datan inte kan besvara: standardserien visas",
    },
    "deck.slide.key_figures": {"en": "Key figures", "sv": "Nyckeltal"},
    "deck.slide.caveats": {
        "en": "Data quality: what to know",
        "sv": "Datakvalitet: att känna till",
    },
    "deck.slide.sources": {"en": "Sources", "sv": "Källor"},
    "deck.caveats.none": {
        "en": "No discrepancies were found in the data for this scope.",
        "sv": "Inga avvikelser hittades i datan för det här urvalet.",
    },
    "deck.panel": {"en": "Deck", "sv": "Bildserie"},
    "deck.panel.open": {"en": "Deck ({n})", "sv": "Bildserie ({n})"},
    "deck.panel.default": {
        "en": "The default deck: a title, the key figures, every chart with the page's "
        "filters, the sources. Add a chart with “Add to deck” to start your own.",
        "sv": "Standardserien: en titel, nyckeltalen, varje diagram med sidans filter, "
        "källorna. Lägg till ett diagram med ”Lägg till i bildserien” för att göra en egen.",
    },
    "deck.panel.own": {
        "en": "Your deck is in the link: copy it to share or keep the deck.",
        "sv": "Din bildserie finns i länken: kopiera den för att dela eller spara serien.",
    },
    "deck.add": {"en": "+ Deck", "sv": "+ Bildserie"},
    "deck.add.title": {
        "en": "Add “{title}” with these filters to the deck",
        "sv": "Lägg till ”{title}” med de här filtren i bildserien",
    },
    "deck.added": {"en": "Added as slide {n}.", "sv": "Tillagd som bild {n}."},
    "deck.up": {"en": "Move slide {n} up", "sv": "Flytta bild {n} uppåt"},
    "deck.down": {"en": "Move slide {n} down", "sv": "Flytta bild {n} nedåt"},
    "deck.remove": {"en": "Remove slide {n}", "sv": "Ta bort bild {n}"},
    "deck.heading": {"en": "Heading", "sv": "Rubrik"},
    "deck.notes": {"en": "Speaker notes", "sv": "Talaranteckningar"},
    "deck.name": {"en": "Deck name", "sv": "Bildseriens namn"},
    "deck.insert": {"en": "Insert", "sv": "Infoga"},
    "deck.reset": {"en": "Back to the default deck", "sv": "Tillbaka till standardserien"},
    "deck.present": {"en": "Present the deck", "sv": "Presentera bildserien"},
    "deck.presenter": {"en": "Presenter view", "sv": "Talarvy"},
    "deck.pptx": {"en": "PowerPoint (PPTX)", "sv": "PowerPoint (PPTX)"},
    "deck.copy": {"en": "Copy the deck's link", "sv": "Kopiera bildseriens länk"},
    "deck.advance": {"en": "Auto-advance", "sv": "Bläddra automatiskt"},
    "deck.advance.off": {"en": "Off", "sv": "Av"},
    "deck.advance.seconds": {"en": "every {seconds} s", "sv": "var {seconds}:e s"},
    "deck.saved": {"en": "Saved decks", "sv": "Sparade bildserier"},
    "deck.presenter.next": {"en": "Next", "sv": "Nästa"},
    "deck.presenter.end": {"en": "End of the deck", "sv": "Slut på bildserien"},
    "deck.presenter.none": {
        "en": "No notes for this slide.",
        "sv": "Inga anteckningar till bilden.",
    },
    "deck.presenter.clock": {"en": "Time", "sv": "Tid"},
    "deck.presenter.elapsed": {"en": "Elapsed", "sv": "Förflutet"},
    "deck.pptx.not_drawn": {
        "en": "Not drawn as a bar (hidden or a range): {values}.",
        "sv": "Ritas inte som stapel (dolt eller ett intervall): {values}.",
    },
    "deck.pptx.map": {
        "en": "PowerPoint cannot draw this map natively: its numbers are in the table.",
        "sv": "PowerPoint kan inte rita kartan: dess siffror finns i tabellen.",
    },
    "deck.handout": {"en": "Handout (print)", "sv": "Utdelning (skriv ut)"},
    "deck.handout.back": {"en": "Back to the dashboard", "sv": "Tillbaka till instrumentpanelen"},
    "deck.print": {"en": "Print or save as PDF", "sv": "Skriv ut eller spara som PDF"},
    "deck.page_filters": {"en": "with the page's filters", "sv": "med sidans filter"},
    "deck.empty": {
        "en": "This deck has no slides. Add charts to it from the dashboard.",
        "sv": "Bildserien är tom. Lägg till diagram från instrumentpanelen.",
    },
    "filter.none_short": {"en": "none (the whole cluster)", "sv": "inga (hela klustret)"},
    "export.category": {"en": "category", "sv": "kategori"},
    "export.series": {"en": "series", "sv": "serie"},
    "export.value": {"en": "value", "sv": "värde"},
    "export.shown": {"en": "shown", "sv": "visas"},
    "export.note": {"en": "Note", "sv": "Anmärkning"},
    "export.filters": {"en": "Filters", "sv": "Filter"},
    "export.as_of": {"en": "Data as of", "sv": "Data per"},
    "export.about": {"en": "About", "sv": "Om"},
    "export.rows": {"en": "{n} rows", "sv": "{n} rader", "en_one": "{n} row", "sv_one": "{n} rad"},
    "link.ignored": {
        "en": "The link had values this dashboard does not know; they were ignored: {values}.",
        "sv": "Länken hade värden som instrumentpanelen inte känner till; de "
        "ignorerades: {values}.",
    },
    "section.trials": {"en": "Ongoing clinical trials", "sv": "Pågående kliniska prövningar"},
    "section.routine": {
        "en": "Treatment in clinical routine and under the hospital exemption",
        "sv": "Behandling i klinisk rutin och under sjukhusundantaget",
    },
    "section.manufacturing": {"en": "Manufacturing at Vecura", "sv": "Tillverkning vid Vecura"},
    "section.comparison": {"en": "Regional comparison", "sv": "Regional jämförelse"},
    "section.context": {
        "en": "Sweden and the world (other sources)",
        "sv": "Sverige och världen (andra källor)",
    },
    "section.research": {"en": "Research (bibliometrics)", "sv": "Forskning (bibliometri)"},
    "chart.national_trials": {
        "en": "ATMP trials at Sweden's university hospitals (ATMP Sweden)",
        "sv": "ATMP-prövningar vid Sveriges universitetssjukhus (ATMP Sweden)",
    },
    "chart.uk_trials": {
        "en": "Ongoing ATMP trials in the UK per year (Catapult)",
        "sv": "Pågående ATMP-prövningar i Storbritannien per år (Catapult)",
    },
    "source.national_trials": {
        "en": "ATMP Sweden, the national ATMP centres' list of clinical ATMP trials at the "
        'university hospitals (atmpsweden.se, news "45 Swedish clinical trials in ATMP since '
        '2006"; no date on the page); not the report',
        "sv": "ATMP Sweden, de nationella ATMP-centrumens lista över kliniska ATMP-prövningar "
        'vid universitetssjukhusen (atmpsweden.se, nyheten "45 Swedish clinical trials in '
        'ATMP since 2006"; sidan är inte daterad); inte rapporten',
    },
    "source.uk_trials": {
        "en": "Cell and Gene Therapy Catapult, UK ATMP clinical trials databases, as each "
        "year's press release or news page reports them (each year's page is named in the "
        "open data); not the report",
        "sv": "Cell and Gene Therapy Catapult, brittiska databaser över kliniska ATMP-prövningar, "
        "som varje års pressmeddelande eller nyhetssida redovisar dem (varje års sida anges i "
        "öppna data); inte rapporten",
    },
    "subject.national_trials": {"en": "ATMP Sweden's list", "sv": "ATMP Swedens lista"},
    "subject.uk_trials": {"en": "the UK's series", "sv": "den brittiska serien"},
    "scope.national": {
        "en": "Sweden's university hospitals (ATMP Sweden)",
        "sv": "Sveriges universitetssjukhus (ATMP Sweden)",
    },
    "scope.uk": {"en": "United Kingdom, 2016–2024", "sv": "Storbritannien, 2016–2024"},
    "label.trials_since_2006": {"en": "Since 2006", "sv": "Sedan 2006"},
    "label.open_now": {
        "en": "Open now (recruiting or follow-up)",
        "sv": "Öppna nu (rekrytering eller uppföljning)",
    },
    "label.the_list": {"en": "The list", "sv": "Listan"},
    "label.uk_ongoing": {"en": "Ongoing ATMP trials", "sv": "Pågående ATMP-prövningar"},
    "axis.database_year": {"en": "Year of the database", "sv": "Databasens år"},
    "axis.national_trials": {"en": "Clinical ATMP trials", "sv": "Kliniska ATMP-prövningar"},
    "note.national_basis": {
        "en": "Another count than the report's ongoing trials: ATMP Sweden's list of trials "
        "since 2006 and open now, with its own date and definition. The two are shown side by "
        "side, never added.",
        "sv": "En annan räkning än rapportens pågående prövningar: ATMP Swedens lista över "
        "prövningar sedan 2006 och öppna nu, med eget datum och egen definition. De två visas "
        "sida vid sida, aldrig sammanlagda.",
    },
    "note.uk_basis": {
        "en": "Every ongoing ATMP trial in the UK, any sponsor, in the Cell and Gene Therapy "
        "Catapult's yearly database; today's database also counts non-interventional long-term "
        "follow-up trials (the year that began was not verified).",
        "sv": "Alla pågående ATMP-prövningar i Storbritannien, oavsett sponsor, i Cell and Gene "
        "Therapy Catapults årliga databas; dagens databas räknar även icke-interventionella "
        "långtidsuppföljningar (vilket år det började har inte kontrollerats).",
    },
    "note.uk_gap": {
        "en": "No verified figure for {years}: left as a gap.",
        "sv": "Ingen kontrollerad siffra för {years}: lämnat tomt.",
    },
    "section.quality": {
        "en": "Data quality: what the source itself says",
        "sv": "Datakvalitet: vad källan själv säger",
    },
    "section.facts": {"en": "Key facts", "sv": "Nyckelfakta"},
    "kpi.trials": {"en": "Ongoing ATMP trials", "sv": "Pågående ATMP-prövningar"},
    "kpi.cart": {
        "en": "CAR-T patients in clinical routine",
        "sv": "CAR-T-patienter i klinisk rutin",
    },
    "kpi.vecura": {
        "en": "Patients treated with ATMP from Vecura",
        "sv": "Patienter behandlade med ATMP från Vecura",
    },
    "kpi.per_100k": {
        "en": "Trials per 100,000 inhabitants",
        "sv": "Prövningar per 100 000 invånare",
    },
    "kpi.not_available": {"en": "Not available", "sv": "Saknas"},
    "kpi.per_100k.detail": {
        "en": "{area}: {trials} trials / {population} M inhabitants (computed)",
        "sv": "{area}: {trials} prövningar / {population} milj. invånare (beräknat)",
    },
    "kpi.per_100k.uk": {"en": "; {area}: {rate}", "sv": "; {area}: {rate}"},
    "kpi.trials.uncertain": {
        "en": "Counts an uncertain reading (see data quality)",
        "sv": "Räknar en osäker avläsning (se datakvalitet)",
    },
    "kpi.trials.bounds": {
        "en": "A range: the source does not cross {dimensions}",
        "sv": "Ett spann: källan korsar inte {dimensions}",
    },
    "kpi.vecura.detail": {
        "en": "{patients} from manufacturing and preparation, plus imports",
        "sv": "{patients} från tillverkning och beredning, plus import",
    },
    "kpi.cart.share": {
        "en": "{share} % of all CAR-T patients in Sweden",
        "sv": "{share} % av alla CAR-T-patienter i Sverige",
    },
    "kpi.cart.products": {"en": "with commercial products", "sv": "med kommersiella produkter"},
    "chart.trials_by_class": {"en": "Trials by ATMP class", "sv": "Prövningar per ATMP-klass"},
    "chart.trials_by_disease": {
        "en": "Trials by disease area",
        "sv": "Prövningar per sjukdomsområde",
    },
    "chart.trials_by_status": {"en": "Trials by status", "sv": "Prövningar per status"},
    "chart.trials_by_phase": {"en": "Trials by phase", "sv": "Prövningar per fas"},
    "chart.cart": {
        "en": "CAR-T patients in clinical routine",
        "sv": "CAR-T-patienter i klinisk rutin",
    },
    "chart.hospital_exemption": {
        "en": "Patients treated under the hospital exemption",
        "sv": "Patienter behandlade under sjukhusundantaget",
    },
    "chart.vecura": {
        "en": "Vecura GMP unit: production and patients",
        "sv": "GMP-enheten Vecura: tillverkning och patienter",
    },
    "chart.per_100k": {
        "en": "Ongoing ATMP trials per 100,000 inhabitants",
        "sv": "Pågående ATMP-prövningar per 100 000 invånare",
    },
    "chart.arm": {
        "en": "ATMP trials initiated 2014–2019 (ARM 2019)",
        "sv": "ATMP-prövningar startade 2014–2019 (ARM 2019)",
    },
    "chart.exports": {
        "en": "Recipient countries of Vecura's exports",
        "sv": "Mottagarländer för Vecuras export",
    },
    "source": {"en": "Source", "sv": "Källa"},
    "release.as_of": {
        "en": "{period} (published {published})",
        "sv": "{period} (publicerad {published})",
    },
    "release.publisher": {"en": "Publisher", "sv": "Utgivare"},
    "release.cite": {"en": "How to cite", "sv": "Så citerar du"},
    "release.licence": {"en": "Licence", "sv": "Licens"},
    "release.licence_none": {"en": "not stated by the publisher", "sv": "anges inte av utgivaren"},
    "release.url": {"en": "Web address", "sv": "Webbadress"},
    "release.contact": {"en": "Contact", "sv": "Kontakt"},
    "release.next_update": {"en": "Next update", "sv": "Nästa uppdatering"},
    "source.trials_by_class": {
        "en": "Figur 1a (Karolinska), Figur 2a (Akademiska)",
        "sv": "Figur 1a (Karolinska), Figur 2a (Akademiska)",
    },
    "source.trials_by_disease": {
        "en": "Figur 1b (Karolinska), Figur 2b (Akademiska)",
        "sv": "Figur 1b (Karolinska), Figur 2b (Akademiska)",
    },
    "source.trials_by_status": {
        "en": "Figur 1c (Karolinska), Figur 2c (Akademiska)",
        "sv": "Figur 1c (Karolinska), Figur 2c (Akademiska)",
    },
    "source.register": {"en": "the centres' trial register", "sv": "centrumens prövningsregister"},
    "source.as_of": {"en": "Data as of {date}", "sv": "Data per {date}"},
    "synthetic": {
        "en": "Synthetic sample data — not real figures",
        "sv": "Syntetiska exempeldata — inte verkliga siffror",
    },
    "banner.synthetic": {
        "en": "Synthetic sample data — not real figures. Generated for demonstration and "
        "testing; do not quote or present these numbers.",
        "sv": "Syntetiska exempeldata — inte verkliga siffror. Skapade för demonstration och "
        "test; citera eller presentera inte dessa siffror.",
    },
    "banner.reload_failed": {
        "en": "The latest data update could not be used: showing the figures of {date}.",
        "sv": "Den senaste datauppdateringen kunde inte användas: visar siffrorna för {date}.",
    },
    "source.trials_by_phase": {
        "en": "Figur 3 (Karolinska), Figur 4 (Akademiska); their numbers "
        "are not in the report's text",
        "sv": "Figur 3 (Karolinska), Figur 4 (Akademiska); siffrorna finns inte i rapportens text",
    },
    "source.cart": {
        "en": "report text on CAR-T in clinical routine",
        "sv": "rapportens text om CAR-T i klinisk rutin",
    },
    "source.cart_derived": {
        "en": "; rest of Sweden derived from the {share} % share",
        "sv": "; övriga Sverige härlett ur andelen {share} %",
    },
    "source.hospital_exemption": {
        "en": "report text and Figur 5",
        "sv": "rapportens text och Figur 5",
    },
    "source.vecura": {"en": "Figur 7, 8 and 9", "sv": "Figur 7, 8 och 9"},
    "source.exports": {"en": "Figur 9", "sv": "Figur 9"},
    "source.per_100k": {
        "en": "report text, regional comparison; per 100,000 computed",
        "sv": "rapportens text, regional jämförelse; per 100 000 beräknat",
    },
    "source.arm": {
        "en": "Alliance for Regenerative Medicine 2019, cited in the report",
        "sv": "Alliance for Regenerative Medicine 2019, citerad i rapporten",
    },
    "axis.trials": {"en": "Ongoing trials", "sv": "Pågående prövningar"},
    "axis.patients": {"en": "Patients", "sv": "Patienter"},
    "axis.count": {"en": "Count", "sv": "Antal"},
    "axis.year": {"en": "Year", "sv": "År"},
    "axis.countries": {"en": "Recipient countries", "sv": "Mottagarländer"},
    "axis.per_100k": {
        "en": "Trials per 100,000 inhabitants",
        "sv": "Prövningar per 100 000 invånare",
    },
    "axis.trials_initiated": {
        "en": "Trials initiated 2014–2019",
        "sv": "Prövningar startade 2014–2019",
    },
    "unit.trials": {"en": "trials", "sv": "prövningar"},
    "unit.patients": {"en": "patients", "sv": "patienter"},
    "unit.products": {"en": "products", "sv": "produkter"},
    "label.sum": {"en": "Σ {n}", "sv": "Σ {n}"},
    "label.rest_of_sweden": {"en": "Rest of Sweden", "sv": "Övriga Sverige"},
    "label.derived": {"en": "derived, not published", "sv": "härlett, inte publicerat"},
    "label.stated": {"en": "As stated in the report", "sv": "Enligt rapporten"},
    "label.computed": {
        "en": "Computed from trials and population",
        "sv": "Beräknat ur prövningar och befolkning",
    },
    "label.export_countries": {"en": "Export recipient countries", "sv": "Mottagarländer, export"},
    "label.since": {"en": "since {year}", "sv": "sedan {year}"},
    "label.recipient": {"en": "recipient country", "sv": "mottagarland"},
    "label.recipient_countries": {"en": "recipient countries", "sv": "mottagarländer"},
    "hover.derived_cart": {
        "en": "Derived, not published: the two centres treated {share} % of Sweden's CAR-T "
        "patients, so Sweden ≈ {centres} / {fraction} ≈ {sweden}; rest ≈ {low}–{high}, "
        "since the share is rounded",
        "sv": "Härlett, inte publicerat: de två centrumen behandlade {share} % av Sveriges "
        "CAR-T-patienter, så Sverige ≈ {centres} / {fraction} ≈ {sweden}; övriga ≈ "
        "{low}–{high}, eftersom andelen är avrundad",
    },
    "note.not_broken_down": {
        "en": "The source does not break {subject} down by {dimensions}: "
        "this chart ignores that filter.",
        "sv": "Källan delar inte upp {subject} efter {dimensions}: "
        "diagrammet påverkas inte av det filtret.",
    },
    "note.no_data": {
        "en": "No data for the chosen filters.",
        "sv": "Inga data för de valda filtren.",
    },
    "note.no_breakdown": {
        "en": "The data has no breakdown of trials by {dimension}.",
        "sv": "Data saknar en uppdelning av prövningarna per {dimension}.",
    },
    "note.unanswered": {
        "en": "{centre}: its trials are the report's published figures, which have no "
        "breakdown by {dimension}; not counted here.",
        "sv": "{centre}: dess prövningar är rapportens publicerade siffror, som saknar "
        "uppdelning per {dimension}; räknas inte här.",
    },
    "column.trials": {"en": "trials", "sv": "prövningar"},
    "column.patients": {"en": "patients", "sv": "patienter"},
    "column.products": {"en": "products", "sv": "produkter"},
    "column.value": {"en": "value", "sv": "värde"},
    "column.countries": {"en": "countries", "sv": "länder"},
    "dataset.trials": {"en": "Ongoing trials", "sv": "Pågående prövningar"},
    "dataset.cart": {"en": "CAR-T in clinical routine", "sv": "CAR-T i klinisk rutin"},
    "dataset.hospital_exemption": {"en": "Hospital exemption", "sv": "Sjukhusundantaget"},
    "dataset.vecura": {"en": "Vecura", "sv": "Vecura"},
    "dataset.vecura_exports": {"en": "Vecura's exports", "sv": "Vecuras export"},
    "dataset.regional": {"en": "Regional comparison", "sv": "Regional jämförelse"},
    "dataset.key_facts": {"en": "Key facts", "sv": "Nyckelfakta"},
    "changes.title": {
        "en": "What changed since {previous}",
        "sv": "Vad som ändrats sedan {previous}",
    },
    "changes.none": {"en": "No number changed.", "sv": "Inga siffror har ändrats."},
    "changes.dataset": {"en": "Data", "sv": "Data"},
    "changes.row": {"en": "Row", "sv": "Rad"},
    "changes.column": {"en": "Column", "sv": "Kolumn"},
    "changes.old": {"en": "Before", "sv": "Före"},
    "changes.new": {"en": "Now", "sv": "Nu"},
    "banner.earlier_release": {
        "en": "These are the figures of {shown}. Newer figures exist: {newest}.",
        "sv": "Detta är siffrorna för {shown}. Det finns nyare siffror: {newest}.",
    },
    "banner.show_newest": {"en": "Show the newest figures", "sv": "Visa de senaste siffrorna"},
    "quality.sources": {
        "en": "Where each centre's trials come from",
        "sv": "Varifrån varje centrums prövningar kommer",
    },
    "quality.sources.found": {
        "en": "{register}: trial register; {aggregates}: published figures",
        "sv": "{register}: prövningsregister; {aggregates}: publicerade siffror",
    },
    "quality.sources.explanation": {
        "en": "A register gives exact counts under any filters; published figures give each "
        "breakdown on its own, so crossed filters show ranges for those centres.",
        "sv": "Ett register ger exakta antal under alla filter; publicerade siffror ger varje "
        "uppdelning för sig, så korsade filter visar spann för de centrumen.",
    },
    "note.not_crossed": {
        "en": "The source does not cross {dimensions}: no count exists for this combination.",
        "sv": "Källan korsar inte {dimensions}: det finns inget antal för denna kombination.",
    },
    "note.rest_hidden": {
        "en": "Rest of Sweden is shown only when no centre is chosen.",
        "sv": "Övriga Sverige visas bara när inget centrum är valt.",
    },
    "note.not_by_year": {
        "en": "{label}: {value} {unit} in all, not broken down by year.",
        "sv": "{label}: {value} {unit} totalt, inte uppdelat per år.",
    },
    "note.measure_not_by_year": {
        "en": "{label}: {value} in all, not broken down by year.",
        "sv": "{label}: {value} totalt, inte uppdelat per år.",
    },
    "note.small_numbers": {
        "en": "Patient counts below {small} show as <{small}.",
        "sv": "Antal patienter under {small} visas som <{small}.",
    },
    "note.small_numbers_total": {
        "en": "≥{small}: hidden too, as a total shown elsewhere would otherwise give away a "
        "count below {small}.",
        "sv": "≥{small}: också dolt, eftersom en summa som visas på annat ställe annars skulle "
        "avslöja ett antal under {small}.",
    },
    "note.countries_not_named": {
        "en": "The report gives the number of recipient countries, not their names.",
        "sv": "Rapporten anger antalet mottagarländer, inte vilka de är.",
    },
    "note.unnamed_countries": {
        "en": "Besides the countries on the map: {n} recipient countries not named.",
        "sv": "Utöver länderna på kartan: {n} mottagarländer som inte namnges.",
        "en_one": "Besides the countries on the map: {n} recipient country not named.",
        "sv_one": "Utöver länderna på kartan: {n} mottagarland som inte namnges.",
    },
    "note.map_period": {
        "en": "The map shows {first}–{last} together.",
        "sv": "Kartan visar {first}–{last} sammantaget.",
    },
    "note.sum_differs": {
        "en": "{centre}: the status counts sum to {counted}, against {declared} trials "
        "(see data quality).",
        "sv": "{centre}: statusantalen summerar till {counted}, mot {declared} prövningar "
        "(se datakvalitet).",
    },
    "and": {"en": "and", "sv": "och"},
    "subject.trials_by_disease": {
        "en": "trials by disease area",
        "sv": "prövningar per sjukdomsområde",
    },
    "subject.trials_by_class": {"en": "trials by ATMP class", "sv": "prövningar per ATMP-klass"},
    "subject.trials_by_status": {"en": "trials by status", "sv": "prövningar per status"},
    "subject.trials_by_phase": {"en": "trials by phase", "sv": "prövningar per fas"},
    "subject.cart": {"en": "CAR-T patients", "sv": "CAR-T-patienter"},
    "subject.hospital_exemption": {
        "en": "hospital-exemption patients",
        "sv": "patienter under sjukhusundantaget",
    },
    "subject.vecura": {"en": "Vecura's figures", "sv": "Vecuras siffror"},
    "subject.regional": {"en": "the regional comparison", "sv": "den regionala jämförelsen"},
    "dimension.centre": {"en": "centre", "sv": "centrum"},
    "dimension.atmp_class": {"en": "ATMP class", "sv": "ATMP-klass"},
    "dimension.disease_area": {"en": "disease area", "sv": "sjukdomsområde"},
    "dimension.status": {"en": "status", "sv": "status"},
    "dimension.phase": {"en": "phase", "sv": "fas"},
    "quality.what": {"en": "What", "sv": "Vad"},
    "quality.published": {"en": "Published", "sv": "Publicerat"},
    "quality.found": {"en": "Found in the data", "sv": "I data"},
    "quality.explanation": {"en": "Explanation", "sv": "Förklaring"},
    "quality.sum_mismatch": {
        "en": "{centre}, {dimension}: breakdown against total",
        "sv": "{centre}, {dimension}: fördelning mot totalen",
    },
    "quality.sum_mismatch.published": {"en": "{declared} trials", "sv": "{declared} prövningar"},
    "quality.sum_mismatch.found": {"en": "sums to {counted}", "sv": "summerar till {counted}"},
    "quality.per_100k": {
        "en": "{region}: trials per 100,000 inhabitants",
        "sv": "{region}: prövningar per 100 000 invånare",
    },
    "quality.per_100k.published": {"en": "about {stated}", "sv": "cirka {stated}"},
    "quality.per_100k.found": {
        "en": "{trials} / {population} M = {computed}",
        "sv": "{trials} / {population} milj. = {computed}",
    },
    "quality.per_100k.explanation": {
        "en": "The dashboard shows the computed value; the stated one does not follow from "
        "the report's own inputs.",
        "sv": "Instrumentpanelen visar det beräknade värdet; det angivna följer inte av "
        "rapportens egna uppgifter.",
    },
    "quality.per_100k.agrees": {
        "en": "The stated value agrees with the computed one after rounding.",
        "sv": "Det angivna värdet stämmer med det beräknade efter avrundning.",
    },
    "quality.reading": {
        "en": "{centre}, {figure}: which label goes with which number",
        "sv": "{centre}, {figure}: vilken etikett hör till vilket antal",
    },
    "quality.reading.found": {"en": "uncertain reading", "sv": "osäker avläsning"},
    "quality.regional_total": {
        "en": "Ongoing trials: region against centres",
        "sv": "Pågående prövningar: region mot centrum",
    },
    "quality.regional_total.found": {
        "en": "centres sum to {counted}",
        "sv": "centrumen summerar till {counted}",
    },
    "quality.regional_total.explanation": {
        "en": "The regional figure and the centres' totals disagree.",
        "sv": "Regionens siffra och centrumens totaler stämmer inte överens.",
    },
    "quality.cart_sweden": {
        "en": "CAR-T patients in all of Sweden",
        "sv": "CAR-T-patienter i hela Sverige",
    },
    "quality.cart_sweden.published": {
        "en": "not published; {share} % share",
        "sv": "inte publicerat; andel {share} %",
    },
    "quality.cart_sweden.found": {"en": "≈ {sweden} (derived)", "sv": "≈ {sweden} (härlett)"},
    "quality.cart_sweden.explanation": {
        "en": "Derived as {centres} / {fraction}; the rounded share leaves a range of "
        "{low}–{high}. Shown marked as derived.",
        "sv": "Härlett som {centres} / {fraction}; den avrundade andelen ger ett spann på "
        "{low}–{high}. Visas markerat som härlett.",
    },
    "footer.about": {
        "en": "{title}. Every number comes from the source named under each chart; derived "
        "numbers are computed from their inputs and marked. Data: {as_of}, version "
        "{version}. How to cite: {cite}",
        "sv": "{title}. Varje siffra kommer från källan som anges under varje diagram; "
        "härledda siffror beräknas ur sina underlag och markeras. Data: {as_of}, version "
        "{version}. Så citerar du: {cite}",
    },
    "footer.licence": {"en": "Licence: {licence}.", "sv": "Licens: {licence}."},
    "footer.contact": {"en": "Contact: {contact}.", "sv": "Kontakt: {contact}."},
    "footer.next_update": {"en": "Next update: {when}.", "sv": "Nästa uppdatering: {when}."},
    "summary.cluster": {
        "en": "The cluster runs {n} ongoing ATMP trials: {centres}",
        "sv": "Klustret har {n} pågående ATMP-prövningar: {centres}",
    },
    "summary.centre": {
        "en": "{centre} runs {n} of the cluster's {all} ongoing ATMP trials",
        "sv": "{centre} har {n} av klustrets {all} pågående ATMP-prövningar",
    },
    "summary.filtered": {
        "en": "{n} of the cluster's {all} ongoing ATMP trials match {filters}",
        "sv": "{n} av klustrets {all} pågående ATMP-prövningar motsvarar {filters}",
    },
    "summary.area": {"en": "most in {area} ({n})", "sv": "flest inom {area} ({n})"},
    "summary.only": {
        "en": "the cluster's only trials of {classes}",
        "sv": "klustrets enda prövningar med {classes}",
    },
    "summary.cart_cluster": {
        "en": "The two centres have treated {n} patients with commercial CAR-T ({centres})",
        "sv": "De två centrumen har behandlat {n} patienter med kommersiell CAR-T ({centres})",
    },
    "summary.cart_share": {
        "en": "{share} of all such patients in Sweden",
        "sv": "{share} av alla sådana patienter i Sverige",
    },
    "summary.cart_centre": {
        "en": "{centre} has treated {n} patients with {products} commercial CAR-T products",
        "sv": "{centre} har behandlat {n} patienter med {products} kommersiella CAR-T-produkter",
    },
    "summary.cart_centre_plain": {
        "en": "{centre} has treated {n} patients with commercial CAR-T",
        "sv": "{centre} har behandlat {n} patienter med kommersiell CAR-T",
    },
    "summary.exemption": {
        "en": "{n} patients under the hospital exemption ({what})",
        "sv": "{n} patienter inom sjukhusundantaget ({what})",
    },
    "summary.vecura": {
        "en": "Vecura, Karolinska's GMP unit, for the whole cluster: {figures}",
        "sv": "Vecura, Karolinskas GMP-enhet, för hela klustret: {figures}",
    },
    "summary.vecura_batches": {"en": "{n} batches", "sv": "{n} batcher"},
    "summary.vecura_products": {"en": "{n} distinct products", "sv": "{n} olika produkter"},
    "summary.vecura_patients": {"en": "{n} patients treated", "sv": "{n} behandlade patienter"},
    "summary.vecura_with_imports": {"en": "({n} with imports)", "sv": "({n} med import)"},
    "summary.export_countries": {
        "en": "investigational products sent to {n} countries",
        "sv": "prövningsläkemedel skickade till {n} länder",
    },
    "summary.rate": {
        "en": "{area} {rate} ({n} trials, {period})",
        "sv": "{area} {rate} ({n} prövningar, {period})",
    },
    "summary.rates": {
        "en": "Ongoing ATMP trials per 100,000 inhabitants: {rates}",
        "sv": "Pågående ATMP-prövningar per 100 000 invånare: {rates}",
    },
    "summary.national": {
        "en": "ATMP Sweden's list counts {n} ATMP trials at Sweden's university hospitals since "
        "2006, {named}",
        "sv": "ATMP Swedens lista räknar {n} ATMP-prövningar vid Sveriges universitetssjukhus "
        "sedan 2006, {named}",
    },
    "summary.hospital": {"en": "{n} at {hospital}", "sv": "{n} vid {hospital}"},
    "summary.uk": {
        "en": "in the United Kingdom {n} ATMP trials were ongoing in {year}",
        "sv": "i Storbritannien pågick {n} ATMP-prövningar {year}",
    },
    "profile.title": {"en": "Centre profile: {centre}", "sv": "Centrumprofil: {centre}"},
    "profile.trials": {
        "en": "{n} of the cluster's {all} ongoing ATMP trials{share}",
        "sv": "{n} av klustrets {all} pågående ATMP-prövningar{share}",
    },
    "profile.cart": {
        "en": "{n} of the two centres' {all} patients treated with commercial CAR-T ({share})",
        "sv": "{n} av de två centrumens {all} patienter behandlade med kommersiell CAR-T ({share})",
    },
    "profile.exemption_only": {
        "en": "The cluster's only hospital-exemption treatment with {products}",
        "sv": "Klustrets enda behandling inom sjukhusundantaget med {products}",
    },
    "profile.national": {
        "en": "On ATMP Sweden's national list (another count): {n} trials since 2006, {open} open "
        "now",
        "sv": "På ATMP Swedens nationella lista (en annan räkning): {n} prövningar sedan 2006, "
        "{open} öppna nu",
    },
    "research.both": {"en": "both centres", "sv": "båda centrumen"},
    "research.threshold": {
        "en": "{unit} with at least {n} publications",
        "sv": "{unit} med minst {n} publikationer",
    },
    "research.no_threshold": {
        "en": "{unit}; the least number of publications is not stated",
        "sv": "{unit}; minsta antal publikationer anges inte",
    },
    "research.partners_of": {"en": "Named for {whose}", "sv": "Nämnda för {whose}"},
    "research.networks": {
        "en": "Network sizes, each with its own definition (not comparable with one another)",
        "sv": "Nätverkens storlek, var och en med sin definition (inte jämförbara med varandra)",
    },
    "research.focus": {
        "en": "Focus areas the report names",
        "sv": "Fokusområden som rapporten nämner",
    },
    "research.co_publication": {
        "en": "Strongest co-publication areas, Karolinska–Uppsala",
        "sv": "Starkaste sampubliceringsområden, Karolinska–Uppsala",
    },
    "research.partners": {
        "en": "Partner organisations the report names",
        "sv": "Samarbetsorganisationer som rapporten nämner",
    },
    "research.caveats": {"en": "How to read these figures", "sv": "Så läser du siffrorna"},
    "research.summary.terms": {
        "en": "Research in cell and gene therapy spans {networks} ({period})",
        "sv": "Forskningen i cell- och genterapi spänner över {networks} ({period})",
    },
    "research.summary.network": {
        "en": "{n} MeSH terms at {centre}",
        "sv": "{n} MeSH-termer vid {centre}",
    },
    "research.summary.shared": {
        "en": "the centres' co-publications span {n} terms, most in {areas}",
        "sv": "centrumens sampublikationer spänner över {n} termer, flest inom {areas}",
    },
    "research.summary.focus": {"en": "the report names {areas}", "sv": "rapporten nämner {areas}"},
    "chart.numbers_url": {"en": "URL", "sv": "URL"},
    "chart.numbers_url.title": {
        "en": "URL of the numbers of {title} as CSV, for this view (for scripts and spreadsheets)",
        "sv": "URL till siffrorna i {title} som CSV, för den här vyn (för skript och kalkylblad)",
    },
    "deck.region": {"en": "Presentation", "sv": "Presentation"},
    "about.title": {"en": "About this data", "sv": "Om datan"},
    "about.back": {"en": "Back to the dashboard", "sv": "Tillbaka till instrumentpanelen"},
    "about.other": {"en": "På svenska", "sv": "In English"},
    "about.what": {
        "en": "What the dashboard shows, and for whom",
        "sv": "Vad instrumentpanelen visar, och för vem",
    },
    "about.what.text": {
        "en": "The dashboard shows the advanced therapy medicinal products (cell and gene "
        "therapies) of the Stockholm–Uppsala life-science cluster, as the two ATMP "
        "centres, at Karolinska and at Akademiska (Uppsala), published them: ongoing "
        "clinical trials, CAR-T in clinical routine, treatments under the hospital "
        "exemption, manufacturing at Vecura, research and comparisons. It is made for the"
        " centres' stakeholders: the regions, universities, partner companies and "
        "everyone who presents or follows the cluster's work.",
        "sv": "Instrumentpanelen visar läkemedel för avancerad terapi (cell- och genterapier) i"
        " Stockholm–Uppsalas life science-kluster, så som de två ATMP-centrumen, vid "
        "Karolinska och vid Akademiska (Uppsala), redovisat dem: pågående kliniska "
        "prövningar, CAR-T i klinisk rutin, behandlingar inom sjukhusundantaget, "
        "tillverkning vid Vecura, forskning och jämförelser. Den är gjord för centrumens "
        "intressenter: regionerna, universiteten, partnerföretagen och alla som "
        "presenterar eller följer klustrets arbete.",
    },
    "about.release": {"en": "The release", "sv": "Utgåvan"},
    "about.period": {"en": "Reference period", "sv": "Referensperiod"},
    "about.published": {"en": "Published", "sv": "Publicerad"},
    "about.source": {"en": "Source", "sv": "Källa"},
    "about.version": {"en": "Data version", "sv": "Dataversion"},
    "about.copy": {"en": "Copy the citation", "sv": "Kopiera citatet"},
    "about.glossary": {"en": "Glossary", "sv": "Ordlista"},
    "about.glossary.source": {
        "en": "In our own words, from the definitions in the report.",
        "sv": "Med egna ord, utifrån rapportens definitioner.",
    },
    "about.methods": {
        "en": "How the derived figures are made",
        "sv": "Hur de härledda siffrorna tas fram",
    },
    "about.discrepancies": {"en": "Known discrepancies", "sv": "Kända avvikelser"},
    "about.discrepancies.text": {
        "en": "What the source says that does not add up, shown as it is and never corrected "
        "silently:",
        "sv": "Det i källan som inte går ihop, visat som det är och aldrig tyst rättat:",
    },
    "about.updates": {
        "en": "How and when the data is updated",
        "sv": "Hur och när datan uppdateras",
    },
    "about.updates.text": {
        "en": "The centres update the data from their own spreadsheets, about twice a year, "
        "with the template below. Every update is checked in full before it is shown: a "
        "folder with a problem leaves the last good data on screen. Earlier releases stay"
        " available for comparison.",
        "sv": "Centrumen uppdaterar datan från sina egna kalkylblad, ungefär två gånger om "
        "året, med mallen nedan. Varje uppdatering kontrolleras i sin helhet innan den "
        "visas: en mapp med ett fel lämnar den senaste korrekta datan på skärmen. "
        "Tidigare utgåvor finns kvar för jämförelse.",
    },
    "about.open": {
        "en": "Open data (every dataset as CSV or JSON)",
        "sv": "Öppna data (varje datamängd som CSV eller JSON)",
    },
    "toolbar.about": {"en": "About the data", "sv": "Om datan"},
    "footer.releases": {"en": "Releases", "sv": "Utgåvor"},
    "footer.template": {
        "en": "Template for data updates (XLSX)",
        "sv": "Mall för datauppdateringar (XLSX)",
    },
    "filter.not_applicable": {"en": "not applicable here", "sv": "gäller inte här"},
    "filter.option": {"en": "{label} ({n})", "sv": "{label} ({n})"},
    "scope.cart": {
        "en": "all CAR-T patients in routine care, not by trial",
        "sv": "alla CAR-T-patienter i rutinvård, inte per prövning",
    },
    "scope.hospital_exemption": {
        "en": "all hospital-exemption patients, not by trial",
        "sv": "alla patienter under sjukhusundantaget, inte per prövning",
    },
    "scope.vecura": {
        "en": "Vecura, Karolinska's GMP unit, not by centre",
        "sv": "Vecura, Karolinskas GMP-enhet, inte per centrum",
    },
    "scope.regions": {
        "en": "Stockholm–Uppsala and the UK, not by centre",
        "sv": "Stockholm–Uppsala och Storbritannien, inte per centrum",
    },
    "scope.arm": {
        "en": "Sweden and the UK, 2014–2019",
        "sv": "Sverige och Storbritannien, 2014–2019",
    },
    "scope.cluster": {"en": "Whole cluster", "sv": "Hela klustret"},
    "scope.label": {"en": "Covers: {scope}", "sv": "Omfattar: {scope}"},
    "hover.trials": {
        "en": "{centre}<br>{label}: {n} trials",
        "sv": "{centre}<br>{label}: {n} prövningar",
        "en_one": "{centre}<br>{label}: {n} trial",
        "sv_one": "{centre}<br>{label}: {n} prövning",
    },
    "hover.trials_range": {
        "en": "{centre}<br>{label}: {n} trials<br>a range: the source does not publish this "
        "combination",
        "sv": "{centre}<br>{label}: {n} prövningar<br>ett spann: källan publicerar inte denna "
        "kombination",
    },
    "note.bounds": {
        "en": "The source publishes {dimensions} only one at a time, never crossed: each bar is "
        "the range its published counts allow, solid where certain, hatched where possible.",
        "sv": "Källan publicerar {dimensions} bara var för sig, aldrig korsade: varje stapel är "
        "det spann som de publicerade antalen tillåter, fylld där det är säkert, randig där "
        "det är möjligt.",
    },
    "note.bounds_widened": {
        "en": "{centre}: the {dimension} counts sum to {counted}, against {declared} trials; the "
        "ranges allow for either.",
        "sv": "{centre}: antalen per {dimension} summerar till {counted}, mot {declared} "
        "prövningar; spannen tillåter båda.",
    },
    "note.alternative": {
        "en": "{centre}, {figure}: shown with the other reading of its labels: {pairs}.",
        "sv": "{centre}, {figure}: visas med den andra avläsningen av etiketterna: {pairs}.",
    },
    "label.published_reading": {"en": "published reading", "sv": "publicerad avläsning"},
    "note.uncertain": {
        "en": "{mark} Uncertain reading: the report's text leaves open which label goes with "
        "which number (see data quality).",
        "sv": "{mark} Osäker avläsning: rapportens text lämnar öppet vilken etikett som hör till "
        "vilket antal (se datakvalitet).",
    },
    "note.about": {
        "en": "≈ Approximate: the source gives the number roughly (“about …”).",
        "sv": "≈ Ungefärligt: källan anger talet ungefärligt (”cirka …”).",
    },
    "note.more_than": {
        "en": "> A lower bound: the source says “more than”.",
        "sv": "> En nedre gräns: källan skriver ”mer än”.",
    },
    "note.mixed_periods": {
        "en": "{area}: the trials are of {count_period}; the population: {population_period}. "
        "The rate divides numbers that may be of different periods.",
        "sv": "{area}: prövningarna avser {count_period}; befolkningen: {population_period}. "
        "Kvoten delar tal som kan avse olika perioder.",
    },
    "label.count_and_rate": {
        "en": "{count} · {rate} per 100,000",
        "sv": "{count} · {rate} per 100 000",
    },
    "note.rate": {
        "en": "Per 100,000 inhabitants: {area} {count} / {population} M ({period}; {source}) "
        "= {rate}.",
        "sv": "Per 100 000 invånare: {area} {count} / {population} milj. ({period}; {source}) "
        "= {rate}.",
    },
    "note.no_rate": {
        "en": "{area}: no population of that period in the data, so no rate.",
        "sv": "{area}: ingen befolkning för den perioden i data, så ingen kvot.",
    },
    "export.lower": {"en": "lower", "sv": "nedre"},
    "export.upper": {"en": "upper", "sv": "övre"},
    "export.reading": {"en": "reading", "sv": "avläsning"},
    "export.qualifier": {"en": "qualifier", "sv": "kvalificering"},
    "table.category": {"en": "Category", "sv": "Kategori"},
    "table.series": {"en": "Series", "sv": "Serie"},
    "table.shown": {"en": "Shown on the chart", "sv": "Visas i diagrammet"},
    "table.certainty": {"en": "Certainty", "sv": "Säkerhet"},
    "quality.show_alternative": {
        "en": "Show the other reading of the uncertain labels",
        "sv": "Visa den andra avläsningen av de osäkra etiketterna",
    },
    "quality.show_published": {
        "en": "Show the published reading",
        "sv": "Visa den publicerade avläsningen",
    },
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The text for `key` in `lang`, with `values` filled in; its singular form ("1 row",
    "1 rad") where it has one and the count `n` is 1."""
    lang = "sv" if lang == "sv" else "en"
    one = "n" in values and str(values["n"]).rstrip("*") == "1"
    text = TEXT[key].get(f"{lang}_one", TEXT[key][lang]) if one else TEXT[key][lang]
    return text.format(**values) if values else text


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    """A number as people write it: 1,234.5 in English, 1 234,5 in Swedish."""
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def inline(label: str) -> str:
    """A label inside a sentence: 'Oral epithelial cell sheets' -> 'oral epithelial cell
    sheets', but 'TEP' and 'CAR-T' stay as they are."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def opening(phrase: str) -> str:
    """A phrase that starts a line: 'the cluster's only …' -> 'The cluster's only …'."""
    return phrase[:1].upper() + phrase[1:]


def slug(text: str) -> str:
    """Text as it goes into a file name: 'Klustermöte, våren 2025' → 'klustermote-varen-2025'
    ('' where nothing of it is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()


def join_words(words: list[str], lang: str = "en") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('and', lang)} {words[-1]}"


def plotly_separators(lang: str) -> str:
    """Plotly's `separators`: decimal mark, then thousands separator."""
    return ",\u00a0" if lang == "sv" else ".,"


def localized(row: object, column: str, lang: str) -> str:
    """A data file's words in `lang`: `<column>_sv` on the Swedish page where it is given.

    `row` is a record (dict or pandas Series) or a namedtuple from itertuples().
    """

    def get(name: str) -> str:
        value = row.get(name, "") if hasattr(row, "get") else getattr(row, name, "")
        return value if isinstance(value, str) else ""

    return (lang == "sv" and get(f"{column}_sv")) or get(column)
