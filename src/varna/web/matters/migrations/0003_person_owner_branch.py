"""Persons are held by a branch of an authority, not the whole authority (OSL 8:2)."""

from django.db import migrations, models


def fill_owner_branch(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    Person = apps.get_model("matters", "Person")
    for person in Person.objects.select_related("created_by__unit"):
        unit = person.created_by.unit
        if unit is not None:
            person.owner_branch = unit.branch
            person.save(update_fields=["owner_branch"])


class Migration(migrations.Migration):
    dependencies = [("matters", "0002_matter_anonymised_at"), ("accounts", "0003_unit_branch")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="owner_branch",
            field=models.SlugField(blank=True, db_index=True, max_length=80, verbose_name="branch"),
        ),
        migrations.RunPython(fill_owner_branch, migrations.RunPython.noop),
    ]
