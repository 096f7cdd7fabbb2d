"""Presentation pieces of the coaching pages, on their own: the bar chart macro and initials."""

import re
from pathlib import Path

import jinja2
import pytest

from webapp.coaching.formatting import initials

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def chart_html(rows):
    """The one bar chart macro (templates/macros/charts.html), rendered on its own."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    env.globals.update(_=str, static_url=str)
    return str(env.get_template("macros/charts.html").module.bar_chart("c", "Contacts", rows))


def bar_chart(rows):
    bars = re.findall(r'class="chart__bar" x="0" y="[\d.]+" width="([\d.]+)"', chart_html(rows))
    return [float(width) for width in bars]


def test_bars_scale_to_the_highest_value():
    widths = bar_chart([("a", 0), ("b", 5), ("c", 10)])
    assert widths == [0, 150, 300]


def test_bars_of_nothing_do_not_divide_by_zero():
    assert bar_chart([("a", 0), ("b", 0), ("c", 0)]) == [0, 0, 0]


def test_a_long_label_takes_more_lines_and_its_bar_goes_under_them():
    """SVG text does not wrap: with wider letter spacing (WCAG 1.4.12) a long label must still fit."""
    html = chart_html([("Boodschappendienst voor ouderen in De Hoven", 3), ("Kort", 1)])
    svg = html[html.index("<svg") : html.index("</svg>")]
    first = svg[: svg.index('class="chart__value"')]
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", first)
    assert " ".join(lines) == "Boodschappendienst voor ouderen in De Hoven"
    assert len(lines) == 3 and all(len(line) <= 20 for line in lines)
    assert re.findall(r'class="chart__bar" x="0" y="(\d+)"', svg) == ["60", "106"]
    assert 'viewBox="0 0 300 128"' in svg


@pytest.mark.parametrize(
    ("name", "expected"), [("Sanne de Vries", "SV"), ("henk", "H"), ("", "?"), ("  Ali  Öztürk ", "AÖ")]
)
def test_initials(name, expected):
    assert initials(name) == expected
