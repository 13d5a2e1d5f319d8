"""Accounts: failed logins throttled (django-axes) on both login pages; two-factor login (django-otp TOTP)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-test-password"
WRONG = "not-the-password"

pytestmark = pytest.mark.django_db


def attempt(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_after_five_wrong_passwords_the_right_one_is_refused_with_a_clear_message(client, importer, url, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, url, "ida", WRONG)
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    response = attempt(client, url, "ida", WRONG)
    assert response.status_code == 429
    response = attempt(client, url, "ida", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed logins for this account or from this address" in response.text
    assert "<h1>Log in</h1>" in response.text  # the login page with the reason, not a bare error page


def test_one_address_trying_many_accounts_is_throttled(client, importer, django_user_model, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "/accounts/login/", f"guess{n}", WRONG)
    response = attempt(client, "/accounts/login/", "ida", PASSWORD)
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_a_few_wrong_passwords_then_the_right_one_logs_in(client, importer):
    for _ in range(2):
        attempt(client, "/accounts/login/", "ida", WRONG)
    response = attempt(client, "/accounts/login/", "ida", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(importer.pk)


def test_staff_logs_in_to_the_admin_through_admin_login(client, django_user_model):
    django_user_model.objects.create_superuser("ada", password=PASSWORD)
    response = client.post("/admin/login/?next=/admin/", {"username": "ada", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# --- two-factor login -----------------------------------------------------------------------------------------


@pytest.fixture
def enrolled(importer):
    return TOTPDevice.objects.create(user=importer, name="phone", confirmed=True)


def test_a_user_with_a_device_needs_the_token_after_the_password(client, importer, enrolled):
    response = client.post("/accounts/login/?next=/imports/", {"username": "ida", "password": PASSWORD,
                                                               "next": "/imports/"})
    assert response.status_code == 302 and response["Location"] == reverse("login_token")
    assert "_auth_user_id" not in client.session  # not in yet
    assert client.get(reverse("imports:start")).status_code == 302
    wrong = client.post(reverse("login_token"), {"token": "000000" if code(enrolled) != "000000" else "111111"})
    assert wrong.status_code == 400 and "That code is not right" in wrong.text
    assert "_auth_user_id" not in client.session
    enrolled.refresh_from_db()
    enrolled.throttling_failure_count = 0  # django-otp slows down guessing; the right code comes next
    enrolled.throttling_failure_timestamp = None
    enrolled.save()
    response = client.post(reverse("login_token"), {"token": code(enrolled)})
    assert response.status_code == 302 and response["Location"] == "/imports/"
    assert client.get(reverse("imports:start")).status_code == 200


def test_the_admin_login_asks_for_the_token_too(client, django_user_model):
    boss = django_user_model.objects.create_superuser("ada", password=PASSWORD)
    TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)
    response = client.post("/admin/login/", {"username": "ada", "password": PASSWORD})
    assert response["Location"] == reverse("login_token")
    assert client.get("/admin/").status_code == 302


def test_the_token_page_without_a_password_goes_back_to_login(client):
    assert client.get(reverse("login_token"))["Location"] == reverse("login")


def test_staff_enrol_with_a_qr_code_or_the_secret(client, importer):
    client.force_login(importer)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text
    device = TOTPDevice.objects.get(user=importer, confirmed=False)
    import base64

    secret = base64.b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page.text
    response = client.post(reverse("two_factor_setup"), {"token": code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor login is on" in client.get(reverse("two_factor_setup")).text


def test_required_two_factor_sends_staff_without_a_device_to_enrol(client, importer, editor, settings):
    settings.FACTCHECK_REQUIRE_2FA = True
    client.force_login(importer)
    response = client.get(reverse("imports:start"))
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_setup")
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200 and "Staff accounts need two-factor login" in page.text
    device = TOTPDevice.objects.get(user=importer)
    client.post(reverse("two_factor_setup"), {"token": code(device)})
    assert client.get(reverse("imports:start")).status_code == 200  # verified in this session
    client.force_login(editor)  # not staff: not concerned
    assert client.get(reverse("review:claim_list")).status_code == 200
