"""Read an uploaded CSV or XLSX into a header and rows of text, refusing files that are not what they claim.

Swedish Excel habits are welcome: ``;`` or tab as separator, UTF-8 with or without BOM,
Windows-1252, decimal comma, space or non-breaking space between thousands, and
``x``, ``..``, ``–`` or ``-`` for a value the source does not have. Refused with a reason
(``UploadRefused``): binary files, files over the size or row limit, zip bombs, and
workbooks with macros or links to other files. An XLSX is checked as a zip archive
before openpyxl is allowed to open it.
"""

import csv
import datetime as dt
import hashlib
import io
import math
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from regionstats.i18n import Both, both
from regionstats.importing.problems import UploadRefused

MAX_BYTES = 5_000_000
MAX_ROWS = 50_000
MAX_UNCOMPRESSED = 50_000_000  # bytes an XLSX may unpack to
MAX_RATIO = 100  # unpacked/packed for any part over RATIO_FLOOR bytes
RATIO_FLOOR = 1_000_000
MAX_ZIP_PARTS = 1_000
MAX_COLUMNS = 1_000  # a wide table has regions (21) or years (some tens) as columns
MAX_CELLS = 2_000_000  # non-empty cells read from a worksheet
MAX_CELL_CHARS = 100_000  # below the csv module's own field limit (131 072)
SWALLOW_SEPARATORS = 2  # a line inside a quoted cell with this many separators is a swallowed row

CSV_SUFFIXES = (".csv", ".txt", ".tsv", "")
XLSX_SUFFIXES = (".xlsx",)
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb")
OLD_EXCEL_SUFFIXES = (".xls", ".xlt")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SEPARATORS = (";", "\t", ",")  # preference when a header splits equally well
MISSING_MARKERS = ("x", "X", "..", "...", "…", "–", "—", "-", "*")
CONTROL_PATTERN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # tab, line breaks and form feed are fine
NUMBER_PATTERN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
BAND_PATTERN = re.compile(r"^(\d[\d \u00a0\u202f]*)\s*[-–—]\s*(\d[\d \u00a0\u202f]*)$")
SPACES = (" ", "\u00a0", "\u202f", "\u2009")
# a character of å ä ö é – … written as UTF-8 (two or three bytes); in Windows-1252 text these pairs would be
# "Ã¤", "Ã¶", "â€“": never Swedish
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass
class Sheet:
    """An upload as text: header cells and (line, cells) for every row after it."""

    file_name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    kind: str
    header_line: int = 1
    encoding: str | None = None
    separator: str | None = None
    sha256: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cell:
    """One value cell read the Swedish way: a number, a band, a missing marker or empty."""

    value: float | None
    text: str
    low: float | None = None
    high: float | None = None
    missing: bool = False

    @property
    def empty(self) -> bool:
        return self.text == ""


def read_upload(file_name: str, raw: bytes, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> Sheet:
    """The header and rows of an uploaded CSV or XLSX; UploadRefused with a reason otherwise."""
    name = PurePath(file_name or "upload").name
    if not raw:
        raise UploadRefused("empty_file", name)
    if len(raw) > max_bytes:
        raise UploadRefused("too_big", name, size=len(raw), limit=max_bytes)
    suffix = PurePath(name).suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise UploadRefused("macros", name, member=suffix)
    if suffix in OLD_EXCEL_SUFFIXES:
        raise UploadRefused("old_excel", name)
    if suffix in XLSX_SUFFIXES or (suffix == "" and raw.startswith(ZIP_MAGIC)):
        sheet = read_xlsx(name, raw, max_rows)
    elif suffix in CSV_SUFFIXES:
        sheet = read_csv(name, raw, max_rows)
    else:
        raise UploadRefused("unknown_type", name, suffix=suffix)
    sheet.sha256 = hashlib.sha256(raw).hexdigest()
    return sheet


# --- CSV --------------------------------------------------------------------------------------


def read_csv(name: str, raw: bytes, max_rows: int = MAX_ROWS) -> Sheet:
    """A CSV in UTF-8 (BOM or not), UTF-16 with BOM or Windows-1252, separator sniffed."""
    if raw.startswith(ZIP_MAGIC):
        raise UploadRefused("zip_in_csv", name, suffix=PurePath(name).suffix or "CSV")
    text, encoding = decode_text(name, raw)
    check_controls(name, text)
    separator = sniff_separator(text)
    records = split_records(name, text, separator, max_rows)
    header_line, header, rows = header_and_rows(name, records)
    return Sheet(name, header, rows, "csv", header_line, encoding, separator)


def decode_text(name: str, raw: bytes) -> tuple[str, str]:
    """Decode by BOM, then UTF-8, then Windows-1252, one encoding for the whole file.

    Refused: NUL bytes, undecodable bytes, and a file that is UTF-8 in one place and not in
    another (decoding it whole as Windows-1252 would store "KÃ¤lla" and "Ã–rebro").
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise UploadRefused("binary", name, detail="UTF-16") from None
    position = raw.find(b"\x00")
    if position >= 0:
        raise UploadRefused("binary", name, detail=f"NUL, byte {position}")
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 BOM"
        except UnicodeDecodeError as exc:
            raise UploadRefused("encoding", name, line=raw[: exc.start + 3].count(b"\n") + 1) from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    utf8 = UTF8_SEQUENCE.search(raw)
    if utf8 is not None:  # å written as UTF-8 somewhere, a lone Windows-1252 byte elsewhere: one file, two encodings
        line = raw[:first_bad].count(b"\n") + 1
        raise UploadRefused("mixed_encoding", name, line=line, utf8_line=raw[: utf8.start()].count(b"\n") + 1)
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise UploadRefused("encoding", name, line=raw[: exc.start].count(b"\n") + 1) from None


def check_controls(name: str, text: str) -> None:
    """Control characters other than tab and line breaks mean the file is not text."""
    found = CONTROL_PATTERN.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise UploadRefused("binary", name, detail=f"U+{ord(found.group()):04X}, line {line}")


def sniff_separator(text: str, lines: int = 10) -> str:
    """The separator that splits the first real line most (; before tab before ,).

    A line without any separator outside quotes (PxWeb's quoted title above the header) is
    skipped. Counted with plain string operations, so a header of any width is fine.
    """
    for seen, line in enumerate(l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")):
        if seen >= lines:
            break
        outside = "".join(line.split('"')[::2])  # the parts between quoted parts
        counts = {sep: outside.count(sep) for sep in SEPARATORS}
        top = max(counts.values())
        if top > 0:
            return next(sep for sep in SEPARATORS if counts[sep] == top)
    return ","


def split_records(name: str, text: str, separator: str, max_rows: int) -> list[list[str]]:
    """Every record of the CSV (blank ones too, so indexes match the rows a spreadsheet shows).

    Refused with the line number: a quote never closed (end of file inside quotes), a quote
    that swallows the following lines into one cell, quotes that cannot be read, a cell over
    MAX_CELL_CHARS characters, a row over MAX_COLUMNS columns.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records, start = [], 1
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                raise UploadRefused("too_many_columns", name, line=start, count=len(record),
                                    limit=MAX_COLUMNS)
            if reader.line_num > start:
                check_multiline(name, record, separator, start, reader.line_num)
            records.append(record)
            if len(records) > max_rows + 1:
                raise UploadRefused("too_many_rows", name, limit=max_rows)
            start = reader.line_num + 1
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            raise UploadRefused("cell_too_long", name, line=reader.line_num, limit=MAX_CELL_CHARS) from None
        if "unexpected end of data" in message:
            raise UploadRefused("unclosed_quote", name, line=start) from None
        if reader.line_num > start:
            raise UploadRefused("swallowed_rows", name, line=start, end=reader.line_num) from None
        if "expected after" in message:
            detail = both("import.detail.after_quote", separator=separator)
        else:
            detail = Both(message, message)
        raise UploadRefused("bad_quoting", name, line=reader.line_num, detail=detail) from None
    for number, record in enumerate(records, start=1):
        if any(len(cell) > MAX_CELL_CHARS for cell in record):
            raise UploadRefused("cell_too_long", name, line=number, limit=MAX_CELL_CHARS)
    return records


def check_multiline(name: str, record: list[str], separator: str, start: int, end: int) -> None:
    """A quoted cell over several lines is fine, unless those lines look like rows it swallowed."""
    for cell in record:
        for inner in cell.splitlines()[1:]:
            if inner.count(separator) >= SWALLOW_SEPARATORS:
                raise UploadRefused("swallowed_rows", name, line=start, end=end)


def header_and_rows(name: str, records: list[list]) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """Skip blank and ``#`` comment records; the first other record is the header."""
    rows, header, header_line = [], None, 0
    for index, record in enumerate(records):
        cells = ["" if c is None else str(c) for c in record]
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header, header_line = [c.strip() for c in cells], index + 1
        else:
            rows.append((index + 1, cells))
    if header is None:
        raise UploadRefused("no_header", name)
    return header_line, header, rows


# --- XLSX -------------------------------------------------------------------------------------


def read_xlsx(name: str, raw: bytes, max_rows: int = MAX_ROWS) -> Sheet:
    """The first visible worksheet of a checked, macro-free, link-free workbook."""
    check_workbook_archive(name, raw)
    import openpyxl  # imported here: only XLSX uploads pay for it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed XML
        raise UploadRefused("not_xlsx", name, detail=type(exc).__name__) from None
    try:
        sheets = [ws for ws in book.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        if not sheets:
            raise UploadRefused("no_sheet", name)
        check_used_range(name, sheets[0], max_rows)
        records = worksheet_records(name, sheets[0], max_rows)
    finally:
        book.close()
    header_line, header, rows = header_and_rows(name, records)
    sheet = Sheet(name, header, rows, "xlsx", header_line)
    sheet.notes.append(sheets[0].title)
    return sheet


def check_workbook_archive(name: str, raw: bytes) -> None:
    """Refuse non-zips, zip bombs, macros and external links before anything unpacks the file."""
    if raw.startswith(OLE_MAGIC):
        raise UploadRefused("old_excel", name)
    if not raw.startswith(ZIP_MAGIC):
        raise UploadRefused("not_xlsx", name, detail="no zip")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise UploadRefused("not_xlsx", name, detail=str(exc)[:80] or "zip") from None
    if len(parts) > MAX_ZIP_PARTS:
        raise UploadRefused("not_xlsx", name, detail=f"{len(parts)} parts")
    check_unpacked_size(name, parts)
    for part in parts:
        lower = part.filename.lower()
        if lower.endswith("vbaproject.bin") or lower.startswith("xl/activex/"):
            raise UploadRefused("macros", name, member=part.filename)
        if lower.startswith("xl/externallinks/"):
            raise UploadRefused("external_links", name, member=part.filename)
        if part.flag_bits & 0x1:
            raise UploadRefused("old_excel", name)
    names = {p.filename for p in parts}
    if "xl/workbook.xml" not in names:
        raise UploadRefused("not_xlsx", name, detail="xl/workbook.xml")
    if "[Content_Types].xml" in names:
        try:
            types = archive.read("[Content_Types].xml")
        except Exception:  # a corrupt part: zlib.error, BadZipFile, ...
            raise UploadRefused("not_xlsx", name, detail="[Content_Types].xml") from None
        if b"macroEnabled" in types:
            raise UploadRefused("macros", name, member="[Content_Types].xml")


def check_unpacked_size(name: str, parts: list[zipfile.ZipInfo]) -> None:
    """The declared sizes (zipfile never unpacks past them) must stay under the limits."""
    total = sum(p.file_size for p in parts)
    packed = max(1, sum(p.compress_size for p in parts))
    ratio = total / packed
    bomb_part = any(p.file_size > RATIO_FLOOR and p.file_size / max(1, p.compress_size) > MAX_RATIO
                    for p in parts)
    if total > MAX_UNCOMPRESSED or bomb_part:
        raise UploadRefused("zip_bomb", name, size=total, ratio=round(ratio), limit=MAX_UNCOMPRESSED)


def check_used_range(name: str, sheet, max_rows: int) -> None:
    """Refuse a worksheet whose declared used range (its <dimension>) is beyond the limits, unread."""
    rows, columns = sheet.max_row, sheet.max_column
    if rows is None or columns is None:
        return  # no dimension: worksheet_records counts while it reads
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS * 10:  # rows are counted while reading
        raise_too_large(name, sheet, rows, columns, max_rows)


def raise_too_large(name: str, sheet, rows: int, columns: int, max_rows: int):
    from openpyxl.utils import get_column_letter

    shown = f"A1:{get_column_letter(min(columns, 16384))}{rows}"
    raise UploadRefused("sheet_too_large", name, sheet=sheet.title, range=shown, rows=rows, columns=columns,
                        max_rows=max_rows, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)


def worksheet_records(name: str, sheet, max_rows: int) -> list[list[str]]:
    """Rows of a worksheet as text, trailing empty cells dropped, at most max_rows + 1.

    Reads the sheet's XML row by row with openpyxl's parser (not ``iter_rows``, which pads every
    row to the widest column), stopping at the first row, column or cell beyond the limits.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    book = sheet.parent
    records, cells = [], 0
    try:
        with sheet._get_source() as source:
            parser = WorkSheetParser(source, sheet._shared_strings, data_only=True, epoch=book.epoch,
                                     date_formats=book._date_formats,
                                     timedelta_formats=book._timedelta_formats)
            for index, row in parser.parse():
                if index > max_rows + 1:
                    raise UploadRefused("too_many_rows", name, limit=max_rows)
                widest = max((c["column"] for c in row), default=0)
                if widest > MAX_COLUMNS:
                    raise_too_large(name, sheet, index, widest, max_rows)
                cells += len(row)
                if cells > MAX_CELLS:
                    raise_too_large(name, sheet, index, widest, max_rows)
                while len(records) < index - 1:
                    records.append([])  # rows the sheet skips
                values = [""] * widest
                for cell in row:
                    values[cell["column"] - 1] = cell_text(cell["value"])
                while values and values[-1] == "":
                    values.pop()
                records.append(values)
    except UploadRefused:
        raise
    except Exception as exc:  # malformed sheet XML
        raise UploadRefused("not_xlsx", name, detail=type(exc).__name__) from None
    return records


def cell_text(value) -> str:
    """An XLSX cell as the text a user would type: 2024 not 2024.0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- numbers ----------------------------------------------------------------------------------


def format_number(value: float) -> str:
    """Shortest text for a number: 17807 not 17807.0, 3.4 not 3.4000000000000004."""
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def parse_number(text: str) -> float:
    """A number written the Swedish or the English way; ValueError if it is none."""
    s = text.strip().replace("\u2212", "-")
    for space in SPACES:
        s = s.replace(space, "")
    if s.endswith("%"):
        s = s[:-1]
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif s.count(",") == 1:
        s = s.replace(",", ".")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    if not NUMBER_PATTERN.match(s):
        raise ValueError(text)
    value = float(s)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_cell(text: str) -> Cell:
    """A value cell: number, band ``351-400``, missing marker, or empty; ValueError otherwise."""
    t = (text or "").strip()
    if t == "":
        return Cell(None, "")
    if t in MISSING_MARKERS:
        return Cell(None, t, missing=True)
    band = BAND_PATTERN.match(t)
    if band:
        low, high = parse_number(band.group(1)), parse_number(band.group(2))
        return Cell(None, t, low, high)
    number = t.rstrip("*").strip() if t.endswith("*") else t
    return Cell(parse_number(number), t)
