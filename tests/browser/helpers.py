"""Helpers shared by the browser journeys: accounts able to log in, keyboard navigation."""

import re

from tests.community.members.factories import PASSWORD, make_user

__all__ = ["PASSWORD", "log_in", "make_user", "tab_to"]


def tab_to(page, predicate_js, *, limit=120, key="Tab"):
    """Presses Tab until the focused element satisfies `predicate_js` (a JS function of the element).

    A keyboard user reaches a control by tabbing; failing after `limit` presses means the control is
    not reachable by keyboard, which is a failure of the journey.
    """
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(({predicate_js}))(document.activeElement)"):
            return
    raise AssertionError(f"Élément jamais atteint au clavier : {predicate_js}")


def focused_text(page):
    return page.evaluate("(document.activeElement.innerText || document.activeElement.value || '').trim()")


def log_in(page, user):
    """Fills the public login form (by email) the way a member does and submits it."""
    page.get_by_role("textbox", name=re.compile(r"^Adresse électronique")).fill(user.email)
    page.locator("input[type=password][name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter", exact=True).click()
