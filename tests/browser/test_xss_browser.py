"""XSS payloads rendered in a real browser: no dialog opens, and Chromium's own DOM has no handler or
script URL (the HTML parser that matters, not ours)."""

import pytest

from tests.xss import PAYLOADS, as_editor_would, forged_link, pack, url_payloads

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Run in the page: every event-handler attribute and every script-capable URL in the live DOM.
DOM_PROBLEMS = """() => {
  const problems = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) problems.push(`${element.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
          && /^(javascript|vbscript|data:text\\/html)/.test(value)) {
        problems.push(`${element.tagName} ${name}=${value}`);
      }
    }
  }
  return problems;
}"""


@pytest.fixture
def trapped_guide(demo_site):
    from wagtail.rich_text import RichText

    from core.importing import sanitize_richtext
    from resources.guides.models import GuideIndexPage
    from tests.resources.guides.factories import GuidePageFactory

    body = as_editor_would(PAYLOADS) + "".join(forged_link(url) for url in url_payloads())
    body += sanitize_richtext("".join(f"<p>{payload}</p>" for payload in PAYLOADS))
    guide = GuidePageFactory(
        parent=GuideIndexPage.objects.first(),
        title=pack(PAYLOADS, 255)[0],
        slug="piege",
        intro=pack(PAYLOADS, 1000)[0],
        body=[("paragraph", RichText(body))],
    )
    guide.save_revision().publish()
    return guide


def test_a_page_full_of_payloads_opens_no_dialog(page, site_url, trapped_guide, console_log):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in [
        "/guides/methode/piege/",
        "/recherche/?q=alert",
        "/recherche/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    ]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DOM_PROBLEMS) == [], path
        # Links a visitor could click: none may run script (a javascript: link would open a dialog).
        for link in page.locator("main a[href]").all()[:40]:
            link.hover()
    page.fill("input[name=q]", "alert")
    page.wait_for_timeout(800)  # the suggestions list fills in
    assert page.evaluate(DOM_PROBLEMS) == []
    assert dialogs == []
    assert not [message for message in console_log if message.startswith("[pageerror]")]
