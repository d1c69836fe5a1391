"""Image renditions exist before the first visit, for every size the templates use."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.images.models import Rendition

import pytest
import wagtail_factories

from core.renditions import RENDITION_FILTERS
from tests import REPO_ROOT

pytestmark = pytest.mark.django_db

ROOT = REPO_ROOT
IMAGE_TAG = re.compile(r"{%\s*image\s+\S+\s+([\w|-]+)")


def test_every_template_image_size_is_pregenerated():
    used = {
        spec
        for template in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in template.parts
        for spec in IMAGE_TAG.findall(template.read_text())
    }
    assert used and used <= set(RENDITION_FILTERS)


def test_an_uploaded_image_gets_its_renditions_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as pending:
        image = wagtail_factories.ImageFactory()
    assert not Rendition.objects.filter(image=image).exists()  # not while the upload is uncommitted
    for callback in pending:
        callback()  # the commit enqueues the task; tests run tasks at once
    assert set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True)) == set(
        RENDITION_FILTERS
    )


def test_command_fills_in_missing_renditions():
    image = wagtail_factories.ImageFactory()
    Rendition.objects.filter(image=image).delete()
    out = StringIO()
    call_command("generate_renditions", stdout=out)
    assert "1 image(s) traitée(s), 0 en échec" in out.getvalue()
    assert Rendition.objects.filter(image=image).count() == len(RENDITION_FILTERS)
