"""How much of a view has a value in a year (a part of :class:`dashboard.store.Store`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: A year in which fewer than this share of the areas in view have a value is *sparse*:
#: not offered as an ordinary year, and never drawn as a colour scale of one or two areas.
SPARSE_BELOW = 0.5


@dataclass(frozen=True)
class Coverage:
    """Areas in view and how many of them have a value, and a reliable one, in a year."""

    year: int
    n_areas: int
    n_values: int
    n_reliable: int

    @property
    def share(self) -> float:
        """Share of the areas with a value (0 when there are no areas)."""
        return self.n_values / self.n_areas if self.n_areas else 0.0

    @property
    def sparse(self) -> bool:
        """Fewer than half of the areas have a value."""
        return self.share < SPARSE_BELOW

    def as_dict(self) -> dict:
        return {"year": self.year, "n_areas": self.n_areas, "n_values": self.n_values,
                "n_reliable": self.n_reliable, "share": self.share, "sparse": self.sparse}


class CoverageIndex:
    """Coverage look-ups (a part of :class:`dashboard.store.Store`)."""

    def coverage_of(self, indicator: str, year: int, codes: list[str]) -> Coverage:
        """Coverage of ``indicator`` in ``year`` over the areas ``codes``.

        Parameters
        ----------
        indicator : str
            A catalogue key (KeyError naming an unknown one).
        year : int
        codes : list of str
            The areas in view (e.g. the buurten of a gemeente as the map draws them).

        Returns
        -------
        Coverage
            ``n_values`` counts areas whose value has status ok, ``n_reliable`` those whose
            quality is also ok.
        """
        codes = list(dict.fromkeys(codes))
        rows = self.values(indicator, int(year), areas=codes)  # type: ignore[attr-defined]
        ok = (rows["status"] == "ok") & rows["value"].notna()
        reliable = ok & rows["quality"].fillna("ok").eq("ok")
        return Coverage(int(year), len(codes), int(rows.loc[ok, "area_code"].nunique()),
                        int(rows.loc[reliable, "area_code"].nunique()))

    def coverage_by_year(self, indicator: str, codes: list[str]) -> list[Coverage]:
        """:meth:`coverage_of` for every year of ``indicator`` with a value
        (``Store.years``), counted in one pass over its rows: a year list asks for all of
        them at once, and a values table per year took most of a first indicator switch."""
        codes = list(dict.fromkeys(codes))
        years = self.years(indicator)  # type: ignore[attr-defined]
        idx = self._indicator(indicator)  # type: ignore[attr-defined]
        if idx is None:
            return [Coverage(int(y), len(codes), 0, 0) for y in years]
        chosen = np.zeros(idx.n_codes + 1, dtype=bool)  # the last: no code (-1)
        chosen[[idx.code_ids[c] for c in codes if c in idx.code_ids]] = True
        area = idx.cols["area_code"].codes
        ok = idx.row_ok & ~idx.cols["value"].isna() & chosen[area]
        quality = idx.cols.get("quality")
        reliable = ok & (quality.isna() | quality.equals("ok")) if quality is not None else ok
        out = []
        for year in years:
            start, stop = idx.spans.get(int(year), (0, 0))
            here = area[start:stop]
            out.append(Coverage(int(year), len(codes),
                                int(np.unique(here[ok[start:stop]]).size),
                                int(np.unique(here[reliable[start:stop]]).size)))
        return out
