"""What can go wrong in an import, said in Swedish and English.

``ImportIssue`` is one problem in an uploaded file (file, line, column, code), shaped like
``validate.DataIssue`` so the app and the command line show both the same way.
``ImportProblem`` is an exception that stops an import as a whole: a refused file, another
import running, a report that is out of date.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Both:
    """A detail value that differs by language (a hint, a list of names)."""

    sv: str
    en: str

    def pick(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


MESSAGES = {
    # the file as a whole
    "too_big": (
        "filen är {size} byte; gränsen är {limit} byte",
        "the file is {size} bytes; the limit is {limit} bytes",
    ),
    "too_many_rows": (
        "filen har fler än {limit} rader; dela upp den",
        "the file has more than {limit} rows; split it up",
    ),
    "empty_file": ("filen är tom", "the file is empty"),
    "binary": (
        "filen innehåller binära tecken ({detail}) och är ingen textfil (CSV)",
        "the file contains binary characters ({detail}) and is not a text (CSV) file",
    ),
    "encoding": (
        "rad {line}: tecknen går inte att läsa som UTF-8 eller Windows-1252; spara filen som ”CSV UTF-8”",
        "line {line}: the characters cannot be read as UTF-8 or Windows-1252; save the file as “CSV UTF-8”",
    ),
    "unknown_type": (
        "filtypen ”{suffix}” stöds inte; använd CSV (.csv, .txt, .tsv) eller Excel (.xlsx)",
        "the file type “{suffix}” is not supported; use CSV (.csv, .txt, .tsv) or Excel (.xlsx)",
    ),
    "not_xlsx": (
        "filen heter .xlsx men är ingen Excel-arbetsbok ({detail})",
        "the file is named .xlsx but is not an Excel workbook ({detail})",
    ),
    "old_excel": (
        "filen är en äldre Excel-fil (.xls) eller lösenordsskyddad; spara som .xlsx eller CSV",
        "the file is an old Excel file (.xls) or password protected; save it as .xlsx or CSV",
    ),
    "zip_in_csv": (
        "filen heter {suffix} men är ett zip-arkiv (kanske en Excel-fil med fel namn)",
        "the file is named {suffix} but is a zip archive (perhaps an Excel file with the wrong name)",
    ),
    "zip_bomb": (
        "arbetsboken packas upp till {size} byte (packningsgrad {ratio}); gränsen är {limit} byte",
        "the workbook unpacks to {size} bytes (compression ratio {ratio}); the limit is {limit} bytes",
    ),
    "macros": (
        "arbetsboken innehåller makron ({member}); spara den som vanlig .xlsx utan makron",
        "the workbook contains macros ({member}); save it as a plain .xlsx without macros",
    ),
    "external_links": (
        "arbetsboken har länkar till andra filer ({member}); klistra in värdena och spara igen",
        "the workbook links to other files ({member}); paste the values and save again",
    ),
    "no_sheet": ("arbetsboken har inget kalkylblad", "the workbook has no worksheet"),
    "no_header": ("filen har ingen rubrikrad", "the file has no header row"),
    "not_template": (
        "kolumnerna {missing} saknas; använd mallen (python -m regionstats template) "
        "eller ange en mappning för en bred tabell",
        "the columns {missing} are missing; use the template (python -m regionstats template) "
        "or give a mapping for a wide table",
    ),
    "bad_mapping": ("mappningen är ogiltig: {detail}", "the mapping is invalid: {detail}"),
    "data_invalid": (
        "datamappen klarar inte kontrollen, så inget kan importeras: {detail}",
        "the data folder does not pass validation, so nothing can be imported: {detail}",
    ),
    "duplicate_column": (
        "kolumnen ”{value}” finns två gånger (kolumn {first} och {second}); ta bort den ena",
        "the column “{value}” appears twice (columns {first} and {second}); remove one of them",
    ),
    "too_many_columns": (
        "rad {line} har {count} kolumner; gränsen är {limit}",
        "line {line} has {count} columns; the limit is {limit}",
    ),
    "unclosed_quote": (
        "rad {line}: ett citattecken (\") öppnas men stängs aldrig; resten av filen skulle bli en enda cell",
        "line {line}: a quote (\") is opened but never closed; the rest of the file would become one cell",
    ),
    "swallowed_rows": (
        "rad {line}: ett citattecken (\") öppnas och stängs först på rad {end}; raderna däremellan "
        "skulle läsas som text i en cell. Stäng citatet på rad {line}",
        "line {line}: a quote (\") is opened and closed only on line {end}; the lines in between would be "
        "read as text in one cell. Close the quote on line {line}",
    ),
    "bad_quoting": (
        "rad {line}: citattecknen går inte att tolka ({detail})",
        "line {line}: the quotes cannot be read ({detail})",
    ),
    "cell_too_long": (
        "rad {line}: en cell är längre än {limit} tecken",
        "line {line}: a cell is longer than {limit} characters",
    ),
    "sheet_too_large": (
        "kalkylbladet ”{sheet}” använder området {range} ({rows} rader × {columns} kolumner); gränsen är "
        "{max_rows} rader, {max_columns} kolumner och {max_cells} celler. Ta bort tomma rader och kolumner "
        "(eller kopiera värdena till ett nytt blad)",
        "the worksheet “{sheet}” uses the range {range} ({rows} rows × {columns} columns); the limit is "
        "{max_rows} rows, {max_columns} columns and {max_cells} cells. Delete empty rows and columns "
        "(or copy the values to a new sheet)",
    ),
    "json_not_jsonstat": (
        "filen är JSON men inte ett JSON-stat2-svar från PxWeb ({detail})",
        "the file is JSON but not a JSON-stat2 answer from PxWeb ({detail})",
    ),
    "jsonstat_v1": (
        "filen är PxWebs äldre format ({detail}); hämta tabellen igen som JSON-stat2 "
        "(PxWebApi 2.0: outputFormat=json-stat2, eller ”JSON-stat2” i Statistikdatabasens nedladdning)",
        "the file is PxWeb's older format ({detail}); fetch the table again as JSON-stat2 "
        "(PxWebApi 2.0: outputFormat=json-stat2, or “JSON-stat2” in the database's download menu)",
    ),
    "jsonstat_contents": (
        "tabellinnehållet {value} känns inte igen; kända: {known}",
        "the table contents {value} are not recognised; known: {known}",
    ),
    "not_total": (
        "dimensionen {dimension} är låst till {value_code} ({label}), som inte är en totalsumma; "
        "värdena skulle vara en delmängd, inte hela befolkningen. Välj totalen ({totals}) "
        "eller utelämna {dimension}",
        "the dimension {dimension} is fixed at {value_code} ({label}), which is not a total; "
        "the values would be "
        "a subgroup, not the whole population. Choose the total ({totals}) or leave {dimension} out",
    ),
    "several_values": (
        "dimensionen {dimension} har {count} värden ({codes}); välj bara totalen",
        "the dimension {dimension} has {count} values ({codes}); choose only the total",
    ),
    "skipped_municipalities": (
        "{count} kommuner (fyrsiffriga koder) lästes inte; bara riket och län importeras",
        "{count} municipalities (four-digit codes) were not read; only the country and counties are imported",
    ),
    "pxweb_layout": (
        "filen ser ut som en PxWeb-tabell men {detail}",
        "the file looks like a PxWeb table but {detail}",
    ),
    # one row or cell
    "required": ("värde saknas", "value missing"),
    "value_required": (
        "värde saknas; skriv x, .. eller – om källan saknar värdet",
        "value missing; write x, .. or – if the source has no value",
    ),
    "unknown_region": ("okänd region ”{value}”{suggestion}", "unknown region “{value}”{suggestion}"),
    "unknown_indicator": ("okänd indikator ”{value}”{suggestion}", "unknown indicator “{value}”{suggestion}"),
    "unknown_source": (
        "okänd källa ”{value}”{suggestion}; ange publisher, title och url för att lägga till den",
        "unknown source “{value}”{suggestion}; give publisher, title and url to add it",
    ),
    "missing_source": (
        "källa saknas: ange source_id eller publisher, title och url",
        "source missing: give source_id or publisher, title and url",
    ),
    "incomplete_source": (
        "en ny källa behöver publisher, title och url (http…); saknas: {missing}",
        "a new source needs publisher, title and url (http…); missing: {missing}",
    ),
    "source_conflict": (
        "källan {value} beskrivs annorlunda på rad {first_line}",
        "the source {value} is described differently on line {first_line}",
    ),
    "source_exists": (
        "källan {value} finns redan; uppgifterna om den i filen används inte",
        "the source {value} already exists; the details about it in the file are not used",
    ),
    "bad_id": (
        "”{value}” kan inte vara ett id; använd bokstäverna a–z, siffror, _ . och -",
        "“{value}” cannot be an id; use the letters a–z, digits, _ . and -",
    ),
    "not_number": ("”{value}” är inte ett tal", "“{value}” is not a number"),
    "not_year": ("”{value}” är inte ett årtal", "“{value}” is not a year"),
    "not_date": ("”{value}” är inte ett datum ÅÅÅÅ-MM-DD", "“{value}” is not a date YYYY-MM-DD"),
    "year_range": ("året {value} ligger utanför {low}–{high}", "the year {value} is outside {low}–{high}"),
    "choice": (
        "”{value}” är inte ett tillåtet värde ({choices})",
        "“{value}” is not an allowed value ({choices})",
    ),
    "status_conflict": (
        "status är ”{status}” men värdet ”{value}” betyder att det saknas",
        "the status is “{status}” but the value “{value}” means it is missing",
    ),
    "band_order": (
        "bandets nedre gräns {low} är större än den övre {high}",
        "the band's lower bound {low} is above its upper bound {high}",
    ),
    "negative": (
        "{value} är negativt, men {unit} kan inte vara mindre än noll",
        "{value} is negative, but {unit} cannot be below zero",
    ),
    "percent_range": (
        "{value} ligger utanför 0–100 för en indikator i procent",
        "{value} is outside 0–100 for an indicator in per cent",
    ),
    "rank_range": (
        "{value} är ingen placering (ett heltal 1 eller mer)",
        "{value} is not a rank (a whole number of 1 or more)",
    ),
    "unit_mismatch": (
        "enheten ”{value}” stämmer inte med indikatorns enhet {expected}{hint}",
        "the unit “{value}” does not match the indicator's unit {expected}{hint}",
    ),
    "unit_unknown": (
        "enheten ”{value}” känns inte igen och kontrollerades inte (indikatorns enhet: {expected})",
        "the unit “{value}” is not recognised and was not checked (the indicator's unit: {expected})",
    ),
    "looks_like_share": (
        "{indicator}: alla värden ligger mellan 0 och 1; indikatorn är i procent (0–100). "
        "Är det andelar? Multiplicera i så fall med 100",
        "{indicator}: every value lies between 0 and 1; the indicator is in per cent (0–100). "
        "Are they shares? If so, multiply by 100",
    ),
    "looks_like_smaller_unit": (
        "{value} är mer än tusen gånger större än de lagrade värdena för {indicator} ({unit}); "
        "är det kronor i stället för miljoner kronor?",
        "{value} is more than a thousand times the stored values of {indicator} ({unit}); "
        "is it SEK instead of MSEK?",
    ),
    "duplicate": (
        "{key} finns redan på rad {first_line} i filen",
        "{key} is already on line {first_line} of the file",
    ),
    "too_long": ("texten är längre än {limit} tecken", "the text is longer than {limit} characters"),
    "ignored_column": (
        "kolumnen ”{value}” känns inte igen och läses inte",
        "the column “{value}” is not recognised and is not read",
    ),
    "ignored_label": (
        "”{value}” finns inte i mappningen och läses inte",
        "“{value}” is not in the mapping and is not read",
    ),
    "empty_cells": (
        "{count} tomma celler hoppades över",
        "{count} empty cells were skipped",
    ),
    "replaces_value": (
        "{key}: det lagrade värdet {old} ersätts med ”saknas”",
        "{key}: the stored value {old} is replaced by “missing”",
    ),
    "not_whole": (
        "{value} är inte ett heltal, men {unit} räknas i hela tal",
        "{value} is not a whole number, but {unit} are counted in whole numbers",
    ),
    "future_year": (
        "året {value} ligger efter {next_year}; kontrollera att det inte är ett skrivfel",
        "the year {value} is after {next_year}; check that it is not a typing error",
    ),
    "implausible_change": (
        "{key}: det lagrade värdet {old} skulle bli {new} (mer än en halvering eller fördubbling); "
        "är det en delmängd eller fel enhet?",
        "{key}: the stored value {old} would become {new} (more than halved or doubled); "
        "is it a subgroup or the wrong unit?",
    ),
    # the import as a whole
    "busy": (
        "en annan import pågår just nu; försök igen om en stund",
        "another import is running; try again in a moment",
    ),
    "stale": (
        "datamappen har ändrats sedan rapporten gjordes; gör en ny rapport",
        "the data folder has changed since the report was made; make a new report",
    ),
    "nothing_to_apply": (
        "inget att importera: {detail}",
        "nothing to import: {detail}",
    ),
    "needs_confirmation": (
        "rapporten har {count} varningar som måste bekräftas innan något skrivs",
        "the report has {count} warnings that must be confirmed before anything is written",
    ),
    "nothing_to_undo": ("det finns ingen import att ångra", "there is no import to undo"),
    "undo_changed": (
        "filen har ändrats efter importen {import_id}; att ångra skulle skriva över de ändringarna",
        "the file has changed since the import {import_id}; undoing would overwrite those changes",
    ),
    "aborted": ("avbrutet; inget skrevs", "aborted; nothing was written"),
    "write_failed": (
        "kunde inte skriva i datamappen ({detail})",
        "could not write to the data folder ({detail})",
    ),
    # SCB
    "scb_http": ("SCB svarade {status}: {detail}", "SCB answered {status}: {detail}"),
    "scb_timeout": (
        "SCB svarade inte inom {timeout} s ({attempts} försök)",
        "SCB did not answer within {timeout} s ({attempts} attempts)",
    ),
    "scb_network": (
        "kunde inte nå SCB ({detail}) efter {attempts} försök",
        "could not reach SCB ({detail}) after {attempts} attempts",
    ),
    "scb_busy": (
        "SCB är överbelastat eller begränsar anropen (HTTP {status}) efter {attempts} försök; försök senare",
        "SCB is overloaded or limiting calls (HTTP {status}) after {attempts} attempts; try later",
    ),
    "scb_response": (
        "SCB:s svar kunde inte läsas som JSON-stat2: {detail}",
        "SCB's answer could not be read as JSON-stat2: {detail}",
    ),
    "scb_no_years": (
        "SCB har inte åren {years} i någon av tabellerna ({tables})",
        "SCB does not have the years {years} in any of the tables ({tables})",
    ),
    "scb_no_value": (
        "SCB:s tabell {table} har inte {variable} {codes}",
        "SCB's table {table} does not have {variable} {codes}",
    ),
    "scb_no_contents": (
        "SCB:s tabell {table} har inte tabellinnehållet {contents}; den har {known} (ange --contents)",
        "SCB's table {table} does not have the contents {contents}; it has {known} (give --contents)",
    ),
    "scb_no_total": (
        "SCB:s tabell {table} kräver ett val för {variable} men har ingen totalsumma ({codes})",
        "SCB's table {table} requires a choice for {variable} but has no total ({codes})",
    ),
    "scb_bad_request": (
        "SCB godtog inte frågan till tabell {table} (som har åren {years}): {hint} ({detail})",
        "SCB did not accept the question to table {table} (which has the years {years}): {hint} ({detail})",
    ),
    "scb_years": (
        "åren ska vara {low}–{high} med från ≤ till, fick {first}–{last}",
        "the years should be {low}–{high} with from ≤ to, got {first}–{last}",
    ),
}


def format_message(code: str, detail: dict, lang: str) -> str:
    """The message for code in lang, with ``Both`` details picked by language."""
    sv, en = MESSAGES[code]
    values = {k: (v.pick(lang) if isinstance(v, Both) else v) for k, v in detail.items()}
    return (sv if lang == "sv" else en).format(**values)


@dataclass(frozen=True)
class ImportIssue:
    """One problem in an uploaded file; ``severity`` is "error" (row rejected) or "warning"."""

    file: str
    line: int | None
    column: str | None
    code: str
    detail: dict = field(default_factory=dict, hash=False, compare=False)
    severity: str = "error"

    def message(self, lang: str = "sv") -> str:
        return f"{self.location(lang)}: {format_message(self.code, self.detail, lang)}"

    def text(self, lang: str = "sv") -> str:
        """The message without the location."""
        return format_message(self.code, self.detail, lang)

    def location(self, lang: str = "sv") -> str:
        parts = [self.file or ("filen" if lang == "sv" else "the file")]
        if self.line is not None:
            parts.append(f"{'rad' if lang == 'sv' else 'line'} {self.line}")
        if self.column:
            parts.append(f"{'kolumn' if lang == 'sv' else 'column'} {self.column}")
        return ", ".join(parts)


class ImportProblem(Exception):
    """Stops an import as a whole; ``message(lang)`` gives one clear line."""

    exit_code = 1

    def __init__(self, code: str, file: str = "", **detail):
        self.code, self.file, self.detail = code, file, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        text = format_message(self.code, self.detail, lang)
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
