"""Area look-ups by code or name, and area names per language."""

from __future__ import annotations

import unicodedata
from functools import cached_property

import numpy as np
import pandas as pd

_NAME_CACHE_SIZE = 8


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(norm.lower().replace("-", " ").split())



class AreaNames:
    """Area look-ups and names (a part of :class:`dashboard.store.Store`)."""

    def area(self, code_or_name: str) -> dict:
        """Look an area up by code (any case) or by name (accents and case ignored).

        Raises
        ------
        KeyError
            Naming what was asked, when nothing or more than one area matches a name.
        """
        key = str(code_or_name).strip()
        if key.upper() in self.areas.index:
            key = key.upper()
        if key in self.areas.index:
            row = self.areas.loc[key]
        else:
            hits = self._names.get(_fold(key), [])
            if len(hits) != 1:
                what = "no area" if not hits else f"{len(hits)} areas ({', '.join(hits)})"
                raise KeyError(f"{what} named {code_or_name!r}")
            row = self.areas.loc[hits[0]]
        return {"code": row["code"], "name": self.area_name(row["code"], "nl"),
                "name_en": self.area_name(row["code"], "en"), "level": row["level"],
                "parent": row["parent"], "gemeente": row["gemeente"],
                "groups": [g for g in str(row["groups"] or "").split(",") if g],
                "boundary_year": None if pd.isna(row["boundary_year"])
                else int(row["boundary_year"])}

    def area_name(self, code: str, lang: str = "nl") -> str:
        custom = self._custom_areas
        if code in custom:
            return custom[code].name(lang)
        names = self._base_names
        if names is not None:
            return names.get(code, code)
        return str(self.areas.at[code, "name"]) if code in self.areas.index else code

    @cached_property
    def _custom_areas(self) -> dict:
        return self.area_config.by_code() if self.area_config else {}

    @cached_property
    def _base_names(self) -> dict[str, str] | None:
        """Name per area code (None when codes repeat: then looked up as before)."""
        if not self.areas.index.is_unique:
            return None
        return {code: str(name) for code, name in zip(self.areas.index, self.areas["name"],
                                                     strict=True)}

    def _area_positions(self, idx) -> np.ndarray | None:
        """Position in ``areas`` of each area code of an indicator's rows ``idx``, -1 if
        none (the last entry, -1, is for a missing code); None when area codes repeat."""
        if not self.areas.index.is_unique:
            return None
        if idx.area_pos is None:
            codes = idx.cols["area_code"].uniques
            idx.area_pos = np.append(self.areas.index.get_indexer(codes), -1)
        return idx.area_pos

    @cached_property
    def _levels(self) -> tuple[np.ndarray, dict]:
        """Code of each area's level (-1 if none) and the code of each level."""
        codes, uniques = pd.factorize(self.areas["level"])
        return np.append(codes, -1), {level: i for i, level in enumerate(uniques)}

    def _area_names(self, lang: str) -> np.ndarray:
        """:meth:`area_name` of every area, in the order of ``areas``."""
        names = self._names_by_lang.get(lang)
        if names is None:
            names = np.empty(len(self.areas), dtype=object)
            names[:] = [self.area_name(code, lang) for code in self.areas.index]
            if len(self._names_by_lang) >= _NAME_CACHE_SIZE:
                self._names_by_lang.clear()
            self._names_by_lang[lang] = names
        return names

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for code in self.areas.index:
            for lang in ("nl", "en"):
                names = out.setdefault(_fold(self.area_name(code, lang)), [])
                if code not in names:
                    names.append(code)
        return out
