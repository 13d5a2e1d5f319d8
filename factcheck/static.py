"""Static files served by the application itself (WhiteNoise), so one `make serve` needs no web server in front.

Hashed file names (ManifestStaticFilesStorage) never change content, so they are cached for a year."""

from __future__ import annotations

from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    FOREVER = 365 * 24 * 60 * 60
