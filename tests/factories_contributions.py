"""Fixtures' building blocks for contributions: the "Contribuer" page and small upload files."""

from django.core.files.uploadedfile import SimpleUploadedFile

import wagtail_factories

from resources.library.models import ContributionPage

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


class ContributionPageFactory(wagtail_factories.PageFactory):
    title = "Contribuer"
    slug = "contribuer"

    class Meta:
        model = ContributionPage


def upload(name="modele.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)
