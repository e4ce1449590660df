"""Stop reading a survey upload once it passes the size limit, instead of storing it all first.

Django parses the upload before the view runs (the CSRF check reads the form), so the
view that takes surveys is CSRF-exempt only to put this handler first and then checks
CSRF itself (``csrf_protect``), as Django's documentation describes for upload handlers.
A file over the limit is skipped – its temporary copy closed and deleted, the rest of it
read and thrown away – and the request is marked, so the form can say why.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from varna.web.profiles import forms as profile_forms


class SizeLimitHandler(FileUploadHandler):
    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.received = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > profile_forms.MAX_SURVEY_BYTES:
            if self.request is not None:
                self.request.profiles_too_large = {self.field_name: self.received}  # type: ignore[attr-defined]
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
