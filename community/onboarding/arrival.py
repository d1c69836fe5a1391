"""Routes of the onboarding section's front page: the "J'arrive" landing and "Mes parcours".

`OnboardingIndexPage` hands itself to these functions; they never import the page model.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from core.pages import route_url
from core.security.login import login_redirect
from core.taxonomy.models import Role

from .models.contacts import ContactDirectoryPage
from .models.paths import OnboardingPathPage
from .summaries import progress_summary


def roles_for_arrival():
    return list(Role.objects.order_by("order", "name"))


def paths_for_role(role):
    """Live paths serving a role, by title."""
    return list(OnboardingPathPage.objects.live().public().filter(roles=role).order_by("title"))


def arrival(request, index_page):
    """ "J'arrive": choose a role (GET, works without JS); one path for it leads straight there."""
    roles = roles_for_arrival()
    role_slug = request.GET.get("role", "").strip()
    chosen_role, paths, error = None, [], ""
    if role_slug:
        chosen_role = next((role for role in roles if role.slug == role_slug), None)
        if chosen_role is None:
            error = "Ce rôle n'existe pas : choisissez-en un dans la liste."
        else:
            paths = paths_for_role(chosen_role)
            if len(paths) == 1:
                return HttpResponseRedirect(paths[0].get_url(request=request))
    context = index_page.get_context(request)
    context.update(
        {
            "roles": roles,
            "chosen_role": chosen_role,
            "role_paths": paths,
            "role_page": getattr(chosen_role, "role_page", None) if chosen_role else None,
            "form_error": error,
            "my_paths_url": route_url(request, index_page, "my_paths"),
            "contact_page": ContactDirectoryPage.objects.live().public().order_by("depth", "path").first(),
        }
    )
    return TemplateResponse(request, index_page.get_template(request), context)


def my_paths(request, index_page):
    if not request.user.is_authenticated:
        return login_redirect(request)
    context = index_page.get_context(request)
    context["summaries"] = progress_summary(request.user)
    context["breadcrumb_links"] = [{"title": index_page.title, "url": index_page.get_url(request=request)}]
    return TemplateResponse(request, "onboarding/onboarding_my_paths.html", context)
