"""The report for the doctor and the progress charts: HTML from one template, PDF from it.

- `model`: the report's data (`Report`, the period's rows, raised reasons).
- `charts`: the charts, drawn on the server and embedded inline with a title and desc.
- `render`: the HTML page and the PDF printed from it.
- `progress_json`: progress as JSON for the command line and the API.
"""

from sicoach.interchange.report.charts import (
    MIN_AXIS_DAYS,
    MOBILITY_COLOUR,
    PAIN_COLOUR,
    _date_axis,
    _figure,
    accessible_svg,
    day_edges,
    minutes_chart,
    rating_chart,
)
from sicoach.interchange.report.model import (
    DEFAULT_REPORT_WEEKS,
    PeriodRow,
    ProgressCallback,
    RaisedReason,
    Report,
    exercise_rows,
    period_rows,
    session_pain,
)
from sicoach.interchange.report.progress_json import progress_to_dict
from sicoach.interchange.report.render import print_css, profile_lines, render_html, render_pdf

__all__ = [
    "DEFAULT_REPORT_WEEKS",
    "MIN_AXIS_DAYS",
    "MOBILITY_COLOUR",
    "PAIN_COLOUR",
    "PeriodRow",
    "ProgressCallback",
    "RaisedReason",
    "Report",
    "_date_axis",
    "_figure",
    "accessible_svg",
    "day_edges",
    "exercise_rows",
    "minutes_chart",
    "period_rows",
    "print_css",
    "profile_lines",
    "progress_to_dict",
    "rating_chart",
    "render_html",
    "render_pdf",
    "session_pain",
]
