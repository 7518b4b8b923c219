"""KPI charts as static SVG, made at build time: one bar per period, the target as a dashed line.

No scripts, no web fonts, no network: CJK labels use the fonts of the reader's system (a CJK font stack).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from docctl.kpi.attainment import Measurement
from docctl.kpi.indicators import Indicator, number

FONTS = ("'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei',"
         "sans-serif")
WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 48, 48
COLORS = {True: "#2e7d32", False: "#c62828", None: "#bdbdbd"}


def kpi_chart_svg(indicator: Indicator, measurements: Sequence[Measurement]) -> str:
    unit = indicator.target.unit
    top = _scale(indicator, measurements)
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
        *_axis(top, unit, y),
    ]
    short = len(measurements) > 6  # many bars: the year goes to the title, the bars keep H1, Q3, 07
    for i, m in enumerate(measurements):
        parts += _bar(m, LEFT + slot * i, slot, y, TOP + plot_h, unit, short)
    target_y = round(y(indicator.target.value), 1)
    parts += [f'<line class="target" x1="{LEFT}" y1="{target_y}" x2="{WIDTH - RIGHT}" y2="{target_y}" '
              f'stroke="#1565c0" stroke-dasharray="6 4" stroke-width="1.5"/>', "</svg>"]
    return "\n".join(parts) + "\n"


def _scale(indicator: Indicator, measurements: Sequence[Measurement]) -> float:
    values = [m.value for m in measurements if m.value is not None] + [indicator.target.value]
    top = max(values) if values else 1.0
    if indicator.target.unit == "%" and top <= 100:
        return 100.0
    return (top * 1.2 or 1.0) if indicator.target.unit != "%" else top * 1.1


def _axis(top: float, unit: str, y: Callable[[float], float]) -> list[str]:
    ticks = [top * i / 4 for i in range(5)]
    return [f'<text x="{LEFT - 6}" y="{round(y(t) + 4, 1)}" text-anchor="end" fill="#616161">'
            f"{number(round(t))}{escape(unit)}</text>" for t in ticks]


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
    shown = f"{number(round(m.value, 1))}{unit}"
    return [f'<rect class="bar" x="{x}" y="{top}" width="{round(width, 1)}" height="{round(base - top, 1)}" '
            f'fill="{COLORS[m.met]}"><title>{escape(m.period)}: {escape(shown)}</title></rect>',
            f'<text x="{centre}" y="{top - 4}" text-anchor="middle">{escape(shown)}</text>', label]
