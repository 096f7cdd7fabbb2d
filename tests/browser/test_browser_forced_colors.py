"""Forced colours (Windows high contrast), emulated in Chromium with a dark scheme (issue 12, point 6).

In forced colours the browser sets the colours of text, borders and
backgrounds, but not the fill of SVG shapes nor a colour an icon was given,
and it drops box shadows. Measured on the pages in nl and nl@plain:

- every chart takes the page's background (Canvas), not its own white, and
  its bars stand out from it and from their track (contrast >= 3:1);
- every icon stands out from the background behind it (>= 3:1, WCAG 1.4.11);
- a chosen card keeps a frame (outline or border) of 3 px or more, in
  another colour than the cards not chosen.

Screenshots of the same pages go to /tmp/basisbaan-forced-colors/ to look at.
"""

from pathlib import Path

import pytest
from browser_support import log_in, with_plain
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/basisbaan-forced-colors")  # noqa: S108 - screenshots to look at, not kept

# Colours as the browser computes them, the background an element shows (the
# first ancestor with one), and the WCAG contrast ratio of two colours.
COLOURS = """
const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
const seen = (colour) => { const [r, g, b, a] = rgb(colour); return a === undefined || a > 0; };
const behind = (el) => {
    for (let at = el; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (seen(colour)) { return colour; }
    }
    return getComputedStyle(document.documentElement).backgroundColor;
};
const luminance = (colour) => {
    const [r, g, b] = rgb(colour).slice(0, 3).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (one, other) => {
    const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
};
const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
"""

POOR_ICONS = (
    "() => {"
    + COLOURS
    + """
    return [...document.querySelectorAll('svg.icon')].filter(shown).map((icon) => {
        const colour = getComputedStyle(icon).color;
        const ratio = contrast(colour, behind(icon.parentElement));
        const where = icon.parentElement.textContent.trim().replace(/\\s+/g, ' ').slice(0, 30);
        const on = behind(icon.parentElement);
        return ratio < 3 ? `icon by "${where}": ${colour} on ${on} (${ratio.toFixed(2)}:1)` : null;
    }).filter(Boolean);
}"""
)

CHART_BARS = (
    "() => {"
    + COLOURS
    + """
    return [...document.querySelectorAll('.chart__svg')].map((svg) => {
        const background = behind(svg);
        const bars = [...svg.querySelectorAll('.chart__bar')];
        const track = svg.querySelector('.chart__track');
        return {
            background,
            page: behind(document.body),
            bars: bars.length,
            fills: [...new Set(bars.map((bar) => getComputedStyle(bar).fill))],
            worst: Math.min(...bars.map((bar) => contrast(getComputedStyle(bar).fill, background))),
            track: track ? contrast(getComputedStyle(track).fill, getComputedStyle(bars[0]).fill) : 0,
        };
    });
}"""
)

CARD_FRAME = """(card) => {
    const style = getComputedStyle(card);
    const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    const border = style.borderTopStyle === 'none' ? 0 : parseFloat(style.borderTopWidth);
    return { width: Math.max(outline, border),
             colour: outline >= border ? style.outlineColor : style.borderTopColor,
             border: style.borderTopColor };
}"""

VARIANTS = ("nl", "plain")


@pytest.fixture
def forced(browser, browser_context_args, shared_live_server):
    """A phone in forced colours with a dark scheme, logged in as ``who`` (None: not logged in)."""
    opened = []

    def _open(who):
        context = browser.new_context(**browser_context_args)
        opened.append(context)
        page = context.new_page()
        if who:
            log_in(page, shared_live_server.url, who)
        page.emulate_media(forced_colors="active", color_scheme="dark")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        return page

    yield _open
    for context in opened:
        context.close()


def look(page, name):
    """Keep a screenshot to look at."""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_icons_stand_out(page):
    icons = page.evaluate(POOR_ICONS)
    assert not icons, f"{page.url}: icons that vanish in forced colours:\n" + "\n".join(icons)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_charts_bars_stand_out_in_forced_colours(forced, shared_live_server, variant):
    page = forced("gemeente")
    page.goto(shared_live_server.url + with_plain("/gemeente", variant))
    look(page, f"gemeente-{variant}")
    charts = page.evaluate(CHART_BARS)
    assert len(charts) == 5, charts  # status, weeks, proofs, jobs, interests
    for chart in charts:
        assert chart["bars"] > 0, chart
        assert chart["background"] == chart["page"], f"the chart keeps its own background: {chart}"
        assert chart["worst"] >= 3, f"bars in {chart['fills']} on {chart['background']}: {chart}"
        assert chart["track"] >= 3, f"the bars do not stand out from their track: {chart}"
    assert_icons_stand_out(page)


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_chosen_card_keeps_a_thick_frame_in_forced_colours(forced, shared_live_server, variant):
    page = forced("bewoner")
    page.goto(shared_live_server.url + with_plain("/profile/work", variant))
    cards = page.locator("main .choice")
    expect(cards.first).to_be_visible()
    chosen, other = cards.nth(0), cards.nth(1)
    chosen.locator("input").check()
    other.locator("input").uncheck()
    look(page, f"profile-work-{variant}")
    frame = chosen.evaluate(CARD_FRAME)
    plain = other.evaluate(CARD_FRAME)
    assert frame["width"] >= 3, f"the chosen card's frame is {frame['width']} px"
    assert frame["colour"] != plain["border"], f"the chosen card looks like the others: {frame} / {plain}"
    assert_icons_stand_out(page)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_jobs_icons_stay_visible_in_forced_colours(forced, shared_live_server, variant):
    page = forced(None)
    page.goto(shared_live_server.url + with_plain("/jobs", variant))
    expect(page.locator("#results .job-card").first).to_be_visible()
    look(page, f"jobs-{variant}")
    assert_icons_stand_out(page)
