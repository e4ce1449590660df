"""The vocabulary's labels are whole strings in both languages.

YAML reads an unquoted comma inside a flow mapping as the end of a value, so
``{sv: Ja, du får lämna uppgiften}`` silently became the label "Ja" – and an English
"Yes" became the boolean true. Every label must survive loading intact.
"""

from __future__ import annotations

import pytest

from varna.law import Actor, Consent, Fact, Information, Outcome, Participation, Setting, default_rulebase

GROUPS = {
    "actors": Actor, "settings": Setting, "information": Information, "consent": Consent,
    "facts": Fact, "outcomes": Outcome, "participation": Participation,
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_code_has_a_swedish_and_an_english_label_and_nothing_else(group: str) -> None:
    entries = default_rulebase().vocabulary[group]
    assert set(entries) == {member.value for member in GROUPS[group]}
    for code, entry in entries.items():
        assert set(entry) <= {"sv", "en", "long_sv"}, (code, entry)
        assert {"sv", "en"} <= set(entry), (code, entry)
        assert all(isinstance(label, str) and label for label in entry.values()), (code, entry)


def test_labels_with_commas_are_kept_whole() -> None:
    vocabulary = default_rulebase().vocabulary
    assert vocabulary["outcomes"]["allowed"]["sv"] == "Ja, du får lämna uppgiften"
    assert vocabulary["outcomes"]["not_allowed"]["en"] == "No, secrecy prevents it"
    assert vocabulary["participation"]["listen_only"]["sv"] == "Får bara lyssna, inte delta"
    assert vocabulary["actors"]["private"]["long_sv"] == "Enskild (privatperson, förening, civilsamhälle)"
