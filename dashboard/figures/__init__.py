"""Figure builders: the choropleth map, ranking bars, trend lines and a scatter plot.

Pure functions of DataFrames and dicts (no Dash callbacks, no store access). The map comes
in two parts so geometry travels to the browser once: :func:`map_figure` builds the base
figure, :func:`map_values` the few properties that change with indicator, year, selection
and language, sent as a Dash ``Patch`` (:func:`write_updates`) or applied to the base
figure for the first render (:func:`apply_map_values`). Numbers are written per language
(Dutch ``1.234,5``, English ``1,234.5``) in hover texts, labels and axis ticks alike.
"""

from dashboard.figures.access import (
    as_json,
    figure_lines,
    named_chart,
    text_equivalent,
    text_equivalent_json,
)
from dashboard.figures.charts import areas_word, ranking_bar, scatter_figure
from dashboard.figures.common import (
    GRAPH_CONFIG,
    PLACEHOLDER,
    FigureSpec,
    as_figure,
    empty_figure,
    figure,
    is_number,
    is_ok,
    is_reliable,
    partition,
    placeholder,
    rows_of,
)
from dashboard.figures.maps import (
    MAP_UIREVISION,
    apply_map_values,
    bounds_view,
    map_figure,
    map_spec,
    map_values,
    path_parts,
    set_values,
    write_updates,
)
from dashboard.figures.trends import trend_figure

__all__ = ["GRAPH_CONFIG", "MAP_UIREVISION", "PLACEHOLDER", "FigureSpec", "apply_map_values",
           "areas_word", "as_figure", "as_json", "bounds_view", "empty_figure", "figure",
           "figure_lines", "is_number", "is_ok", "is_reliable", "map_figure", "map_spec",
           "map_values", "named_chart", "partition", "path_parts", "placeholder",
           "ranking_bar", "rows_of", "scatter_figure", "set_values", "text_equivalent",
           "text_equivalent_json", "trend_figure", "write_updates"]
