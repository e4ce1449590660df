"""The URL map.

HTML pages are Swedish at ``/`` and English under ``/en/``. The JSON API answers at
``/api/assess`` and ``/api/openapi.json`` (Swedish is the unprefixed default, so
these need no prefix). The API's namespace also holds its documentation page,
which must exist in both languages; Django allows ``i18n_patterns`` only in the root
URLconf and a namespace only once, so the whole ``api`` include sits inside the
language patterns. The JSON views do not depend on the language.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from varna.web.core import views as core_views

urlpatterns = i18n_patterns(
    path("", core_views.home, name="home"),
    path("api/", include("varna.web.api.urls")),
    path("lagrum/", include("varna.web.provisions.urls")),
    path("dela/", include("varna.web.sharing.urls")),
    path("", include("varna.web.knowledge.urls")),
    path("orolig/anteckning/", include("varna.web.concern_note.urls")),
    path("orolig/", include("varna.web.concern.urls")),
    path("avidentifiera/", include("varna.web.deid.urls")),
    path("arbetsrum/", include("varna.web.workspace.urls")),
    path("", include("varna.web.accounts.urls")),
    path("arbetsrum/logg/", include("varna.web.audit.urls")),
    path("arbetsrum/planer/", include("varna.web.plans.urls")),
    path("arbetsrum/lagesbild/", include("varna.web.picture.urls")),
    path("arbetsrum/", include("varna.web.meetings.urls")),
    path("arbetsrum/", include("varna.web.matters.urls")),
    path("arbetsrum/", include("varna.web.consent.urls")),
    path("arbetsrum/", include("varna.web.disclosures.urls")),
    path("api/arbetsrum/", include("varna.web.matters.api_urls")),
    path("arbetsrum/profiler/", include("varna.web.profiles.urls")),
    # Apps with HTML pages add one line each here.
    prefix_default_language=False,
)
