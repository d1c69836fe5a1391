"""Accessibility checks shared by the browser tests.

axe-core finds what rules can find (no violation of impact serious or critical is allowed); the
functions below check what the issue asks on top: one h1, no heading level skipped, every field
labelled, a visible focus indicator, no horizontal scrolling at 320 px and at 200 % zoom.
Each returns a list of problems written in French, empty when the page is fine.
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}


def _describe(violation):
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — " + ", ".join(
        str(node["target"][0]) for node in violation["nodes"][:3]
    )


def axe_violations(page):
    """All axe violations of the page, blocking or not."""
    return Axe().run(page).response["violations"]


def blocking_violations(page, violations=None):
    violations = axe_violations(page) if violations is None else violations
    return [_describe(v) for v in violations if v["impact"] in BLOCKING_IMPACTS]


def minor_violations(page, violations=None):
    violations = axe_violations(page) if violations is None else violations
    return [_describe(v) for v in violations if v["impact"] not in BLOCKING_IMPACTS]


def heading_problems(page):
    """One h1 per page, and no level skipped going down (h2 → h4)."""
    levels = page.evaluate(
        """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))
            .filter(h => !h.closest('[hidden], [aria-hidden=true]'))
            .map(h => [Number(h.getAttribute('aria-level') || h.tagName.slice(1)), h.textContent.trim()])"""
    )
    problems = []
    h1_count = sum(1 for level, _ in levels if level == 1)
    if h1_count != 1:
        problems.append(f"{h1_count} titre(s) h1 au lieu d'un seul")
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"niveau sauté : h{previous} puis h{level} « {text[:60]} »")
        previous = level
    return problems


def unlabelled_fields(page):
    """Form fields a screen reader would announce without a name."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('input, select, textarea'))
            .filter(el => !['hidden', 'submit', 'button', 'reset'].includes(el.type))
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby') && !el.title)
            .map(el => `champ sans étiquette : ${el.outerHTML.slice(0, 120)}`)"""
    )


def invisible_focus(page, stops=25):
    """Tabs through the first `stops` focusable elements; each must show an outline or a shadow."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    problems = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                // DSFR draws some focus rings on a pseudo-element or on the enlarged card around
                // the link (.fr-enlarge-link): compare the outlines and shadows of the element, its
                // pseudo-elements and three ancestors, focused and then blurred.
                const rings = () => {
                    const parts = [];
                    for (let node = el, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
                        for (const pseudo of [null, '::before', '::after']) {
                            const s = getComputedStyle(node, pseudo);
                            parts.push(s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow);
                        }
                    }
                    return parts.join('|');
                };
                const focused = rings();
                el.blur();
                const blurred = rings();
                el.focus();
                return {visible: focused !== blurred, what: el.outerHTML.slice(0, 100)};
            }"""
        )
        if style is None:
            break
        if not style["visible"]:
            problems.append(f"focus invisible : {style['what']}")
    return problems


def horizontal_overflow(page, width):
    """The page scrolls sideways when the viewport is `width` CSS pixels wide."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        return [f"défilement horizontal à {width} px : largeur {scroll_width} px"]
    return []
