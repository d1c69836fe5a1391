"""Where imported beta.gouv.fr content comes from and under which licence it is reused."""

from urllib.parse import quote

# The repository and its default branch (a link to the fiche as it is today; the import keeps its
# own copy), named once in the people layer, whose member fiches come from it too.
from community.members.models.people import BETAGOUV_CONTENT_URL

BETAGOUV_LICENCE = "CC BY-NC-SA 4.0"
BETAGOUV_LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr"


def betagouv_source_url(source_key: str) -> str:
    """`startups/aidess.md` → the fiche on GitHub (`content/_startups/aidess.md`)."""
    if not source_key:
        return ""
    return BETAGOUV_CONTENT_URL + "_" + quote(source_key)


class BetagouvSourceMixin:
    """Gives an imported page the link to its fiche and the licence it is published under."""

    licence = BETAGOUV_LICENCE
    licence_url = BETAGOUV_LICENCE_URL

    @property
    def source_url(self):
        return betagouv_source_url(getattr(self, "source_key", ""))
