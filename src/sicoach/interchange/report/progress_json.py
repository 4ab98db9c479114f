"""Progress as JSON: the stable shape of `sicoach progress --json` and `/api/v1/progress`."""

from __future__ import annotations

from datetime import date
from typing import Any

from sicoach.domain.progress import Adherence, Progress, Trend


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _trend_dict(trend: Trend) -> dict[str, Any]:
    c = trend.change
    return {
        "baseline_start": _iso(trend.baseline_start),
        "baseline_end": _iso(trend.baseline_end),
        "baseline": _round(c.baseline),
        "latest": _round(c.latest),
        "difference": _round(c.difference),
        "percent": _round(c.percent),
        "meaning": str(c.meaning),
        "summary": c.summary,
        "days": [
            {"date": d.date.isoformat(), "value": d.value, "average": _round(d.average)}
            for d in trend.days
        ],
    }


def _adherence_dict(a: Adherence) -> dict[str, Any]:
    return {
        "training_days": list(a.training_days),
        "planned_days": a.planned_days,
        "done_days": a.done_days,
        "sessions": a.sessions,
        "current_streak": a.current_streak,
        "summary": a.summary,
    }


def progress_to_dict(p: Progress) -> dict[str, Any]:
    """The stable `sicoach progress --json` / `/api/v1/progress` shape.

    `{"date", "start", "summaries": [5 sentences],
      "pain" and "mobility": {"baseline_start", "baseline_end", "baseline", "latest",
        "difference", "percent", "meaning": better|worse|small|unknown, "summary",
        "days": [{"date", "value", "average"}]},
      "adherence": {"training_days", "planned_days", "done_days", "sessions",
        "current_streak", "summary"},
      "aerobic": {"goal", "total_minutes", "summary",
        "weeks": [{"week", "start", "minutes", "target", "met_goal"}]},
      "hurt": [{"id", "name", "count", "last_date"}],
      "symptoms": [{"code", "label", "group", "red_flag", "days", "first", "last"}],
      "function": {"first_average", "latest_average", "change", "meaning", "summary",
        "activities": [{"activity", "first_score", "first_date", "latest_score",
        "latest_date", "change"}]}}`
    Dates are ISO strings; averages are rounded to 2 decimals.
    """
    return {
        "date": p.on.isoformat(),
        "start": _iso(p.start),
        "summaries": list(p.summaries),
        "pain": _trend_dict(p.pain),
        "mobility": _trend_dict(p.mobility),
        "adherence": _adherence_dict(p.adherence),
        "aerobic": {
            "goal": p.aerobic.goal,
            "total_minutes": p.aerobic.total_minutes,
            "summary": p.aerobic.summary,
            "weeks": [
                {
                    "week": w.label,
                    "start": w.week_start.isoformat(),
                    "minutes": w.minutes,
                    "target": w.target,
                    "met_goal": w.met_goal,
                }
                for w in p.aerobic.weeks
            ],
        },
        "hurt": [
            {"id": h.id, "name": h.name, "count": h.count, "last_date": h.last_date.isoformat()}
            for h in p.hurt
        ],
        "symptoms": [
            {
                "code": s.code,
                "label": s.label,
                "group": s.group,
                "red_flag": s.red_flag,
                "days": s.days,
                "first": s.first.isoformat(),
                "last": s.last.isoformat(),
            }
            for s in p.symptoms
        ],
        "function": {
            "first_average": _round(p.function.first_average),
            "latest_average": _round(p.function.latest_average),
            "change": _round(p.function.change),
            "meaning": str(p.function.meaning),
            "summary": p.function.summary,
            "activities": [
                {
                    "activity": a.activity,
                    "first_score": a.first_score,
                    "first_date": a.first_date.isoformat(),
                    "latest_score": a.latest_score,
                    "latest_date": a.latest_date.isoformat(),
                    "change": a.change,
                }
                for a in p.function.activities
            ],
        },
    }
