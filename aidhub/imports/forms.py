from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aidhub.imports.files import MAX_BYTES, FileProblem, Row, read_rows


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet of volunteers (CSV or XLSX)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    rows: list[Row]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "At most %(megabytes)s MB. Nothing is saved before you check the preview."
        ) % {"megabytes": MAX_BYTES // (1024 * 1024)}

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(megabytes)s MB. Split it into smaller files.")
                % {"megabytes": MAX_BYTES // (1024 * 1024)}
            )
        try:
            self.rows = read_rows(upload.read(), upload.name or "")
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload
