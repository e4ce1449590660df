"""The JSON API: ``POST /api/assess`` and its OpenAPI document, speaking the CLI's contract."""
