"""The add/edit form of the targets page as plain data: choices, values and outcomes.

The callbacks call :func:`submit` and :func:`remove`; these validate, write to the database
and return what to tell the user. Nothing is written unless every field is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import sqlalchemy as sa

from dashboard import pages
from dashboard.auth.audit import last_changes
from dashboard.formatting import label_with_unit
from dashboard.i18n import t
from dashboard.store import Store
from dashboard.targets.db import all_targets, delete_target, save_target, saved_targets
from dashboard.targets.model import (
    FIELDS,
    PILLARS,
    RULES,
    FieldError,
    Target,
    TargetsError,
    load_default_targets,
    validate_target,
)

_SLUG = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
PAGE_PATH = pages.TARGETS  # a save reloads the page


def is_target_key(value: object) -> bool:
    """Whether ``value`` could be a target key (a slug: ``werk_bijstand``)."""
    return isinstance(value, str) and bool(_SLUG.match(value))


@dataclass(frozen=True)
class Outcome:
    """What a save or delete did: ``ok``, the messages to show, and the key concerned."""

    ok: bool
    messages: tuple[str, ...]
    key: str = ""


def load_targets(store: Store, data_dir: str | Path, lang: str = "nl"
                 ) -> tuple[list[Target], list[str]]:
    """Defaults merged with saved targets; if the database cannot be read, the defaults
    with a notice (the page still shows, nothing is lost)."""
    try:
        return all_targets(data_dir, store.catalogue), []
    except TargetsError as exc:  # a typo in data/targets.yaml: show the saved ones and why
        return [replace(x, origin="user") for x in saved_targets()
                if x.indicator in store.catalogue], [
            t("targets.config_error", lang, detail=str(exc))]
    except sa.exc.SQLAlchemyError as exc:
        defaults = load_default_targets(Path(data_dir) / "targets.yaml", store.catalogue)
        return defaults, [t("targets.db_error", lang, detail=type(exc).__name__)]


def error_text(error: FieldError, lang: str) -> str:
    """``Basisjaar: …`` — the message for one rejected field, naming the field."""
    return t(f"targets.err.{error.code}", lang, field=t(f"targets.form.{error.field}", lang),
             value=error.value)


def submit(raw: dict, store: Store, lang: str, *, editor: str) -> Outcome:
    """Validate the form's fields and save the target (insert or update by key).

    Parameters
    ----------
    raw : dict
        Field -> value as the form holds it (see ``dashboard.targets.model.FIELDS``).
    store : Store
        The store (catalogue, areas, data for the baseline check).
    lang : str
        Language of the messages.
    editor : str
        The signed-in editor, recorded in the audit trail.

    Returns
    -------
    Outcome
        ``ok`` False with one message per wrong field (nothing written), or True.
    """
    target, errors = validate_target({f: raw.get(f) for f in FIELDS}, store)
    if target is None:
        return Outcome(False, (*(error_text(e, lang) for e in errors),
                               t("targets.not_saved", lang)))
    try:
        save_target(target, editor=editor)
    except sa.exc.SQLAlchemyError as exc:
        return Outcome(False, (t("targets.save_failed", lang, detail=type(exc).__name__),
                               t("targets.not_saved", lang)))
    return Outcome(True, (t("targets.saved", lang, name=target.key),), target.key)


def remove(key: object, lang: str, *, editor: str) -> Outcome:
    """Delete the saved target ``key`` as ``editor`` (a default of that key shows again)."""
    key = str(key or "").strip()
    if not _SLUG.match(key) or not delete_target(key, editor=editor):
        return Outcome(False, (t("targets.delete_none", lang, name=key[:60]),))
    return Outcome(True, (t("targets.deleted", lang, name=key),), key)


def form_values(target: Target | None) -> dict:
    """The form's field values for ``target`` (empty fields for None)."""
    if target is None:
        return {f: None for f in FIELDS}
    return target.as_record()


def pillar_options(lang: str) -> list[dict]:
    return [{"label": t(f"targets.pillar.{p}", lang), "value": p} for p in PILLARS]


def rule_options(lang: str) -> list[dict]:
    return [{"label": t(f"targets.rule.{r}", lang), "value": r} for r in RULES]


def indicator_options(store: Store, lang: str) -> list[dict]:
    """Indicators with data, as ``theme · label (unit)``, the unit named once."""
    return [{"label": f"{t('theme.' + ind.theme, lang)} · "
                      f"{label_with_unit(ind.label.get(lang), ind.unit.get(lang))}",
             "value": ind.key}
            for ind in store.catalogue if store.years(ind.key)]


def area_options(store: Store, lang: str) -> list[dict]:
    """Programme and benchmark areas, then the gemeenten built in detail with their wijken
    and buurten (focus wijken marked)."""
    custom = [a.code for a in (store.area_config.custom if store.area_config else ())]
    detail = list(store.manifest.get("gemeenten", []))
    areas = store.areas
    codes = custom + detail
    for level in ("wijk", "buurt"):
        rows = areas[(areas["level"] == level) & areas["gemeente"].isin(detail)]
        codes += sorted(rows["code"], key=lambda c: store.area_name(c, lang))
    focus = set(store.area_config.groups.get("nprz_focus", ())) if store.area_config else set()
    out = []
    for code in dict.fromkeys(c for c in codes if c in areas.index):
        name = store.area_name(code, lang)
        star = " ★" if code in focus else ""
        out.append({"label": f"{name}{star} ({code})", "value": code})
    return out


def target_options(targets: list[Target], store: Store, lang: str) -> list[dict]:
    """One option per target: ``indicator label — area (key)``."""
    return [{"label": f"{store.catalogue[x.indicator].label.get(lang)} — "
                      f"{store.area_name(x.area, lang)} ({x.key})", "value": x.key}
            for x in targets]


def find_target(store: Store, data_dir: str | Path, key: object) -> Target | None:
    """The target ``key`` among the defaults and the saved ones, or None."""
    targets, _ = load_targets(store, data_dir)
    return next((x for x in targets if x.key == key), None)


def changed_lines(lang: str) -> dict[str, str]:
    """Target key -> "Laatst gewijzigd door … op …" for every target changed in the app
    (nothing for a target never changed, or when the database cannot be read)."""
    try:
        return {key: change.line(lang) for key, change in last_changes("target").items()}
    except sa.exc.SQLAlchemyError:
        return {}
