"""DJANGO_REQUIRE_2FA=1: staff must have logged in with a TOTP token (django-otp sets request.user.is_verified).

Staff without a device are sent to enrol one; staff with a device whose session skipped the token (signed in
before the rule was turned on) sign in again. Pages needed to do either stay reachable.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (settings.FACTCHECK_REQUIRE_2FA and user is not None and user.is_authenticated and user.is_staff
                and not user.is_verified()):
            open_paths = {reverse(name) for name in ("two_factor_setup", "logout", "login", "login_token")}
            if request.path not in open_paths and not request.path.startswith(f"/{settings.STATIC_URL.lstrip('/')}"):
                if user_has_device(user, confirmed=True):
                    logout(request)
                    return redirect_to_login(request.get_full_path())
                messages.info(request, "Two-factor login is required for staff: set up your authenticator app.")
                return redirect("two_factor_setup")
        return self.get_response(request)
