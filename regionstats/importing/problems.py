"""What can go wrong in an import; the messages are ``import.problem.<code>`` in the text catalogue.

``ImportIssue`` is one problem in an uploaded file (file, line, column, code), shaped like
``validate.DataIssue`` so the app and the command line show both the same way.
``ImportProblem`` is an exception that stops an import as a whole: a refused file, another
import running, a report that is out of date.
"""

from dataclasses import dataclass, field

from regionstats.i18n import Both, t, where  # noqa: F401 (Both: the importers build details with it)

CATALOGUE = "import.problem."


@dataclass(frozen=True)
class ImportIssue:
    """One problem in an uploaded file: a refusal, a rejected row or a warning, by the list it is in."""

    file: str
    line: int | None
    column: str | None
    code: str
    detail: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "sv") -> str:
        return f"{self.location(lang)}: {self.text(lang)}"

    def text(self, lang: str = "sv") -> str:
        """The message without the location."""
        return t(CATALOGUE + self.code, lang, **self.detail)

    def location(self, lang: str = "sv") -> str:
        return where(self.file, self.line, self.column, lang)


class ImportProblem(Exception):
    """Stops an import as a whole; ``message(lang)`` gives one clear line."""

    exit_code = 1

    def __init__(self, code: str, file: str = "", **detail):
        self.code, self.file, self.detail = code, file, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        text = t(CATALOGUE + self.code, lang, **self.detail)
        return f"{self.file}: {text}" if self.file else text

    def issue(self) -> ImportIssue:
        return ImportIssue(self.file, None, None, self.code, self.detail)


class UploadRefused(ImportProblem):
    """The file is not what it claims, too big, or unreadable."""


class ImportBusy(ImportProblem):
    """Another import holds the lock."""


class StaleReport(ImportProblem):
    """The data folder changed between the report and the confirmation."""


class ScbError(ImportProblem):
    """SCB could not be reached or answered something unusable."""
