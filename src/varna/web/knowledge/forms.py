"""The search page's one input: ``?q=``."""

from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from varna.guide.search import MAX_QUERY_LENGTH, QueryError, parse_query

QUERY_MESSAGES: dict[str, Promise] = {
    "empty": _("Write one or more words to search for."),
    "too_long": _("The search is too long. Write at most %(limit)s characters."),
    "no_terms": _(
        "The search has only small words or signs. Write a word that says what you are looking for."
    ),
}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the knowledge pages"), required=False, strip=True)

    def clean_q(self) -> str:
        query: str = self.cleaned_data.get("q") or ""
        try:
            parse_query(query)
        except QueryError as error:
            raise forms.ValidationError(str(QUERY_MESSAGES[error.code]), code=error.code,
                                        params={"limit": MAX_QUERY_LENGTH}) from error
        return query
