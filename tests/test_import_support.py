"""Helpers shared by the import tests: a writable copy of the fixture data, file hashes, CLI runs, files."""

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl

from tests.conftest import share_built_warehouses
from regionstats import schema
from regionstats.cli import main

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
REAL_DATA = ROOT / "data"
FIXTURE_DATA = TESTS / "fixtures" / "import" / "data"  # a frozen copy of data/ for stable expectations
IMPORT_FIXTURES = TESTS / "fixtures" / "import"
SCB_FIXTURES = TESTS / "fixtures" / "scb"
HEADER = "region_code;indicator_id;year;value;unit;source_id"


def copy_fixture_data(tmp_path: Path, monkeypatch) -> Path:
    """A writable copy of the fixture data, with the warehouse cache in tmp_path."""
    share_built_warehouses(monkeypatch, tmp_path)
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder, hidden ones included."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


IMPORTED_OBSERVATIONS = "imported/observations.csv"
IMPORTED_SOURCES = "imported/sources.csv"


def table_snapshot(folder: Path) -> dict[str, bytes | None]:
    """The bytes of the data set's CSV files: the curated ones and the importer's (None if absent)."""
    files = {spec.file_name: (Path(folder) / spec.file_name).read_bytes() for spec in schema.TABLES}
    for name in (IMPORTED_SOURCES, IMPORTED_OBSERVATIONS):
        path = Path(folder) / name
        files[name] = path.read_bytes() if path.exists() else None
    return files


OBS_HEADER = (b"region_code,indicator_id,year,period_start,period_end,period_label,value,value_text,value_low,"
              b"value_high,status,source_id,note,note_en\r\n")
SRC_HEADER = b"source_id,publisher,title,url,published,accessed,licence,note,note_en,language\r\n"


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join((header,) + rows) + "\n").encode(encoding)


def run(capsys, *argv) -> tuple[int, str]:
    """Run the command line in-process: (exit code, stdout + stderr)."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def xlsx_bytes(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(xlsx: bytes, name: str, data: bytes) -> bytes:
    """The workbook with one more part in its zip archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A workbook-shaped zip whose sheet unpacks to 20 MB of zeros (about 20 kB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 20_000_000)
    return out.getvalue()


GOOD_ROWS = (
    "18;alf_msek;2026;75,5;MSEK;orebro_ls_strategy_2021",
    "01;alf_msek;2026;1 234;mkr;orebro_ls_strategy_2021",  # Stockholm has no stored ALF: nothing to compare
)
