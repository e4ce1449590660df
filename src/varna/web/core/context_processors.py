"""Template context every page needs: the rule-base version and the language links."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

from varna.law import default_rulebase


@dataclass(frozen=True, slots=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """Plain links to this page in every language, so switching needs no JavaScript or POST.

    Swedish lives at the unprefixed path and English under ``/en/``; a page outside the
    translated URL space (such as the JSON API) keeps its own path.
    """
    current = translation.get_language()
    path = request.get_full_path()
    return [
        LanguageLink(code=code, name=str(name), url=translate_url(path, code), current=code == current)
        for code, name in settings.LANGUAGES
    ]


def site(request: HttpRequest) -> dict[str, object]:
    """The newest rule-base version, shown in the footer so every answer can be dated."""
    newest = default_rulebase().versions[-1]
    return {
        "rulebase_version": newest.id,
        "rulebase_reviewed_on": newest.reviewed_on,
        "language_links": language_links(request),
    }
