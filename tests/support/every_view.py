"""Every view of a snapshot, as users meet them: what an accepted data folder must render."""

from __future__ import annotations

import json

from plotly.utils import PlotlyJSONEncoder

from atmp.data import Snapshot
from atmp.exports import chart_slide, dataset_xlsx, table_of, to_csv, to_xlsx
from atmp.filters import Filters
from atmp.quality import findings
from atmp.state import from_query
from atmp.views import CHARTS, key_facts, kpis, offer
from components.layout import create_page

# No filter; a centre; crossed trial filters of both centres (bounds, ranges).
FILTERS = (
    Filters(),
    Filters(centre=("akademiska",)),
    Filters(atmp_class=("tep", "sctmp"), status=("open",), disease_area=("oncology",)),
)
LINKS = ("", "?centre=karolinska&theme=dark", "?present=1&slide=2", "?reading=alternative")


def render_every_view(snapshot: Snapshot, filters_shown: tuple[Filters, ...] = FILTERS) -> str:
    """Every chart, slide, table, CSV, workbook, key figure and page, in both languages;
    their text, so that a test can look into it. Raises whatever a view raises.

    `filters_shown` narrows the filtered views, where a test only needs the data read
    (the links' pages are rendered whatever it is)."""
    shown = []
    for lang in ("en", "sv"):
        for filters in filters_shown:
            for chart in CHARTS:
                view = chart.build(snapshot, filters, lang)
                table = table_of(chart, view, filters, snapshot, lang)
                shown.append(to_csv(table))
                if filters == FILTERS[0]:  # workbooks hold what the CSV holds: once is enough
                    to_xlsx(table)
                shown.append(
                    json.dumps(
                        chart_slide(chart, view, filters, snapshot, lang, "dark"),
                        cls=PlotlyJSONEncoder,
                    )
                )
            shown += [
                str(kpis(snapshot, filters, lang)),
                str(key_facts(snapshot, filters, lang)),
                str(findings(snapshot, lang, filters)),
            ]
        dataset_xlsx(snapshot, FILTERS[1], lang)
        for link in LINKS:
            search = f"{link}{'&' if link else '?'}lang={lang}"
            state, unknown = from_query(search, offer(snapshot))
            page = create_page(snapshot, None, state, search, unknown)
            shown.append(json.dumps(page.to_plotly_json(), cls=PlotlyJSONEncoder))
    return "\n".join(shown)
