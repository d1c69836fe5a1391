"""Create N resource pages with realistic French text, fast, to measure search at scale.

    DATABASE_URL=postgres://… .venv/bin/python bench/generate_resources.py 10000

Page-tree inserts are the slow part of Wagtail (each `add_child` locks and re-reads its parent),
so pages are written in bulk: tree paths are computed here (treebeard's materialised path: the
parent's path plus one 4-character step per child), the `wagtailcore_page` rows go through
`bulk_create`, the resource table's rows and taxonomy links through `executemany`, and the
search index is filled per chunk through the search backend itself (what a publish would do).
Pages get no revision: they are published content as far as visitors and search are concerned.
"""

import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from measure import backend_cpu_reader  # noqa: E402

from core.taxonomy.models import Phase, Role, Thematique  # noqa: E402
from resources.library.models import ResourceIndexPage, ResourceKind, ResourcePage  # noqa: E402

CHUNK = 2000
SLUG_PREFIX = "bench-"

KIND_WORDS = {
    "modele": ["Modèle de", "Trame de", "Gabarit de"],
    "outil": ["Outil pour", "Tableur pour", "Service en ligne pour"],
    "checklist": ["Checklist pour", "Liste de vérifications pour", "Points de contrôle pour"],
    "formation": ["Formation :", "Atelier :", "Parcours d'apprentissage :"],
    "contact": ["Contacter l'équipe pour", "Référent à solliciter pour", "Interlocuteur pour"],
    "article": ["Retour d'expérience :", "Comprendre", "Bonnes pratiques :"],
    "video": ["Vidéo :", "Webinaire :", "Présentation filmée :"],
}
ACTIONS = [
    "recruter une développeuse",
    "préparer le comité d'investissement",
    "mesurer l'impact du service",
    "conduire des entretiens avec les usagers",
    "héberger le service sur un cloud souverain",
    "rédiger la déclaration d'accessibilité",
    "signer une convention avec une collectivité",
    "suivre le budget et les financements",
    "transférer le service à son administration",
    "accueillir une nouvelle personne dans l'équipe",
    "tenir le registre des traitements de données personnelles",
    "publier le code source",
    "organiser une rétrospective",
    "définir les indicateurs de satisfaction",
    "passer un marché public simplifié",
    "documenter l'architecture technique",
    "animer un atelier de conception",
    "prioriser la feuille de route",
    "choisir une licence libre",
    "préparer l'audit de sécurité",
]
CONTEXTS = [
    "en investigation",
    "en phase de construction",
    "pendant l'accélération",
    "avant la mise en ligne",
    "dans un ministère",
    "avec un département",
    "dans une petite équipe",
    "pour une startup d'État",
    "",
]
SENTENCES = [
    "Cette ressource a été partagée par une équipe du réseau après plusieurs mois d'usage.",
    "Elle se copie et s'adapte en une heure, sans compétence technique particulière.",
    "Les coachs la recommandent dès les premières semaines de la startup.",
    "Chaque section indique ce qu'il faut vérifier, qui décide et dans quel délai.",
    "Les retours des utilisateurs ont permis de simplifier la démarche.",
    "Un exemple rempli accompagne le modèle vierge pour gagner du temps.",
    "La ressource précise les obligations légales et les marges de manœuvre.",
    "Les équipes l'utilisent pour préparer les échanges avec leur administration.",
    "Une version courte existe pour les réunions de lancement.",
    "Les indicateurs proposés restent simples à mesurer chaque mois.",
    "Le document rappelle les étapes de validation par la hiérarchie.",
    "Les intrapreneurs y trouvent des arguments pour convaincre leurs partenaires.",
]


def title_for(rng, kinds):
    kind = rng.choice(kinds)
    prefix = rng.choice(KIND_WORDS.get(kind.slug, ["Ressource pour"]))
    return kind, " ".join(part for part in (prefix, rng.choice(ACTIONS), rng.choice(CONTEXTS)) if part)


def body_for(rng):
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(2)]
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())} for text in paragraphs]
    )


def _column(through, model):
    """The through table's foreign key column pointing at `model`."""
    return next(
        f.attname for f in through._meta.concrete_fields if f.is_relation and f.related_model is model
    )


def ensure_kinds():
    for order, slug in enumerate(KIND_WORDS, start=1):
        ResourceKind.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize(), "order": order})
    return list(ResourceKind.objects.all())


def bulk_page(parent, step, title, slug, content_type, locale, published):
    """A live `wagtailcore_page` row under `parent` at treebeard step `step`, for `bulk_create`."""
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=parent.path + Page._int2str(step).rjust(Page.steplen, "0"),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        locale=locale,
        translation_key=uuid.uuid4(),
    )


def generate(count: int, seed: int = 6) -> dict:
    rng = random.Random(seed)
    index = ResourceIndexPage.objects.first()
    if index is None:
        raise SystemExit("Aucune bibliothèque de ressources : lancez d'abord `manage.py load_demo`.")
    kinds = ensure_kinds()
    phases, roles, thematiques = (
        list(Phase.objects.all()),
        list(Role.objects.all()),
        list(Thematique.objects.all()),
    )
    content_type = ContentType.objects.get_for_model(ResourcePage)
    locale = Locale.get_default()
    backend = get_search_backend()
    backend_cpu = backend_cpu_reader(connection)  # one connection throughout: its CPU time adds up
    started, cpu_started, backend_started = time.perf_counter(), time.process_time(), backend_cpu()
    index_seconds = 0.0
    created = 0
    while created < count:
        size = min(CHUNK, count - created)
        with transaction.atomic():
            index = ResourceIndexPage.objects.select_for_update().get(pk=index.pk)
            last = index.get_last_child()
            start_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            now = timezone.now()
            pages, details = [], []
            for offset in range(size):
                number = start_step + offset
                kind, title = title_for(rng, kinds)
                slug = f"{SLUG_PREFIX}{number}"
                published = now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 900))
                pages.append(bulk_page(index, number, title, slug, content_type, locale, published))
                details.append((kind, published))
            Page.objects.bulk_create(pages)
            with connection.cursor() as cursor:
                cursor.executemany(
                    # The table named by the model: the app label (hence the name) moved once already.
                    f'INSERT INTO "{ResourcePage._meta.db_table}" (page_ptr_id, intro, body, kind_id, '
                    "external_url, licence, updated_on, proposed_in_group) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, '')",
                    [
                        (
                            page.pk,
                            rng.choice(SENTENCES),
                            body_for(rng),
                            kind.pk,
                            "https://beta.gouv.fr/",
                            "etalab-2.0",
                            published.date(),
                        )
                        for page, (kind, published) in zip(pages, details, strict=True)
                    ],
                )
            for field, terms, most in (
                ("phases", phases, 3),
                ("roles", roles, 3),
                ("thematiques", thematiques, 1),
            ):
                through = getattr(ResourcePage, field).through
                own, other = _column(through, ResourcePage), _column(through, type(terms[0]))
                links = [
                    through(**{own: page.pk, other: term.pk})
                    for page in pages
                    for term in rng.sample(terms, rng.randint(0, min(most, len(terms))))
                ]
                through.objects.bulk_create(links)
            index.numchild += size
            index.save(update_fields=["numchild"])
            tick = time.perf_counter()
            objects = list(
                ResourcePage.objects.filter(pk__in=[page.pk for page in pages]).select_related("kind")
            )
            for resource in objects:
                # `search_stems` is derived from the same text: computed once per object, the
                # body is read once (our backend's index reads each field once, entries.py).
                text = resource.search_body_text()
                resource.search_body_text = lambda text=text: text
            backend.add_bulk(ResourcePage, objects)
            index_seconds += time.perf_counter() - tick
        created += size
        print(f"  {created}/{count} ressources créées", file=sys.stderr)
    return {
        "created": created,
        "seconds": round(time.perf_counter() - started, 1),
        "index_seconds": round(index_seconds, 1),
        # The machine is shared: CPU time (this process, then PostgreSQL's backend) beside wall time.
        "cpu_seconds": round(time.process_time() - cpu_started, 1),
        "database_cpu_seconds": round(backend_cpu() - backend_started, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "total_resources": ResourcePage.objects.count(),
    }


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    result = generate(count)
    if connection.vendor == "postgresql":
        # What PostgreSQL's documentation asks after a bulk load, and autovacuum does a few minutes
        # later: without it, a search benchmark run right after measures plans made for an empty
        # table and index scans that visit the heap (no visibility map yet for index-only scans).
        tick = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        result["analyze_seconds"] = round(time.perf_counter() - tick, 1)
        print(
            "Statistiques du planificateur et carte de visibilité mises à jour (VACUUM ANALYZE) "
            f"en {result['analyze_seconds']} s."
        )
    print(
        f"{result['created']} ressources créées en {result['seconds']} s "
        f"(dont index de recherche : {result['index_seconds']} s) ; total : {result['total_resources']}."
    )
    print(
        f"Temps CPU : script {result['cpu_seconds']} s, PostgreSQL {result['database_cpu_seconds']} s "
        f"(charge machine : {result['load_average_1min']} sur {os.cpu_count()} cœurs)."
    )
    print(json.dumps({"bench": "generate_resources", "vendor": connection.vendor, **result}))
