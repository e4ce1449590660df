"""Build ``names.tsv`` – the name knowledge ``varna.deid`` loads at run time.

Run by hand when the sources change (``python src/varna/deid/data/build_names.py``);
the result is committed so that nothing is fetched or generated when the tool runs.

Sources, merged and de-duplicated:

* the person providers of the PyPI package ``Faker`` (MIT licence), only locales that
  write names in Latin script, since Swedish case notes do;
* ``hand_first.txt``, ``hand_last.txt`` and ``nicknames.txt`` beside this script, written
  by hand for Värna for origins Faker lacks or transliterates otherwise (Somali, Kurdish,
  Tigrinya, Afghan, Arabic in Swedish spelling …).

Each output line is ``name<TAB>flags``: ``F`` first name, ``L`` surname, ``N`` nickname,
``C`` common in Sweden. Only ``C`` names are trusted when written in lower case ("amir sa
att …"); the wider set only helps with capitalised words.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "names.tsv"

# Locales whose names are common among people living in Sweden: trusted in lower case too.
CORE_LOCALES = (
    "sv_SE", "fi_FI", "da_DK", "no_NO", "pl_PL", "hr_HR", "sl_SI", "tr_TR", "fr_DZ",
    "en_PK", "es_CL", "vi_VN", "en_TH", "et_EE", "ro_RO", "hu_HU", "de_DE", "cs_CZ",
)
# Wider coverage for capitalised words only.
MORE_LOCALES = (
    "en_US", "en_GB", "en_KE", "en_NG", "sw", "uz_UZ", "az_AZ", "es_CO", "es_MX", "es_AR",
    "es_ES", "pt_BR", "pt_PT", "it_IT", "fr_FR", "nl_NL", "lt_LT", "lv_LV", "id_ID", "de_AT",
    "sk_SK", "en_IE", "ga_IE",
)
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’-]+$")


def _latin_parts(value: str) -> Iterator[str]:
    """Split a multi-word name and keep the parts written in Latin script."""
    for part in unicodedata.normalize("NFC", value).split():
        part = part.strip(".,")
        if len(part) >= 2 and _LATIN.match(part) and part[0].isupper():
            yield part


def _provider_lists(locale: str) -> Iterator[tuple[str, Iterable[str]]]:
    module = importlib.import_module(f"faker.providers.person.{locale}")
    for attribute, value in vars(module.Provider).items():
        if attribute.startswith(("first_name", "last_name")) and isinstance(value, list | tuple | dict):
            kind = "F" if attribute.startswith("first_name") else "L"
            yield kind, value


def _hand_list(name: str) -> Iterator[str]:
    for line in (HERE / name).read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield unicodedata.normalize("NFC", line)


def build() -> dict[str, set[str]]:
    flags: dict[str, set[str]] = {}

    def add(name: str, *marks: str) -> None:
        flags.setdefault(name, set()).update(marks)

    for locale in CORE_LOCALES + MORE_LOCALES:
        core = locale in CORE_LOCALES
        for kind, names in _provider_lists(locale):
            for value in names:
                for part in _latin_parts(str(value)):
                    add(part, kind, *("C" if core else ""))
    for name in _hand_list("hand_first.txt"):
        add(name, "F", "C")
    for name in _hand_list("hand_last.txt"):
        add(name, "L", "C")
    for name in _hand_list("nicknames.txt"):
        add(name, "F", "N", "C")
    return flags


def main() -> None:
    flags = build()
    lines = [f"{name}\t{''.join(sorted(marks))}" for name, marks in sorted(flags.items())]
    OUTPUT.write_text("# Built by build_names.py from Faker (MIT) and the hand lists; do not edit.\n"
                      + "\n".join(lines) + "\n", "utf-8")
    print(f"{OUTPUT.name}: {len(lines)} names")  # noqa: T201 - a build script reports what it wrote


if __name__ == "__main__":
    main()
