"""Routes of the paths' front page: the "J'arrive" landing and "Mes parcours".

`OnboardingIndexPage` hands itself to these functions; they never import the page model.
"""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from core.pages import route_url
from core.security.login import login_redirect
from core.taxonomy.models import Role
from core.text import clean_query

from .incubators import chosen_incubator, contact_page_for, incubators_for_choice, member_incubator, paths_for
from .models.steps import ARRIVAL, DEPARTURE
from .situations import member_of
from .summaries import progress_summary


def roles_for_arrival():
    return list(Role.objects.order_by("order", "name"))


def arrival(request, index_page):
    """ "J'arrive": choose a role and an incubator (GET, works without JS); one path leads straight there.

    Without a choice of incubator, a member's comes from their missions; the incubator's own paths
    are offered, else the network's.
    """
    roles = roles_for_arrival()
    role_slug = clean_query(request.GET.get("role", ""))[:80]
    incubator, incubator_error = chosen_incubator(request.GET.get("incubateur", ""))
    if "incubateur" not in request.GET:
        incubator = member_incubator(member_of(request.user))
    chosen_role, paths, role_error = None, [], ""
    user = request.user if request.user.is_authenticated else None
    if role_slug:
        chosen_role = next((role for role in roles if role.slug == role_slug), None)
        if chosen_role is None:
            role_error = "Ce rôle n'existe pas : choisissez-en un dans la liste."
        else:
            paths = paths_for(chosen_role, ARRIVAL, incubator, user)
            if len(paths) == 1 and not incubator_error:
                return HttpResponseRedirect(paths[0].get_url(request=request))
    context = index_page.get_context(request)
    children = list(context["children"])
    context.update(
        {
            "roles": roles,
            "chosen_role": chosen_role,
            "role_paths": paths,
            "role_page": getattr(chosen_role, "role_page", None) if chosen_role else None,
            "incubators": incubators_for_choice(),
            "chosen_incubator": incubator,
            "form_error": role_error,
            "incubator_error": incubator_error,
            "my_paths_url": route_url(request, index_page, "my_paths"),
            "contact_page": contact_page_for(incubator, user),
            "arrival_paths": [page for page in children if page.kind == ARRIVAL],
            "departure_paths": [page for page in children if page.kind == DEPARTURE],
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
