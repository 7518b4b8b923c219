"""KPI charts as static SVG, made at build time: one bar per period, the target as a dashed line.

No scripts, no web fonts, no network: CJK labels use the fonts of the reader's system (a CJK font stack).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from docctl.kpi.attainment import Measurement
from docctl.kpi.indicators import Indicator, number

FONTS = ("'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei',"
         "sans-serif")
WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 48, 48
COLORS = {True: "#2e7d32", False: "#c62828", None: "#bdbdbd"}
ANOMALY = "#ef6c00"  # a ratio above 100 %: the formula or the data is wrong (`docctl kpi` says so too)


def kpi_chart_svg(indicator: Indicator, measurements: Sequence[Measurement]) -> str:
    unit = indicator.target.unit
    marks = ticks(_scale(indicator, measurements), integer=not indicator.is_ratio and unit != "%")
    top = marks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(measurements), 1)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - min(value, top) / top)

    title = f"{indicator.id} {indicator.name}"
    target = f"目标 {indicator.target.text()}"
    if len(measurements) > 6:
        title += f" {measurements[0].period[:4]}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(title)}" font-family="{FONTS}" font-size="13">',
        f"<title>{escape(title)}（{escape(indicator.target.text())}）</title>",
        f'<text x="{LEFT}" y="24" font-size="16" font-weight="bold">{escape(title)}</text>',
        f'<text x="{WIDTH - RIGHT}" y="24" text-anchor="end">{escape(target)}</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#616161"/>',
        *_axis(marks, unit, y),
    ]
    short = len(measurements) > 6  # many bars: the year goes to the title, the bars keep H1, Q3, 07
    for i, m in enumerate(measurements):
        parts += _bar(m, LEFT + slot * i, slot, y, TOP + plot_h, unit, short)
    target_y = round(y(indicator.target.value), 1)
    parts += [f'<line class="target" x1="{LEFT}" y1="{target_y}" x2="{WIDTH - RIGHT}" y2="{target_y}" '
              f'stroke="#1565c0" stroke-dasharray="6 4" stroke-width="1.5"/>', "</svg>"]
    return "\n".join(parts) + "\n"


def _scale(indicator: Indicator, measurements: Sequence[Measurement]) -> float:
    """The highest value the axis must show (the ticks round it up)."""
    values = [m.value for m in measurements if m.value is not None] + [indicator.target.value]
    top = max(values) if values else 1.0
    if indicator.target.unit == "%" and top <= 100:
        return 100.0
    return top * 1.1 or 1.0


def ticks(top: float, integer: bool) -> list[float]:
    """0 to at least `top` in at most 5 steps of 1, 2, 2.5 or 5 times a power of ten; whole steps
    (1, 2, 5, 10, …) for counts, so no two labels round to the same number."""
    raw = top / 5 if top > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    step = next(s * magnitude for s in steps if s * magnitude >= raw - 1e-12)
    if integer:
        step = max(1.0, float(round(step)))
    count = max(1, math.ceil(top / step - 1e-9))
    return [round(step * i, 10) for i in range(count + 1)]


def _axis(marks: list[float], unit: str, y: Callable[[float], float]) -> list[str]:
    return [f'<text x="{LEFT - 6}" y="{round(y(t) + 4, 1)}" text-anchor="end" fill="#616161">'
            f"{number(t)}{escape(unit)}</text>" for t in marks]


def _bar(m: Measurement, x0: float, slot: float, y: Callable[[float], float], base: float,
         unit: str, short: bool) -> list[str]:
    width = slot * 0.6
    x = round(x0 + (slot - width) / 2, 1)
    centre = round(x0 + slot / 2, 1)
    period = m.period[5:] if short and len(m.period) > 5 else m.period
    label = f'<text x="{centre}" y="{base + 18}" text-anchor="middle">{escape(period)}</text>'
    if m.value is None:
        return [label, f'<text x="{centre}" y="{base - 6}" text-anchor="middle" fill="#757575">无数据</text>']
    top = round(y(m.value), 1)
    shown = f"{number(round(m.value, 1))}{m.unit(unit)}"
    over = m.over_100 and unit == "%"
    note = "（超过 100%）" if over else ""
    parts = [f'<rect class="bar{" over-100" if over else ""}" x="{x}" y="{top}" width="{round(width, 1)}" '
             f'height="{round(base - top, 1)}" fill="{ANOMALY if over else COLORS[m.met]}">'
             f"<title>{escape(m.period)}: {escape(shown + note)}</title></rect>",
             f'<text x="{centre}" y="{top - 4}" text-anchor="middle"'
             f'{f" fill={chr(34)}{ANOMALY}{chr(34)}" if over else ""}>{escape(shown)}</text>', label]
    if over:
        parts.append(f'<text class="anomaly" x="{centre}" y="{top - 20}" text-anchor="middle" '
                     f'fill="{ANOMALY}" font-weight="bold">超过 100%</text>')
    return parts
