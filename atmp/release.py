"""The release record: what the data folder is, when it applies and how to cite it.

Every date a user sees or downloads ("data as of", the header's "Report by …",
/healthz, export contents and file names) comes from `release.csv`, never from
the files' modification times: a copied or touched folder shows the same dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from atmp.text import slug, t


@dataclass(frozen=True)
class Release:
    title: str
    title_sv: str
    reference_period: str  # "spring 2025": when the numbers apply
    reference_period_sv: str
    published: str  # ISO date as precise as known: 2025, 2025-06 or 2025-06-12
    publisher: str
    publisher_sv: str
    source_title: str
    source_url: str
    licence: str
    citation: str
    citation_sv: str
    next_update: str
    contact: str

    @classmethod
    def from_row(cls, row: dict) -> Release:
        return cls(**{name: str(row.get(name) or "") for name in cls.__dataclass_fields__})

    def _text(self, name: str, lang: str) -> str:
        return (lang == "sv" and getattr(self, f"{name}_sv")) or getattr(self, name)

    def period(self, lang: str) -> str:
        return self._text("reference_period", lang)

    def as_of(self, lang: str) -> str:
        """'spring 2025 (published 2025)': what "data as of" says everywhere."""
        return t("release.as_of", lang, period=self.period(lang), published=self.published)

    def by(self, lang: str) -> str:
        """Who publishes the numbers, in the page's language where the record gives it."""
        return self._text("publisher", lang)

    def cite(self, lang: str) -> str:
        return self._text("citation", lang)

    def named(self, lang: str) -> str:
        return self._text("title", lang)

    @property
    def file_tag(self) -> str:
        """The reference period as it goes into a file name: 'spring-2025'."""
        return slug(self.reference_period) or self.published
