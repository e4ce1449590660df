"""Units learn their independent branch (OSL 8:2), computed from authority and actor kind."""

from django.db import migrations, models


def fill_branches(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    from varna.web.accounts.branches import branch_for

    Unit = apps.get_model("accounts", "Unit")
    for unit in Unit.objects.all():
        unit.branch = branch_for(unit.authority, unit.actor)
        unit.save(update_fields=["branch"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_user_is_demo")]

    operations = [
        migrations.AddField(
            model_name="unit",
            name="branch",
            field=models.SlugField(blank=True, editable=False, max_length=80, verbose_name="branch"),
        ),
        migrations.RunPython(fill_branches, migrations.RunPython.noop),
    ]
