"""Guides, startups and members generated in bulk, for bench/populate.py.

Written like bench/generate_resources.py: pages get treebeard paths computed here (the parent's
path plus one step per child), one `bulk_create` of `wagtailcore_page` rows and one INSERT into
the model's own table per chunk, and no revision (they are published content for visitors and
search). Members are plain rows, with roles and missions. Every slug starts with SLUG_PREFIX, so
a populated database can tell its generated content apart. Search indexing is left to the caller.
"""

import datetime
import json
import os
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ itself, for generate_resources
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

import generate_resources  # noqa: E402
from generate_resources import ACTIONS, CHUNK, CONTEXTS, SENTENCES, SLUG_PREFIX  # noqa: E402

from community.members.models import Member, Mission  # noqa: E402
from community.startups.models import IncubatorPage, StartupIndexPage, StartupPage  # noqa: E402
from community.startups.models.startups import StartupPhase  # noqa: E402
from core.taxonomy.models import Phase, Role, Thematique  # noqa: E402
from resources.guides.models import GuideIndexPage, GuidePage  # noqa: E402

GUIDE_CHILDREN = 9  # generated guides come as trees: one top page and up to 9 sub-pages

FIRST_NAMES = [
    "Camille",
    "Léa",
    "Karim",
    "Sophie",
    "Thomas",
    "Inès",
    "Julien",
    "Amina",
    "Hugo",
    "Claire",
    "Mehdi",
    "Anne",
    "Paul",
    "Nora",
    "Lucas",
    "Élodie",
    "Yanis",
    "Manon",
    "Olivier",
    "Sarah",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Garnier",
    "Faure",
    "Rousseau",
    "Benali",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Chevalier",
    "Nguyen",
    "Lambert",
    "Fontaine",
    "Roux",
]
JOBS = [
    "Développeuse",
    "Développeur",
    "Coach",
    "Chargée de déploiement",
    "Designer",
    "Product manager",
    "Intrapreneur",
    "Chargé de déploiement",
    "Data scientist",
    "Responsable produit",
]
COMPETENCES = [
    "Python",
    "Django",
    "React",
    "UX design",
    "Recherche utilisateur",
    "Accessibilité",
    "Déploiement",
    "Animation d'atelier",
    "Marchés publics",
    "Sécurité",
    "Données",
    "SEO",
]
STARTUP_NOUNS = [
    "Mon",
    "Ma",
    "Aides",
    "Démarches",
    "Trouve",
    "Signal",
    "Carte",
    "Dossier",
    "Suivi",
    "Portail",
]
STARTUP_TOPICS = [
    "Logement",
    "Emploi",
    "Santé",
    "Climat",
    "Énergie",
    "Justice",
    "Mobilité",
    "Culture",
    "Agriculture",
    "Formation",
    "Eau",
    "Forêt",
    "Sport",
    "Handicap",
    "Solidarité",
]


def _bulk_children(parent, model, rows, rng):
    """Append pages of `model` under `parent` in bulk; `rows` are dicts of the model's own fields.

    The `wagtailcore_page` rows go through `bulk_create` with treebeard paths computed here (the
    parent's path plus one step per child); the model's own table gets one raw INSERT per chunk
    (Django's `_insert`, what `save_base(raw=True)` does for the child table of a multi-table model).
    """
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    own_fields = list(model._meta.local_concrete_fields)
    created = []
    for first in range(0, len(rows), CHUNK):
        chunk = rows[first : first + CHUNK]
        with transaction.atomic():
            parent = Page.objects.select_for_update().get(pk=parent.pk)
            last = parent.get_last_child()
            start_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            pages = []
            for offset, row in enumerate(chunk):
                published = row.pop("published")
                slug = row.pop("slug")
                pages.append(
                    generate_resources.bulk_page(
                        parent, start_step + offset, row["title"], slug, content_type, locale, published
                    )
                )
            Page.objects.bulk_create(pages)
            objects = []
            for page, row in zip(pages, chunk, strict=True):
                fields = {"page_ptr_id": page.pk, **{k: v for k, v in row.items() if k != "title"}}
                obj = model(**fields)
                obj.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                objects.append(obj)
            model._base_manager._insert(objects, fields=own_fields, raw=True)
            parent.numchild += len(chunk)
            parent.save(update_fields=["numchild"])
        created.extend(objects)
    return created


def _published(rng):
    return timezone.now() - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 900))


def _rich_body(rng, headings=3):
    blocks = []
    for _ in range(headings):
        blocks.append(
            {
                "type": "heading",
                "value": {"text": rng.choice(ACTIONS).capitalize(), "level": "h2", "anchor": ""},
            }
        )
        for _ in range(2):
            blocks.append({"type": "paragraph", "value": f"<p>{' '.join(rng.sample(SENTENCES, 4))}</p>"})
    return json.dumps([{**block, "id": str(uuid.uuid4())} for block in blocks])


def _link_m2m(model, field, pks, terms, rng, most):
    through = getattr(model, field).through
    own = generate_resources._column(through, model)
    other = generate_resources._column(through, type(terms[0]))
    through.objects.bulk_create(
        [
            through(**{own: pk, other: term.pk})
            for pk in pks
            for term in rng.sample(terms, rng.randint(0, min(most, len(terms))))
        ]
    )


def generate_guides(count, rng):
    """`count` guide pages in trees of one top page and up to GUIDE_CHILDREN sub-pages."""
    index = GuideIndexPage.objects.first()
    tops_wanted = -(-count // (GUIDE_CHILDREN + 1))
    made = []

    def row(slug, title):
        return {
            "slug": slug,
            "title": title,
            "published": _published(rng),
            "intro": rng.choice(SENTENCES),
            "body": _rich_body(rng),
            "review_interval_days": 365,
        }

    remaining = count - tops_wanted
    sizes = [min(GUIDE_CHILDREN, max(0, remaining - GUIDE_CHILDREN * n)) for n in range(tops_wanted)]
    tops = _bulk_children(
        index,
        GuidePage,
        [
            row(f"{SLUG_PREFIX}guide-{n}", f"Guide : {rng.choice(ACTIONS)} ({n})")
            for n in range(1, tops_wanted + 1)
        ],
        rng,
    )
    made.extend(tops)
    for top, size in zip(tops, sizes, strict=True):
        made.extend(
            _bulk_children(
                top,
                GuidePage,
                [
                    row(
                        f"{top.slug}-{m}",
                        f"{rng.choice(ACTIONS).capitalize()} {rng.choice(CONTEXTS)}".strip(),
                    )
                    for m in range(1, size + 1)
                ],
                rng,
            )
        )
    pks = [page.pk for page in made]
    _link_m2m(GuidePage, "phases", pks, list(Phase.objects.all()), rng, 2)
    _link_m2m(GuidePage, "roles", pks, list(Role.objects.all()), rng, 2)
    return pks


def generate_startups(count, rng):
    """`count` startups under the startup index, with dated phases, incubator and thematiques."""
    index = StartupIndexPage.objects.first()
    incubators = list(IncubatorPage.objects.live())
    phases = list(Phase.objects.order_by("order"))
    today = timezone.localdate()
    rows, timelines = [], []
    for n in range(1, count + 1):
        name = f"{rng.choice(STARTUP_NOUNS)}{rng.choice(STARTUP_TOPICS)} {n}"
        steps = phases[: rng.randint(1, len(phases))]
        start = today - datetime.timedelta(days=rng.randint(100, 3000))
        timeline = []
        for phase in steps:
            timeline.append((phase, start))
            start += datetime.timedelta(days=rng.randint(60, 400))
        current = max((item for item in timeline if item[1] <= today), key=lambda item: item[1], default=None)
        timelines.append(timeline)
        rows.append(
            {
                "slug": f"{SLUG_PREFIX}startup-{n}",
                "title": name,
                "published": _published(rng),
                "intro": "",
                "mission": f"Aider les usagers à {rng.choice(ACTIONS)} {rng.choice(CONTEXTS)}".strip() + ".",
                "body": _rich_body(rng, headings=2),
                "incubator_id": rng.choice(incubators).pk if incubators else None,
                "techno": rng.sample(["Python", "Django", "React", "Rails", "PostgreSQL", "Vue"], 2),
                "site_url": f"https://{SLUG_PREFIX}startup-{n}.beta.gouv.fr/",
                "current_phase_id": current[0].pk if current else None,
                "current_phase_start": current[1] if current else None,
                "extra": {},
            }
        )
    pages = _bulk_children(index, StartupPage, rows, rng)
    StartupPhase.objects.bulk_create(
        [
            StartupPhase(page_id=page.pk, phase=phase, start=start, sort_order=order)
            for page, timeline in zip(pages, timelines, strict=True)
            for order, (phase, start) in enumerate(timeline)
        ]
    )
    pks = [page.pk for page in pages]
    _link_m2m(StartupPage, "thematiques", pks, list(Thematique.objects.all()), rng, 2)
    return pks


def generate_members(count, rng):
    """`count` members without account, with roles, competences and one to three missions."""
    startups = list(StartupPage.objects.live().values_list("pk", flat=True))
    members = []
    for n in range(1, count + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        members.append(
            Member(
                slug=slugify(f"{SLUG_PREFIX}{n}-{first}-{last}"),
                full_name=f"{first} {last}",
                bio=" ".join(rng.sample(SENTENCES, 2)),
                competences=rng.sample(COMPETENCES, rng.randint(0, 4)),
                mentoring=rng.random() < 0.2,
                job_title=rng.choice(JOBS),
                source="bench/populate.py",
            )
        )
    Member.objects.bulk_create(members, batch_size=CHUNK)
    pks = list(Member.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True))
    _link_m2m(Member, "roles", pks, list(Role.objects.all()), rng, 2)
    today = timezone.localdate()
    missions = []
    for pk in pks:
        for order in range(rng.randint(1, 3) if startups else 0):
            start = today - datetime.timedelta(days=rng.randint(30, 2500))
            end = start + datetime.timedelta(days=rng.randint(90, 900))
            missions.append(
                Mission(
                    member_id=pk,
                    startup_id=rng.choice(startups),
                    start=start,
                    end=end if end < today or rng.random() < 0.5 else None,
                    status=rng.choice(["independent", "admin", "service"]),
                    sort_order=order,
                )
            )
    Mission.objects.bulk_create(missions, batch_size=CHUNK)
    return pks
