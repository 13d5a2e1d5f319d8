import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

from factcheck.security import refuse_development_key

refuse_development_key()
application = get_wsgi_application()
