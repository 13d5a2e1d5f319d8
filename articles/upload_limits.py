"""An upload handler that enforces the import limits while the request streams in.

Django writes an upload to memory or a temporary file as it arrives; this handler sits in front of those and
stops the upload at the first byte over a limit (per file, all files together, number of files), so an
over-limit upload never reaches the disk in full. The reason is kept on the request for the form to show.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

REFUSAL_ATTRIBUTE = "upload_refused"


def human_size(n: float) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    return f"{n} bytes"


class LimitedUploadHandler(FileUploadHandler):
    """Counts files and bytes as they arrive; over a limit, records why and stops reading files."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.max_file = settings.FACTCHECK_MAX_IMPORT_BYTES
        self.max_total = settings.FACTCHECK_MAX_UPLOAD_BYTES
        self.max_files = settings.FACTCHECK_MAX_UPLOAD_FILES
        self.files = 0
        self.total = 0
        self.current = 0

    def refuse(self, reason: str) -> None:
        setattr(self.request, REFUSAL_ATTRIBUTE, reason)
        # connection_reset=False: the rest of the body is read and dropped, so the browser gets the form back
        raise StopUpload(connection_reset=False)

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # the whole body is over the total (plus room for the form fields): refuse before reading any of it
        if content_length and content_length > self.max_total + 64 * 1024:
            setattr(self.request, REFUSAL_ATTRIBUTE,
                    f"The upload is {human_size(content_length)}; at most {human_size(self.max_total)} may be sent "
                    "at once. Send the files in several uploads. Nothing was imported.")
            return QueryDict(), MultiValueDict()  # "parsed" as empty: the body is never read
        return None

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.files += 1
        self.current = 0
        if self.files > self.max_files:
            self.refuse(f"At most {self.max_files} files may be sent at once (a zip of them counts as one).")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.current += len(raw_data)
        self.total += len(raw_data)
        if self.current > self.max_file:
            self.refuse(f"{self.file_name} is larger than {human_size(self.max_file)}, the limit for one file. "
                        "Nothing was imported.")
        if self.total > self.max_total:
            self.refuse(f"The files are larger than {human_size(self.max_total)} together, the limit for one "
                        "upload. Nothing was imported.")
        return raw_data

    def file_complete(self, file_size: int):
        return None  # the next handler (memory or temporary file) makes the file


def refusal(request: HttpRequest) -> str | None:
    return getattr(request, REFUSAL_ATTRIBUTE, None)
