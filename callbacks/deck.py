"""Deck edits: which control was used, and the deck it leaves in the link.

The dashboard callback answers them like a filter change (only what changed is sent);
here is only what each control does to the deck (atmp/deck.py holds the operations).
"""

from __future__ import annotations

from atmp.deck import INSERTED_KINDS, Deck, Slide
from atmp.state import Offer, ViewState
from components import ids

_EDITS = {"deck-add", "deck-edit", "deck-text"}


def is_deck_edit(trigger: object) -> bool:
    return trigger == ids.DECK_NAME or (isinstance(trigger, dict) and trigger.get("type") in _EDITS)


def edited_deck(
    shown: ViewState, offer: Offer, trigger: object, texts: list[dict], name: str | None
) -> Deck:
    """The deck after the control `trigger` was used on the view `shown`.

    `texts` are the panel's heading and notes fields ({"id", "value"}). Adding a chart to
    the default deck starts a deck of one's own; any other edit of the default deck edits
    a copy of it. A crafted id does nothing.
    """
    deck = shown.slides(offer)
    if trigger == ids.DECK_NAME:
        return deck.renamed(name if isinstance(name, str) else "")
    kind = trigger.get("type")
    if kind == "deck-add":
        chart = trigger.get("chart")
        if chart not in offer.charts:
            return deck
        slide = Slide("chart", chart=chart, filters=shown.filters)
        return Deck((slide,)) if shown.deck is None else deck.added(slide)
    index = trigger.get("index")
    if not isinstance(index, int):
        return deck
    if kind == "deck-text":
        fields = {
            (text["id"].get("field"), text["id"].get("index")): text.get("value") or ""
            for text in texts
            if isinstance(text, dict) and isinstance(text.get("id"), dict)
        }
        if not 0 <= index < len(deck):
            return deck
        slide = deck.slides[index]
        heading = fields.get(("heading", index), slide.heading)
        notes = fields.get(("notes", index), slide.notes)
        return deck.edited(index, str(heading), str(notes))
    action = trigger.get("action")
    if action in ("up", "down"):
        return deck.moved(index, -1 if action == "up" else 1)
    if action == "remove":
        return deck.removed(index)
    inserted = str(action).removeprefix("insert-")
    if inserted in INSERTED_KINDS:
        return deck.inserted(index, Slide(inserted))
    return deck
