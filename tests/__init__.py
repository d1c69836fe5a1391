"""The test suite, laid out like the apps: `tests/<area>/<app>/` (README « Organisation du code »).

Paths that tests read are named here once, so a test module may move without its paths breaking.
"""

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
# Our own small data sets (GitBook and beta.gouv.fr samples, malformed files, XSS payloads).
DATA_DIR = TESTS_DIR / "data"
# Real third-party data, read in place next to the repository, never copied (conftest's `shared_fixtures`).
SHARED_FIXTURES_DIR = REPO_ROOT.parent / "shared" / "fixtures"
