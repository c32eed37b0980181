"""A few values kept by key, most recently used last: for what many requests ask alike
(a view's render, a data workbook). A memo, not per-user state; safe across threads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Kept:
    def __init__(self, size: int) -> None:
        self.size = size
        self.values: OrderedDict[Hashable, object] = OrderedDict()
        self.lock = threading.Lock()
        self.making: dict[Hashable, threading.Event] = {}

    def get(self, key: Hashable, make: Callable[[], object]) -> object:
        """The value kept under `key`, or `make()` (outside the lock), then kept. Callers
        asking for a key being made wait for it rather than make it again (twenty
        downloads of one view at a meeting write one workbook)."""
        while True:
            with self.lock:
                if key in self.values:
                    self.values.move_to_end(key)
                    return self.values[key]
                underway = self.making.get(key)
                if underway is None:
                    self.making[key] = underway = threading.Event()
                    break
            underway.wait()  # made, or failed: then this caller makes it
        try:
            made = make()
            with self.lock:
                self.values[key] = made
                while len(self.values) > self.size:
                    self.values.popitem(last=False)
            return made
        finally:
            with self.lock:
                del self.making[key]
            underway.set()
