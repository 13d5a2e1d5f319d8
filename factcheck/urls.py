from django.contrib import admin
from django.urls import include, path

from articles.views.accounts import admin_login

admin.site.login = admin_login  # the admin signs in through our two steps (password, then TOTP token)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
