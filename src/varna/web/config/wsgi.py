"""The WSGI entry point gunicorn serves (``gunicorn varna.web.config.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varna.web.config.settings")

application = get_wsgi_application()
