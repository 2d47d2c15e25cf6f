"""CSV that MemberHub writes for people to open: no cell runs as a spreadsheet formula.

Excel, LibreOffice and Google Sheets evaluate a cell starting with `=`, `+`, `-` or `@` (and one
starting with a tab or carriage return once the whitespace is trimmed) as a formula, so a contact
named `=HYPERLINK(...)` would run in whoever opens an export. Such cells get a leading `'`, which
spreadsheets show as text. Reading CSV (imports) never goes through here: text is kept as it was.
defusedcsv does the same but leaves tab and carriage return alone, hence these few lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """The cell as text, with a leading `'` when a spreadsheet would run it as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


class SafeCsv:
    """Rows in, CSV text out, every cell neutralised. RFC 4180 `\\r\\n` line ends: the csv module
    quotes only cells holding a line-end character, so with `\\n` alone a cell's CR stayed bare and
    spreadsheets split the row there."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\r\n")

    def row(self, cells: Iterable[object]) -> None:
        self._writer.writerow([neutralise(cell) for cell in cells])

    def text(self) -> str:
        return self._out.getvalue()
