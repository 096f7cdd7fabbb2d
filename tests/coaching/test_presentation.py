"""Presentation pieces of the coaching pages, on their own: the bar chart macro and initials."""

import re
from pathlib import Path

import jinja2
import pytest

from webapp.coaching.formatting import initials

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def bar_chart(rows):
    """The one bar chart macro (templates/macros/charts.html), rendered on its own."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    env.globals.update(_=str, static_url=str)
    html = str(env.get_template("macros/charts.html").module.bar_chart("c", "Contacts", rows))
    return [float(w) for w in re.findall(r'class="chart__bar" x="0" y="[\d.]+" width="([\d.]+)"', html)]


def test_bars_scale_to_the_highest_value():
    widths = bar_chart([("a", 0), ("b", 5), ("c", 10)])
    assert widths == [0, 150, 300]


def test_bars_of_nothing_do_not_divide_by_zero():
    assert bar_chart([("a", 0), ("b", 0), ("c", 0)]) == [0, 0, 0]


@pytest.mark.parametrize(
    ("name", "expected"), [("Sanne de Vries", "SV"), ("henk", "H"), ("", "?"), ("  Ali  Öztürk ", "AÖ")]
)
def test_initials(name, expected):
    assert initials(name) == expected
