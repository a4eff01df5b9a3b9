"""Downloads of the targets status table: CSV and Excel, safe to open in a spreadsheet.

Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) are
prefixed with ``'`` (:func:`dashboard.exports.tidy.neutralise`): target keys and texts can come
from staff typing in the app. Numbers stay numbers; a missing value stays empty.
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from dashboard.auth.audit import changes, history_csv
from dashboard.exports.tidy import neutralise
from dashboard.i18n import t
from dashboard.targets.form import is_target_key, load_targets
from dashboard.targets.report import evaluate, status_table


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell neutralised (numbers and empty cells untouched)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def filename(ext: str, today: date | None = None) -> str:
    """``nprz-doelen-2026-05-01.csv``: the export date in the name as well as the table."""
    return f"nprz-doelen-{(today or date.today()).isoformat()}.{ext}"


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with a byte-order mark, so Excel reads the accents) of the table."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, lang: str, today: date | None = None) -> bytes:
    """An Excel workbook: sheet ``status`` with the table, sheet ``info`` with the date and
    how to read the columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`dashboard.targets.report.status_table`.
    lang : str
        Language of the info sheet.
    today : date, optional
        The export date (default today).

    Returns
    -------
    bytes
        The ``.xlsx`` file.
    """
    today = today or date.today()
    info = pd.DataFrame({"item": [t("targets.table_caption", lang, date=today.isoformat()),
                                  t("targets.chart.note", lang), t("targets.intro", lang)]})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(frame).to_excel(writer, sheet_name="status", index=False)
        safe_frame(info).to_excel(writer, sheet_name="info", index=False, header=False)
    return buffer.getvalue()


def export_file(store, data_dir, fmt: str, lang: str, today: date | None = None
                ) -> tuple[bytes, str]:
    """The status table of every target as ``(content, filename)``; ``fmt`` csv or xlsx.

    Raises
    ------
    ValueError
        For another format.
    """
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown export format {fmt!r}")
    targets, _ = load_targets(store, data_dir, lang)
    frame = status_table(store, [evaluate(store, x) for x in targets], lang, today)
    content = to_csv(frame) if fmt == "csv" else to_xlsx(frame, lang, today)
    return content, filename(fmt, today)


def history_file(key: object, lang: str) -> tuple[bytes, str] | None:
    """Every recorded change to target ``key`` as a formula-safe CSV ``(content, name)``;
    None for a value that is not a target key."""
    if not is_target_key(key):
        return None
    return history_csv(changes("target", key), lang), f"doel-{key}-wijzigingen.csv"
