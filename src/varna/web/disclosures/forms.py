"""The disclosure form: to whom, what, how, and the circumstances the user asserts.

The consent is not asked: it is read from the register when the question is put to
the engine, so no one can claim a consent that is not on file or has been withdrawn.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from varna.law import Actor, Fact, Information, Setting
from varna.law.relevance import relevant_information
from varna.law.rulebase import Provision
from varna.web.accounts.models import Unit
from varna.web.matters.forms import Accessible, choices_of
from varna.web.matters.selectors import authority_label
from varna.web.sharing.selectors import vocabulary_label


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        english = (get_language() or "sv").startswith("en")
        name = obj.name_en if english and obj.name_en else obj.name
        return f"{name} ({authority_label(obj.authority)})"


class DisclosureForm(Accessible, forms.Form):
    to_unit = UnitChoiceField(
        label=gettext_lazy("To which unit"), queryset=Unit.objects.none(),
        help_text=gettext_lazy("The unit that receives the information; its authority is the recipient."),
        error_messages={"required": gettext_lazy("Choose the unit that receives the information.")},
    )
    information_kind = forms.ChoiceField(label=gettext_lazy("What is the information about?"))
    content = forms.CharField(
        label=gettext_lazy("What is disclosed"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Only what the recipient needs. It is shown to the recipient authority."),
        error_messages={"required": gettext_lazy("Write down what is disclosed.")},
    )
    setting = forms.ChoiceField(label=gettext_lazy("How is it shared?"), widget=forms.RadioSelect)
    facts = forms.MultipleChoiceField(
        label=gettext_lazy("Which of these apply?"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Tick only what you know to be true. Each item is a condition in a provision."
        ),
    )
    balancing = forms.CharField(
        label=gettext_lazy("Balancing of interests"), required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Required when the answer rests on the general clause (OSL 10:27): why the "
                               "recipient's need clearly outweighs the interest secrecy protects."),
    )
    fingerprint = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, discloser: Actor, own_holder: tuple[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Another branch of the same authority is a recipient too: secrecy holds between branches (OSL 8:2).
        units = Unit.objects.filter(active=True).exclude(authority=own_holder[0], branch=own_holder[1])
        cast(UnitChoiceField, self.fields["to_unit"]).queryset = units.order_by("authority_name", "name")
        choices_of(self, "information_kind").choices = [
            (i.value, capfirst(vocabulary_label("information", i.value)))
            for i in relevant_information(discloser)
        ]
        choices_of(self, "setting").choices = [
            (s.value, capfirst(vocabulary_label("settings", s.value))) for s in Setting
        ]
        choices_of(self, "facts").choices = [(f.value, vocabulary_label("facts", f.value)) for f in Fact]

    def show_facts(self, sources: dict[Fact, tuple[Provision, ...]]) -> None:
        """Narrow the circumstances shown to those that matter for this question, each with why."""
        choices = []
        matters_for = _("matters for")
        for fact, provisions in sources.items():
            cited = ", ".join(dict.fromkeys(p.label for p in provisions))
            label = f"{vocabulary_label('facts', fact.value)} ({matters_for} {cited})"
            choices.append((fact.value, label))
        choices_of(self, "facts").choices = choices

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "to_unit": data["to_unit"],
            "information_kind": Information(data["information_kind"]),
            "setting": Setting(data["setting"]),
            "facts": [Fact(f) for f in data.get("facts") or ()],
        }
