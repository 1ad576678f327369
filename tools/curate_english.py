"""English beside the data's Swedish texts (#23): note_en next to note, from curation/translations.csv (written by a
person, keyed by the exact Swedish text) or from the English of a note the curation builds itself; never guessed."""

import csv
import io
import re
from pathlib import Path


# the note of a county summed from its parts, in Swedish and English (the English is filled in by with_english)
SUM_NOTE = ("Summa av länets {n} delar i tabellen: {parts}.", "Sum of the county's {n} parts in the table: {parts}.")
SUM_NOTE_PATTERN = re.compile(r"Summa av länets (?P<n>\d+) delar i tabellen: (?P<parts>.*)\.")


def english_of(note: str, translations: dict[str, str]) -> str:
    """The English of a data note: curation/translations.csv, or the English of a note this script builds."""
    note = note.strip()
    if note in translations:
        return translations[note]
    built = SUM_NOTE_PATTERN.fullmatch(note)
    return SUM_NOTE[1].format(**built.groupdict()) if built else ""


ENGLISH_BESIDE = ("observations.csv", "sources.csv", "goals.csv")  # tables whose 'note' gets a 'note_en' beside it


def read_translations(path: Path) -> dict[str, str]:
    """curation/translations.csv: the English of a Swedish data text, keyed by the exact Swedish text (written by
    a person, never machine-translated); a text not there gets an empty note_en and shows '(in Swedish)'."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["sv"]: row["en"] for row in csv.DictReader(handle) if row["en"].strip()}


def with_english(text: str, translations: dict[str, str]) -> str:
    """The table with a note_en column right after note (rewritten on every run: this file is also its input)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = list(csv.reader(io.StringIO(text)))
    header = [c for c in rows[0] if c != "note_en"]
    keep = [i for i, c in enumerate(rows[0]) if c != "note_en"]
    at = header.index("note") + 1
    out = [header[:at] + ["note_en"] + header[at:]]
    for row in rows[1:]:
        row = [row[i] for i in keep]
        out.append(row[:at] + [english_of(row[at - 1], translations) if row[at - 1] else ""] + row[at:])
    return to_csv(out[0], out[1:], newline)



def to_csv(columns: list[str], rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
