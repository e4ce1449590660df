"""Reserved for a later issue; kept so the import contract covers it from day one."""
