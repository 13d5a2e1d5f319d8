"""Logging in: password, then a TOTP token for users with a device (django-otp); enrolling a device.

/accounts/login/ and /admin/login/ are the same view, so both are throttled by django-axes (it counts every
failed authenticate() with the request) and both ask for the token. A user with a confirmed TOTP device is not
logged in after the password: the session remembers who passed it and the token page finishes the login.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_USER = "factcheck_2fa_user"
PENDING_BACKEND = "factcheck_2fa_backend"
PENDING_NEXT = "factcheck_2fa_next"


class TokenForm(forms.Form):
    token = forms.CharField(label="Code from your authenticator app", max_length=8, min_length=6,
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class PasswordThenTokenLoginView(LoginView):
    """Django's login view; a user with a confirmed device goes on to the token step instead of in."""

    def form_valid(self, form):
        user = form.get_user()
        if not user_has_device(user, confirmed=True):
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[PENDING_USER] = user.pk
        self.request.session[PENDING_BACKEND] = user.backend
        self.request.session[PENDING_NEXT] = self.get_success_url()
        return redirect("login_token")


login_view = PasswordThenTokenLoginView.as_view()


def admin_login(request: HttpRequest, extra_context=None) -> HttpResponse:
    """The admin site's login: the same two steps; a signed-in staff user goes on to the admin."""
    if request.method == "GET" and request.user.is_authenticated and request.user.is_staff:
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
            next_url = resolve_url("admin:index")
        return redirect(next_url)
    if not request.GET.get("next"):
        request.GET = request.GET.copy()
        request.GET["next"] = resolve_url("admin:index")
    return login_view(request)


@require_http_methods(["GET", "POST"])
def login_token(request: HttpRequest) -> HttpResponse:
    user_id = request.session.get(PENDING_USER)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        return redirect("login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = next((d for d in TOTPDevice.objects.filter(user=user, confirmed=True)
                       if d.verify_token(form.cleaned_data["token"].strip())), None)
        if device is not None:
            next_url = request.session.pop(PENDING_NEXT, None)
            user.backend = request.session.pop(PENDING_BACKEND, settings.AUTHENTICATION_BACKENDS[-1])
            request.session.pop(PENDING_USER, None)
            login(request, user, backend=user.backend)
            otp_login(request, device)
            if not next_url or not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = resolve_url(settings.LOGIN_REDIRECT_URL)
            return redirect(next_url)
        form.add_error("token", "That code is not right (or too old). Enter the code your app shows now; "
                                "after several wrong codes, wait a little before the next try.")
    return render(request, "registration/login_token.html", {"form": form, "username": user.get_username()},
                  status=400 if form.errors else 200)


def _qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#111", light="#fff")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Staff turn on two-factor login: scan the QR code (or type the secret), then confirm with a code."""
    if not request.user.is_staff:
        return render(request, "registration/two_factor_setup.html", {"not_staff": True}, status=403)
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        return render(request, "registration/two_factor_setup.html", {"enabled": True})
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Two-factor login is on: from now on you enter a code after your password.")
            return redirect("two_factor_setup")
        form.add_error("token", "That code is not right. Check the clock of your phone and enter the code it "
                                "shows now.")
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_data_uri(device.config_url),
               "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
               "required": settings.FACTCHECK_REQUIRE_2FA}
    return render(request, "registration/two_factor_setup.html", context, status=400 if form.errors else 200)

