"""The concern interview "Jag är orolig för någon" at /orolig/ (issue 3, item 2)."""
