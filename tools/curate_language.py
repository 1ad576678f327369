"""The language of every source title (#23): a title stays as published (a Swedish report keeps its Swedish title)
and carries the language it is published in, so the pages can mark it "(in Swedish)" for a reader of another
language. The language is a person's decision per source in curation/source_languages.csv (``source_id``,
``language`` as ISO 639-1, and the ``title`` it was decided from); never guessed at run time."""

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from regionstats.schema import SOURCE_LANGUAGES  # noqa: E402  (the codes the pages can mark: one list)

DECISIONS = "source_languages.csv"


def read_languages(path: Path) -> dict[str, tuple[str, str]]:
    """source_id → (language, the title it was decided from)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    unknown = [r["source_id"] for r in rows if r["language"] not in SOURCE_LANGUAGES]
    if unknown:
        raise SystemExit(f"curation/{DECISIONS}: a language outside {', '.join(SOURCE_LANGUAGES)} for "
                         f"{', '.join(unknown[:5])} (add the code to regionstats/schema.py SOURCE_LANGUAGES "
                         "and its marker to regionstats/i18n.py TITLE_LANGUAGE_KEYS)")
    return {r["source_id"]: (r["language"], r["title"]) for r in rows}


def with_language(text: str, languages: dict[str, tuple[str, str]]) -> str:
    """sources.csv with a ``language`` column at its end (rewritten on every run: this file is also its input).
    A source without a decision, or whose title changed since its decision, stops curation: decide it."""
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text)))
    keep = [i for i, c in enumerate(rows[0]) if c != "language"]
    header = [rows[0][i] for i in keep]
    at_id, at_title = header.index("source_id"), header.index("title")
    out, undecided = [header + ["language"]], []
    for row in rows[1:]:
        row = [row[i] for i in keep]
        language, decided_title = languages.get(row[at_id], ("", None))
        if decided_title != row[at_title]:
            undecided.append(row[at_id])
        out.append(row + [language])
    if undecided:
        more = " …" if len(undecided) > 5 else ""
        raise SystemExit(f"no language decided for the title of {', '.join(undecided[:5])}{more}: add or update "
                         f"its row (source_id, language, title) in data/raw/curation/{DECISIONS}")
    unused = sorted(set(languages) - {row[at_id] for row in rows[1:]})
    if unused:
        raise SystemExit(f"curation/{DECISIONS} names sources not in sources.csv: {', '.join(unused[:5])}")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(out)
    return buffer.getvalue()
