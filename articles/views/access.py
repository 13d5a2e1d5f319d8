"""Permission checks for views: every view checks on the server, templates only hide buttons."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from articles.selectors import is_editor


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous users go to the login page; signed-in users outside the Editors group get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied("Reviewing claims is for the Editors group.")
        return view(request, *args, **kwargs)

    return wrapper


def importer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Importing needs staff status and the articles.import_articles permission."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_staff and request.user.has_perm("articles.import_articles")):
            raise PermissionDenied("Importing articles needs the import permission.")
        return view(request, *args, **kwargs)

    return wrapper
