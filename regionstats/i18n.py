"""Every user-facing text in Swedish and English: the one catalogue. ``t(key, lang, **values)``.

The app's keys are plain (``page_overview``); the messages of the validation, the importer and the
queries are namespaced by their code (``data.error.<code>``, ``import.problem.<code>``,
``query.error.<code>``). A value that itself differs by language is passed to t() as ``Both(sv, en)``.
Other modules add no text tables of their own: tests/test_catalogue.py checks that every key has both
languages with the same placeholders, and that no other module keeps Swedish/English pairs.
New keys go at the end of TEXT (a new ``TEXT.update`` block), so that parallel work merges cleanly.
"""

import logging
import os
from dataclasses import dataclass

# The languages, in the order of TEXT's columns; a third language is a third column here and in TEXT, and a
# name_xx/unit_xx/... column in the data, read through column()/pick() (no module builds f"name_{lang}").
LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]
DATA_LANGUAGE = "sv"  # the language the data's own notes are written in (never machine-translated)
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}  # each language named in itself, for the language switch
_INDEX = {lang: i for i, lang in enumerate(LANGUAGES)}
_log = logging.getLogger(__name__)

TEXT = {
    # shell
    "app_title": ("Life science-regioner i Sverige", "Life science regions in Sweden"),
    "app_tagline": (
        "Var står regionerna i förhållande till målet att vara bland de fem bästa?",
        "Where do the regions stand against the goal of being among the top five?",
    ),
    "section_status": ("Läget", "Where we stand"),
    "section_compare": ("Jämförelser", "Comparisons"),
    "section_time_place": ("Tid och plats", "Time and place"),
    "section_data": ("Data", "Data"),
    "page_overview": ("Översikt", "Overview"),
    "page_rankings": ("Rankningar", "Rankings"),
    "page_funding": ("Finansiering per invånare", "Funding per inhabitant"),
    "page_citations": ("Citeringar", "Citations"),
    "page_top_five": ("Topp fem-målet", "The top-five goal"),
    "page_trend": ("Utveckling över tid", "Change over time"),
    "page_map": ("Karta", "Map"),
    "page_compare": ("Jämför regioner", "Compare regions"),
    "page_data": ("Data och källor", "Data and sources"),
    # sidebar
    "language": ("Språk", "Language"),
    "preset": ("Urval", "Selection"),
    "preset_focus": ("Fem fokusregioner", "Five focus regions"),
    "preset_focus_riket": ("Fokusregioner och riket", "Focus regions and Sweden"),
    "preset_all": ("Alla 21 regioner", "All 21 regions"),
    "preset_all_riket": ("Alla 21 regioner och riket", "All 21 regions and Sweden"),
    "preset_custom": ("Eget urval", "Custom"),
    "regions": ("Regioner", "Regions"),
    "home_region": ("Hemregion", "Home region"),
    "home_help": ("Ritas i en egen färg i alla diagram.", "Drawn in its own colour on every chart."),
    "years": ("År", "Years"),
    "years_latest": ("Senaste år per indikator", "Latest year per indicator"),
    "years_choose": ("Välj år eller period", "Choose a year or period"),
    "years_last5": ("Senaste 5 åren ({first}–{last})", "The last 5 years ({first}–{last})"),
    "years_custom": ("Egen period", "Own period"),
    "year_from": ("Från", "From"),
    "year_to": ("Till", "To"),
    "years_swapped": ("Från-året var senare än till-året; perioden visas åt rätt håll.",
                      "The from year was after the to year; the period is shown the right way round."),
    "year_range": ("Period", "Period"),
    "share_hint": (
        "Adressen i webbläsaren sparar urvalet: kopiera den för att dela vyn.",
        "The browser address holds the selection: copy it to share this view.",
    ),
    "ignored_params": ("Okända eller felaktiga länkparametrar ignorerades: {params}",
                       "Unknown or malformed link parameters were ignored: {params}"),
    "no_regions": ("Välj minst en region.", "Choose at least one region."),
    "data_error": ("Data kunde inte läsas. Rätta filerna i data/ och ladda om sidan:",
                   "The data could not be read. Fix the files in data/ and reload the page:"),
    # common chart words
    "source": ("Källa", "Source"),
    "sources": ("Källor", "Sources"),
    "reference_year": ("referensår", "reference year"),
    "missing": ("saknas", "missing"),
    "missing_for": ("Saknas för {regions}", "Missing for {regions}"),
    "not_in_data": ("ingen uppgift i källorna som finns i data", "no figure in the sources in the data"),
    "riket": ("Riket", "Sweden"),
    "rank": ("Plats", "Rank"),
    "rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "best": ("bäst", "best"),
    "year": ("År", "Year"),
    "region": ("Region", "Region"),
    "value": ("Värde", "Value"),
    "indicator": ("Indikator", "Indicator"),
    "unit": ("Enhet", "Unit"),
    "status": ("Status", "Status"),
    "note": ("Anmärkning", "Note"),
    "in_swedish": ("Anmärkning", "Note (in Swedish, as in the source)"),
    "download_csv": ("Ladda ned data (CSV)", "Download data (CSV)"),
    "show_query": ("Visa data bakom diagrammet", "Show the data behind the chart"),
    "top_five_band": ("Topp fem", "Top five"),
    "in_top_five": ("I topp fem", "In the top five"),
    "out_of_top_five": ("Utanför topp fem", "Outside the top five"),
    "undetermined": ("Färre än fem med data", "Fewer than five with data"),
    "no_data": ("Inga data för urvalet.", "No data for the selection."),
    "previous": ("sedan {year}", "since {year}"),
    "no_previous": ("Ingen tidigare mätning", "No earlier value"),
    "riket_value": ("Riket: {value}", "Sweden: {value}"),
    "band": ("band", "band"),
    "absolute": ("Absoluta värden", "Absolute values"),
    "indexed": ("Index (basår = 100)", "Index (base year = 100)"),
    "base_year": ("Basår", "Base year"),
    "index_unit": ("index, {year} = 100", "index, {year} = 100"),
}

TEXT.update({
    # verdicts: status of a value, geographic levels, places and top-five verdicts (queries/models/40_ranked.sql)
    "status_published": ("publicerat", "published"),
    "status_missing": ("saknas", "missing"),
    "status_provisional": ("preliminärt", "provisional"),
    "status_conflicting": ("motstridigt", "conflicting"),
    "status_footnote_provisional": ("{mark} Preliminärt värde – {items}", "{mark} Provisional value – {items}"),
    "status_footnote_conflicting": ("{mark} Motstridiga uppgifter – {items}", "{mark} Conflicting figures – {items}"),
    "status_reason_unknown": ("skäl ej angivet", "no reason given"),
    "status_legend": ("Ihålig eller randig markering = preliminärt eller motstridigt värde",
                      "Hollow or hatched marker = provisional or conflicting value"),
    "level_country": ("land", "country"),
    "level_nuts2": ("NUTS 2-region", "NUTS 2 region"),
    "level_county": ("län", "county"),
    "level_city": ("stad/kluster", "city/cluster"),
    "level_university": ("lärosäte", "university"),
    "levels_country": ("länder", "countries"),
    "levels_nuts2": ("NUTS 2-regioner", "NUTS 2 regions"),
    "levels_county": ("län", "counties"),
    "levels_city": ("städer/kluster", "cities/clusters"),
    "levels_university": ("lärosäten", "universities"),
    "mixed_levels_note": ("Listan blandar geografiska nivåer: {items}.", "The list mixes geographic levels: {items}."),
    "place_relative": ("plats {rank} av {n} {scope}", "rank {rank} of {n} {scope}"),
    # the list's size is the publisher's whole list; a place may be counted within part of it (RIS: EU regions)
    "place_published_of": ("plats {rank} (listan: {n} {scope})", "place {rank} (list of {n} {scope})"),
    "scope_city": ("städer", "cities"),
    "scope_cluster": ("kluster", "clusters"),
    "scope_nuts2": ("NUTS 2-regioner", "NUTS 2 regions"),
    "scope_university": ("lärosäten", "universities"),
    "place_published": ("publicerad plats {rank}", "published place {rank}"),
    "verdict_tied_at_cut": ("ej avgörande: delad plats över gränsen till topp fem",
                            "not decisive: tied across the top-five cut"),
    "verdict_zero_count": ("ej avgörande: värdet är noll", "not decisive: a count of zero"),
    "verdict_too_few": ("ej avgörande: färre än fem med data", "not decisive: fewer than five with data"),
    "verdict_band_straddles": ("ej avgörande: intervallet spänner över plats 5",
                               "not decisive: the band spans fifth place"),
    "not_decisive": ("Ej avgörande", "Not decisive"),
    "kpi_top_five_caption_decisive": (
        "bland {total} indikatorer med avgörande utfall · {undecided} ej avgörande (delad plats vid gränsen, "
        "värdet noll eller färre än fem med data) räknas inte",
        "among {total} indicators with a decisive verdict · {undecided} not decisive (tied at the cut, "
        "a count of zero or fewer than five with data) are not counted",
    ),
    "kpi_rank_caption_published": ("{year} · {place} · Tillväxtverket", "{year} · {place} · Tillväxtverket"),
    "bump_title_published": ("{indicator}: publicerad plats, {years}", "{indicator}: published place, {years}"),
    "bump_note_published": (
        "Publicerad plats i utgivarens egen lista; den räknas aldrig om bland de valda regionerna.",
        "The published place in the publisher's own list; it is never re-ranked among the chosen regions.",
    ),
    "bump_note_relative": (
        "Plats bland alla län med data det året (1 + antalet län med bättre värde; lika värden delar plats).",
        "Rank among all counties with data that year (1 + the number of counties with a better value; "
        "equal values share a place).",
    ),
    "ranking_rule_note": (
        "Regel: i topp fem när färre än fem regioner på samma nivå har ett strikt bättre värde. Utfallet är inte "
        "avgörande (grått) vid delad plats över gränsen, när värdet är noll eller när färre än fem har data.",
        "Rule: in the top five when fewer than five regions at the same level have a strictly better value. The "
        "verdict is not decisive (grey) when tied across the cut, when the value is zero, or when fewer than five "
        "have data.",
    ),
})


TEXT.update({
    # safety: what a page says instead of a traceback, why no composite, editors, CLI
    "page_failed": (
        "Sidan kunde inte visas på grund av ett internt fel. Felet har loggats på servern. "
        "Prova ett annat urval eller ladda om sidan.",
        "The page could not be shown because of an internal error. The error has been logged on the server. "
        "Try another selection or reload the page.",
    ),
    "weights_all_zero": (
        "Sammanvägt index kan inte ritas: alla kategorivikter är 0. Ge minst en kategori en vikt över 0.",
        "The composite index cannot be drawn: every category weight is 0. Give at least one category a weight "
        "above 0.",
    ),
    "weights_no_data": (
        "Sammanvägt index kan inte ritas: kategorierna med vikt över 0 ({categories}) har inga indikatorer "
        "med data för urvalet. Ge vikt åt en kategori med data.",
        "The composite index cannot be drawn: the categories weighted above 0 ({categories}) have no "
        "indicators with data for the selection. Give weight to a category with data.",
    ),
    "editors_only": (
        "Bara redaktörer kan importera eller ångra data. Du ser data och källor men kan inte ändra dem.",
        "Only editors can import or undo data. You can read the data and sources but not change them.",
    ),
    "editor_login": ("Logga in som redaktör", "Log in as an editor"),
    "editor_logout": ("Logga ut", "Log out"),
    "editor_not_listed": (
        "Du är inloggad som {email}, som inte finns bland redaktörerna; be en redaktör lägga till dig.",
        "You are logged in as {email}, which is not among the editors; ask an editor to add you.",
    ),
    "editor_signed_in": ("Inloggad redaktör: {email}", "Editor logged in: {email}"),
    "editor_local": ("Redaktörsläge på den här datorn (REGIONSTATS_EDITOR).",
                     "Editor mode on this machine (REGIONSTATS_EDITOR)."),
    "cli_internal_error": ("fel: kommandot stoppades av ett internt fel ({error})",
                           "error: the command was stopped by an internal error ({error})"),
})

TEXT.update({
    # where a problem is: file, line, column (validation and import messages)
    "where.file": ("filen", "the file"),
    "where.line": ("rad {line}", "line {line}"),
    "where.column": ("kolumn {column}", "column {column}"),
    "where.lines": ("{count} rader (rad {shown} …)", "{count} lines (lines {shown} …)"),
    "error_prefix": ("fel", "error"),
})

TEXT.update({
    # checking data/ (regionstats/validate.py): data.error.<code>, data.type.<column type>
    # importing (regionstats/importing/problems.py): import.problem.<code>
    # running queries (regionstats/queries.py QueryError): query.error.<code>
    # fetching from Eurostat (regionstats/importing/eurostat.py): import.problem.eurostat_<code>
    # the file as a whole
    "import.problem.too_big": (
        "filen är {size} byte; gränsen är {limit} byte",
        "the file is {size} bytes; the limit is {limit} bytes",
    ),
    "import.problem.too_many_rows": (
        "filen har fler än {limit} rader; dela upp den",
        "the file has more than {limit} rows; split it up",
    ),
    "import.problem.empty_file": ("filen är tom", "the file is empty"),
    "import.problem.binary": (
        "filen innehåller binära tecken ({detail}) och är ingen textfil (CSV)",
        "the file contains binary characters ({detail}) and is not a text (CSV) file",
    ),
    "import.problem.encoding": (
        "rad {line}: tecknen går inte att läsa som UTF-8 eller Windows-1252; spara filen som ”CSV UTF-8”",
        "line {line}: the characters cannot be read as UTF-8 or Windows-1252; save the file as “CSV UTF-8”",
    ),
    "import.problem.unknown_type": (
        "filtypen ”{suffix}” stöds inte; använd CSV (.csv, .txt, .tsv) eller Excel (.xlsx)",
        "the file type “{suffix}” is not supported; use CSV (.csv, .txt, .tsv) or Excel (.xlsx)",
    ),
    "import.problem.not_xlsx": (
        "filen heter .xlsx men är ingen Excel-arbetsbok ({detail})",
        "the file is named .xlsx but is not an Excel workbook ({detail})",
    ),
    "import.problem.old_excel": (
        "filen är en äldre Excel-fil (.xls) eller lösenordsskyddad; spara som .xlsx eller CSV",
        "the file is an old Excel file (.xls) or password protected; save it as .xlsx or CSV",
    ),
    "import.problem.zip_in_csv": (
        "filen heter {suffix} men är ett zip-arkiv (kanske en Excel-fil med fel namn)",
        "the file is named {suffix} but is a zip archive (perhaps an Excel file with the wrong name)",
    ),
    "import.problem.zip_bomb": (
        "arbetsboken packas upp till {size} byte (packningsgrad {ratio}); gränsen är {limit} byte",
        "the workbook unpacks to {size} bytes (compression ratio {ratio}); the limit is {limit} bytes",
    ),
    "import.problem.macros": (
        "arbetsboken innehåller makron ({member}); spara den som vanlig .xlsx utan makron",
        "the workbook contains macros ({member}); save it as a plain .xlsx without macros",
    ),
    "import.problem.external_links": (
        "arbetsboken har länkar till andra filer ({member}); klistra in värdena och spara igen",
        "the workbook links to other files ({member}); paste the values and save again",
    ),
    "import.problem.no_sheet": ("arbetsboken har inget kalkylblad", "the workbook has no worksheet"),
    "import.problem.no_header": ("filen har ingen rubrikrad", "the file has no header row"),
    "import.problem.not_template": (
        "kolumnerna {missing} saknas; använd mallen (python -m regionstats template) "
        "eller ange en mappning för en bred tabell",
        "the columns {missing} are missing; use the template (python -m regionstats template) "
        "or give a mapping for a wide table",
    ),
    "import.problem.bad_mapping": ("mappningen är ogiltig: {detail}", "the mapping is invalid: {detail}"),
    "import.problem.data_invalid": (
        "datamappen klarar inte kontrollen, så inget kan importeras: {detail}",
        "the data folder does not pass validation, so nothing can be imported: {detail}",
    ),
    "import.problem.duplicate_column": (
        "kolumnen ”{value}” finns två gånger (kolumn {first} och {second}); ta bort den ena",
        "the column “{value}” appears twice (columns {first} and {second}); remove one of them",
    ),
    "import.problem.too_many_columns": (
        "rad {line} har {count} kolumner; gränsen är {limit}",
        "line {line} has {count} columns; the limit is {limit}",
    ),
    "import.problem.unclosed_quote": (
        "rad {line}: ett citattecken (\") öppnas men stängs aldrig; resten av filen skulle bli en enda cell",
        "line {line}: a quote (\") is opened but never closed; the rest of the file would become one cell",
    ),
    "import.problem.swallowed_rows": (
        "rad {line}: ett citattecken (\") öppnas och stängs först på rad {end}; raderna däremellan "
        "skulle läsas som text i en cell. Stäng citatet på rad {line}",
        "line {line}: a quote (\") is opened and closed only on line {end}; the lines in between would be "
        "read as text in one cell. Close the quote on line {line}",
    ),
    "import.problem.bad_quoting": (
        "rad {line}: citattecknen går inte att tolka ({detail})",
        "line {line}: the quotes cannot be read ({detail})",
    ),
    "import.problem.cell_too_long": (
        "rad {line}: en cell är längre än {limit} tecken",
        "line {line}: a cell is longer than {limit} characters",
    ),
    "import.problem.sheet_too_large": (
        "kalkylbladet ”{sheet}” använder området {range} ({rows} rader × {columns} kolumner); gränsen är "
        "{max_rows} rader, {max_columns} kolumner och {max_cells} celler. Ta bort tomma rader och kolumner "
        "(eller kopiera värdena till ett nytt blad)",
        "the worksheet “{sheet}” uses the range {range} ({rows} rows × {columns} columns); the limit is "
        "{max_rows} rows, {max_columns} columns and {max_cells} cells. Delete empty rows and columns "
        "(or copy the values to a new sheet)",
    ),
    "import.problem.json_not_jsonstat": (
        "filen är JSON men inte ett JSON-stat2-svar från PxWeb ({detail})",
        "the file is JSON but not a JSON-stat2 answer from PxWeb ({detail})",
    ),
    "import.problem.jsonstat_v1": (
        "filen är PxWebs äldre format ({detail}); hämta tabellen igen som JSON-stat2 "
        "(PxWebApi 2.0: outputFormat=json-stat2, eller ”JSON-stat2” i Statistikdatabasens nedladdning)",
        "the file is PxWeb's older format ({detail}); fetch the table again as JSON-stat2 "
        "(PxWebApi 2.0: outputFormat=json-stat2, or “JSON-stat2” in the database's download menu)",
    ),
    "import.problem.jsonstat_contents": (
        "tabellinnehållet {value} känns inte igen; kända: {known}",
        "the table contents {value} are not recognised; known: {known}",
    ),
    "import.problem.not_total": (
        "dimensionen {dimension} är låst till {value_code} ({label}), som inte är en totalsumma; "
        "värdena skulle vara en delmängd, inte hela befolkningen. Välj totalen ({totals}) "
        "eller utelämna {dimension}",
        "the dimension {dimension} is fixed at {value_code} ({label}), which is not a total; "
        "the values would be "
        "a subgroup, not the whole population. Choose the total ({totals}) or leave {dimension} out",
    ),
    "import.problem.several_values": (
        "dimensionen {dimension} har {count} värden ({codes}); välj bara totalen",
        "the dimension {dimension} has {count} values ({codes}); choose only the total",
    ),
    "import.problem.skipped_municipalities": (
        "{count} kommuner (fyrsiffriga koder) lästes inte; bara riket och län importeras",
        "{count} municipalities (four-digit codes) were not read; only the country and counties are imported",
    ),
    "import.problem.pxweb_layout": (
        "filen ser ut som en PxWeb-tabell men {detail}",
        "the file looks like a PxWeb table but {detail}",
    ),
    # one row or cell
    "import.problem.required": ("värde saknas", "value missing"),
    "import.problem.value_required": (
        "värde saknas; skriv x, .. eller – om källan saknar värdet",
        "value missing; write x, .. or – if the source has no value",
    ),
    "import.problem.unknown_region": ("okänd region ”{value}”{suggestion}", "unknown region “{value}”{suggestion}"),
    "import.problem.unknown_indicator": ("okänd indikator ”{value}”{suggestion}", "unknown indicator “{value}”{suggestion}"),
    "import.problem.unknown_source": (
        "okänd källa ”{value}”{suggestion}; ange publisher, title och url för att lägga till den",
        "unknown source “{value}”{suggestion}; give publisher, title and url to add it",
    ),
    "import.problem.missing_source": (
        "källa saknas: ange source_id eller publisher, title och url",
        "source missing: give source_id or publisher, title and url",
    ),
    "import.problem.incomplete_source": (
        "en ny källa behöver publisher, title och url (http…); saknas: {missing}",
        "a new source needs publisher, title and url (http…); missing: {missing}",
    ),
    "import.problem.source_conflict": (
        "källan {value} beskrivs annorlunda på rad {first_line}",
        "the source {value} is described differently on line {first_line}",
    ),
    "import.problem.source_exists": (
        "källan {value} finns redan; uppgifterna om den i filen används inte",
        "the source {value} already exists; the details about it in the file are not used",
    ),
    "import.problem.bad_id": (
        "”{value}” kan inte vara ett id; använd bokstäverna a–z, siffror, _ . och -",
        "“{value}” cannot be an id; use the letters a–z, digits, _ . and -",
    ),
    "import.problem.not_number": ("”{value}” är inte ett tal", "“{value}” is not a number"),
    "import.problem.not_year": ("”{value}” är inte ett årtal", "“{value}” is not a year"),
    "import.problem.not_date": ("”{value}” är inte ett datum ÅÅÅÅ-MM-DD", "“{value}” is not a date YYYY-MM-DD"),
    "import.problem.year_range": ("året {value} ligger utanför {low}–{high}", "the year {value} is outside {low}–{high}"),
    "import.problem.choice": (
        "”{value}” är inte ett tillåtet värde ({choices})",
        "“{value}” is not an allowed value ({choices})",
    ),
    "import.problem.status_conflict": (
        "status är ”{status}” men värdet ”{value}” betyder att det saknas",
        "the status is “{status}” but the value “{value}” means it is missing",
    ),
    "import.problem.band_order": (
        "bandets nedre gräns {low} är större än den övre {high}",
        "the band's lower bound {low} is above its upper bound {high}",
    ),
    "import.problem.negative": (
        "{value} är negativt, men {unit} kan inte vara mindre än noll",
        "{value} is negative, but {unit} cannot be below zero",
    ),
    "import.problem.percent_range": (
        "{value} ligger utanför 0–100 för en indikator i procent",
        "{value} is outside 0–100 for an indicator in per cent",
    ),
    "import.problem.rank_range": (
        "{value} är ingen placering (ett heltal 1 eller mer)",
        "{value} is not a rank (a whole number of 1 or more)",
    ),
    "import.problem.unit_mismatch": (
        "enheten ”{value}” stämmer inte med indikatorns enhet {expected}{hint}",
        "the unit “{value}” does not match the indicator's unit {expected}{hint}",
    ),
    "import.problem.unit_unknown": (
        "enheten ”{value}” känns inte igen och kontrollerades inte (indikatorns enhet: {expected})",
        "the unit “{value}” is not recognised and was not checked (the indicator's unit: {expected})",
    ),
    "import.problem.looks_like_share": (
        "{indicator}: alla värden ligger mellan 0 och 1; indikatorn är i procent (0–100). "
        "Är det andelar? Multiplicera i så fall med 100",
        "{indicator}: every value lies between 0 and 1; the indicator is in per cent (0–100). "
        "Are they shares? If so, multiply by 100",
    ),
    "import.problem.looks_like_smaller_unit": (
        "{value} är mer än tusen gånger större än de lagrade värdena för {indicator} ({unit}); "
        "är det kronor i stället för miljoner kronor?",
        "{value} is more than a thousand times the stored values of {indicator} ({unit}); "
        "is it SEK instead of MSEK?",
    ),
    "import.problem.duplicate": (
        "{key} finns redan på rad {first_line} i filen",
        "{key} is already on line {first_line} of the file",
    ),
    "import.problem.too_long": ("texten är längre än {limit} tecken", "the text is longer than {limit} characters"),
    "import.problem.ignored_column": (
        "kolumnen ”{value}” känns inte igen och läses inte",
        "the column “{value}” is not recognised and is not read",
    ),
    "import.problem.ignored_label": (
        "”{value}” finns inte i mappningen och läses inte",
        "“{value}” is not in the mapping and is not read",
    ),
    "import.problem.empty_cells": (
        "{count} tomma celler hoppades över",
        "{count} empty cells were skipped",
    ),
    "import.problem.replaces_value": (
        "{key}: det lagrade värdet {old} ersätts med ”saknas”",
        "{key}: the stored value {old} is replaced by “missing”",
    ),
    "import.problem.not_whole": (
        "{value} är inte ett heltal, men {unit} räknas i hela tal",
        "{value} is not a whole number, but {unit} are counted in whole numbers",
    ),
    "import.problem.future_year": (
        "året {value} ligger efter {next_year}; kontrollera att det inte är ett skrivfel",
        "the year {value} is after {next_year}; check that it is not a typing error",
    ),
    "import.problem.implausible_change": (
        "{key}: det lagrade värdet {old} skulle bli {new} (mer än en halvering eller fördubbling); "
        "är det en delmängd eller fel enhet?",
        "{key}: the stored value {old} would become {new} (more than halved or doubled); "
        "is it a subgroup or the wrong unit?",
    ),
    # the import as a whole
    "import.problem.busy": (
        "en annan import pågår just nu; försök igen om en stund",
        "another import is running; try again in a moment",
    ),
    "import.problem.stale": (
        "datamappen har ändrats sedan rapporten gjordes; gör en ny rapport",
        "the data folder has changed since the report was made; make a new report",
    ),
    "import.problem.nothing_to_apply": (
        "inget att importera: {detail}",
        "nothing to import: {detail}",
    ),
    "import.problem.needs_confirmation": (
        "rapporten har {count} varningar som måste bekräftas innan något skrivs",
        "the report has {count} warnings that must be confirmed before anything is written",
    ),
    "import.problem.nothing_to_undo": ("det finns ingen import att ångra", "there is no import to undo"),
    "import.problem.undo_changed": (
        "filen har ändrats efter importen {import_id}; att ångra skulle skriva över de ändringarna",
        "the file has changed since the import {import_id}; undoing would overwrite those changes",
    ),
    "import.problem.aborted": ("avbrutet; inget skrevs", "aborted; nothing was written"),
    "import.problem.write_failed": (
        "kunde inte skriva i datamappen ({detail})",
        "could not write to the data folder ({detail})",
    ),
    # SCB
    "import.problem.scb_http": ("SCB svarade {status}: {detail}", "SCB answered {status}: {detail}"),
    "import.problem.scb_timeout": (
        "SCB svarade inte inom {timeout} s ({attempts} försök)",
        "SCB did not answer within {timeout} s ({attempts} attempts)",
    ),
    "import.problem.scb_network": (
        "kunde inte nå SCB ({detail}) efter {attempts} försök",
        "could not reach SCB ({detail}) after {attempts} attempts",
    ),
    "import.problem.scb_busy": (
        "SCB är överbelastat eller begränsar anropen (HTTP {status}) efter {attempts} försök; försök senare",
        "SCB is overloaded or limiting calls (HTTP {status}) after {attempts} attempts; try later",
    ),
    "import.problem.scb_response": (
        "SCB:s svar kunde inte läsas som JSON-stat2: {detail}",
        "SCB's answer could not be read as JSON-stat2: {detail}",
    ),
    "import.problem.scb_no_years": (
        "SCB har inte åren {years} i någon av tabellerna ({tables})",
        "SCB does not have the years {years} in any of the tables ({tables})",
    ),
    "import.problem.scb_no_value": (
        "SCB:s tabell {table} har inte {variable} {codes}",
        "SCB's table {table} does not have {variable} {codes}",
    ),
    "import.problem.scb_no_contents": (
        "SCB:s tabell {table} har inte tabellinnehållet {contents}; den har {known} (ange --contents)",
        "SCB's table {table} does not have the contents {contents}; it has {known} (give --contents)",
    ),
    "import.problem.scb_no_total": (
        "SCB:s tabell {table} kräver ett val för {variable} men har ingen totalsumma ({codes})",
        "SCB's table {table} requires a choice for {variable} but has no total ({codes})",
    ),
    "import.problem.scb_bad_request": (
        "SCB godtog inte frågan till tabell {table} (som har åren {years}): {hint} ({detail})",
        "SCB did not accept the question to table {table} (which has the years {years}): {hint} ({detail})",
    ),
    "import.problem.scb_years": (
        "åren ska vara {low}–{high} med från ≤ till, fick {first}–{last}",
        "the years should be {low}–{high} with from ≤ to, got {first}–{last}",
    ),
    "data.error.missing_file": ("filen saknas", "the file is missing"),
    "data.error.encoding": ("filen är inte UTF-8 ({detail})", "the file is not UTF-8 ({detail})"),
    "data.error.empty": ("filen är tom", "the file is empty"),
    "data.error.two_files": (
        "både {name}.csv och {name}.parquet finns: behåll den ena",
        "both {name}.csv and {name}.parquet exist: keep one of them",
    ),
    "data.error.header": (
        "rubrikraden ska vara {expected}, men är {found}",
        "the header row should be {expected}, but is {found}",
    ),
    "data.error.width": (
        "raden har {found} fält, {expected} väntades",
        "the row has {found} fields, {expected} expected",
    ),
    "data.error.required": ("värde saknas", "value missing"),
    "data.error.type": (
        "”{value}” är inte {type}",
        "“{value}” is not {type}",
    ),
    "data.error.choice": (
        "”{value}” är inte ett tillåtet värde ({choices})",
        "“{value}” is not an allowed value ({choices})",
    ),
    "data.error.duplicate_key": (
        "nyckeln {key} finns redan på rad {first_line}",
        "the key {key} already exists on line {first_line}",
    ),
    "data.error.reference": (
        "”{value}” finns inte i {target}",
        "“{value}” does not exist in {target}",
    ),
    "data.error.year_range": (
        "året {value} ligger utanför {low}–{high}",
        "the year {value} is outside {low}–{high}",
    ),
    "data.error.value_or_missing": (
        "raden har varken värde eller band, och status är inte ”missing”",
        "the row has neither a value nor a band, and its status is not “missing”",
    ),
    "data.error.band_order": (
        "bandets nedre gräns {low} är större än den övre {high}",
        "the band's lower bound {low} is above its upper bound {high}",
    ),
    "data.type.int": ("ett heltal", "a whole number"),
    "data.type.float": ("ett tal (punkt som decimaltecken)", "a number (point as decimal mark)"),
    "data.type.bool": ("true eller false", "true or false"),
    "data.type.date": ("ett datum ÅÅÅÅ-MM-DD", "a date YYYY-MM-DD"),
    "query.error.unknown_query": ("okänd fråga ”{name}”; finns: {known}", "unknown query “{name}”; known: {known}"),
    "query.error.unknown_param": (
        "frågan {query} har ingen parameter ”{name}”; den tar {known}",
        "query {query} has no parameter “{name}”; it takes {known}",
    ),
    "query.error.missing_param": (
        "frågan {query} behöver parametern ”{name}”",
        "query {query} needs the parameter “{name}”",
    ),
    "query.error.bad_value": (
        "parametern ”{name}” ska vara {type}, fick ”{value}”",
        "parameter “{name}” should be {type}, got “{value}”",
    ),
    "import.problem.eurostat_dataset": (
        "okänt Eurostat-dataset ”{dataset}”; kända: {known}",
        "unknown Eurostat dataset “{dataset}”; known: {known}",
    ),
    "import.problem.eurostat_code": ("”{value}” är ingen giltig kod för {what}", "“{value}” is not a valid code for {what}"),
    "import.problem.eurostat_http": ("Eurostat svarade {status}: {detail}", "Eurostat answered {status}: {detail}"),
    "import.problem.eurostat_error": ("Eurostat svarade med ett fel: {detail}", "Eurostat answered with an error: {detail}"),
    "import.problem.eurostat_timeout": ("Eurostat svarade inte inom {timeout} s ({attempts} försök)",
                         "Eurostat did not answer within {timeout} s ({attempts} attempts)"),
    "import.problem.eurostat_network": ("kunde inte nå Eurostat ({detail}) efter {attempts} försök",
                         "could not reach Eurostat ({detail}) after {attempts} attempts"),
    "import.problem.eurostat_busy": ("Eurostat är överbelastat (HTTP {status}) efter {attempts} försök; försök senare",
                      "Eurostat is overloaded (HTTP {status}) after {attempts} attempts; try later"),
    "import.problem.eurostat_response": (
        "Eurostats svar kunde inte läsas som ett JSON-stat 2.0-dataset: {detail}. Inget skrevs.",
        "Eurostat's answer could not be read as a JSON-stat 2.0 dataset: {detail}. Nothing was written.",
    ),
    "import.problem.eurostat_several": (
        "Eurostats svar har {n} värden för {dimension} ({codes}); ange ett med --filter {dimension}=KOD. "
        "Inget skrevs.",
        "Eurostat's answer has {n} values for {dimension} ({codes}); choose one with --filter "
        "{dimension}=CODE. Nothing was written.",
    ),
})

TEXT.update({
    # the import report's kinds of row (importing/report.py), unit hints, SCB's and Eurostat's symbols
    "import.kind.added": ("läggs till", "added"),
    "import.kind.changed": ("ändras", "changed"),
    "import.kind.unchanged": ("oförändrad", "unchanged"),
    "import.kind.rejected": ("avvisad", "rejected"),
    "import.kind.warning": ("varning", "warning"),
    "import.kind.refused": ("vägrad", "refused"),
    "import.kind.confirm": ("bekräfta", "confirm"),
    "import.unit_hint.sek.msek": ("dela med 1 000 000", "divide by 1 000 000"),
    "import.unit_hint.ksek.msek": ("dela med 1 000", "divide by 1 000"),
    "import.unit_hint.bsek.msek": ("multiplicera med 1 000", "multiply by 1 000"),
    "import.unit_hint.msek.sek": ("multiplicera med 1 000 000", "multiply by 1 000 000"),
    "import.unit_hint.ksek.sek": ("multiplicera med 1 000", "multiply by 1 000"),
    "import.unit_hint.share.percent": ("multiplicera med 100", "multiply by 100"),
    "scb.status...": ("uppgift saknas eller är för osäker för att anges", "figure not available or too uncertain"),
    "scb.status..": ("uppgift kan inte förekomma", "figure cannot occur"),
    "scb.status.-": ("inget finns att redovisa (noll)", "nothing to report (zero)"),
    "scb.status.…": ("uppgift saknas", "figure not available"),
    "eurostat.flag": ("Eurostat-flagga {flags}", "Eurostat flag {flags}"),
    "eurostat.flag.e": ("uppskattat", "estimated"),
    "eurostat.flag.p": ("preliminärt", "provisional"),
    "eurostat.flag.b": ("seriebrott", "break in series"),
    "eurostat.flag.c": ("konfidentiellt", "confidential"),
    "eurostat.flag.u": ("låg tillförlitlighet", "low reliability"),
    "eurostat.flag.d": ("definitionen avviker", "definition differs"),
    "eurostat.flag.n": ("inte signifikant", "not significant"),
    "eurostat.flag.z": ("ej tillämpligt", "not applicable"),
    "eurostat.flag.r": ("reviderat", "revised"),
    "eurostat.flag.s": ("Eurostats uppskattning", "Eurostat estimate"),
})

TEXT.update({
    # details inside import messages: SCB's and PxWeb's answers, quoting, suggestions
    "scb.shape.categories": ("{dimension}: {count} kategorier men storlek {size}",
                             "{dimension}: {count} categories, size {size}"),
    "scb.shape.not_dataset": ("class är inte dataset", "class is not dataset"),
    "scb.shape.too_many_cells": ("{total} celler; högst {limit} läses", "{total} cells; at most {limit} are read"),
    "scb.shape.value_count": ("{count} värden för {total} celler", "{count} values for {total} cells"),
    "scb.shape.not_list": ("value är ingen lista", "value is not a list"),
    "scb.shape.not_number": ("värde {index} är inte ett tal", "value {index} is not a number"),
    "scb.shape.no_field": ("fältet {field} saknas", "the field {field} is missing"),
    "scb.shape.no_geo_or_time": ("{geo} eller {time} saknas", "{geo} or {time} missing"),
    "scb.shape.value_types": ("värden och statussymboler ska vara tal och text",
                              "values and status symbols should be numbers and text"),
    "scb.hint.missing_variable": ("en variabel som tabellen kräver saknas i urvalet",
                                  "a variable the table requires is missing from the selection"),
    "scb.hint.unknown_value": ("ett värde (år, tabellinnehåll eller kod) finns inte i tabellen",
                               "a value (year, contents or code) does not exist in the table"),
    "scb.hint.refused": ("SCB godtog inte urvalet", "SCB did not accept the selection"),
    "import.detail.pxweb_contents": (
        "tabellinnehållet går inte att känna igen (bara folkmängd, BE0101N1/000007ME); "
        "använd mallen för andra uppgifter",
        "its contents cannot be recognised (only population, BE0101N1/000007ME); use the template "
        "for other figures",
    ),
    "import.detail.after_quote": ("efter ett avslutande citattecken ska ”{separator}” eller radslut komma",
                                  "a closing quote must be followed by “{separator}” or the end of the line"),
    "import.detail.did_you_mean": ("; menade du {shown}?", "; did you mean {shown}?"),
    "import.detail.hint": ("; {hint}", "; {hint}"),
    # the import command line (regionstats/importing/commands.py)
    "import.cli.no_file": ("fel: filen {file} finns inte", "error: the file {file} does not exist"),
    "import.cli.no_mapping": ("fel: mappningen {mapping} finns inte", "error: the mapping {mapping} does not exist"),
    "import.cli.bad_regions": ("fel: --regions ska vara länskoder som 01,18 (fick {regions})",
                               "error: --regions should be county codes like 01,18 (got {regions})"),
    "import.cli.no_dataset": ("fel: ange datasetet, till exempel: {example}",
                              "error: name the dataset, for example: {example}"),
    "import.cli.bad_filter": ("fel: --filter ska vara DIM=KOD (fick {item})",
                              "error: --filter should be DIM=CODE (got {item})"),
    "import.cli.nothing_to_change": ("Inget att ändra; inget skrevs.", "Nothing to change; nothing was written."),
    "import.cli.dry_run": ("Provkörning (--dry-run): inget skrevs.", "Dry run (--dry-run): nothing was written."),
    "import.cli.unconfirmed": (
        "fel: rapporten har varningar som måste bekräftas; läs dem och lägg till --confirm-warnings",
        "error: the report has warnings that must be confirmed; read them and add --confirm-warnings",
    ),
    "import.cli.imported": ("Importerat ({id}). Ångra med: python -m regionstats undo-import",
                            "Imported ({id}). Undo with: python -m regionstats undo-import"),
    "import.cli.confirm": ("Skriva ändringarna till {data_dir}? [j/N] ", "Write the changes to {data_dir}? [y/N] "),
    "import.cli.confirm_warnings": ("{warnings} varningar ovan måste bekräftas. Importera ändå? [j/N] ",
                                    "{warnings} warnings above must be confirmed. Import anyway? [y/N] "),
    "import.cli.undone": ("Importen {undoes} ({file}) är ångrad.", "The import {undoes} ({file}) is undone."),
    "import.cli.out_is_folder": ("fel: {out} är en mapp; ange ett filnamn, t.ex. {example}",
                                 "error: {out} is a folder; give a file name, e.g. {example}"),
    "import.cli.no_folder": ("fel: mappen {folder} finns inte", "error: the folder {folder} does not exist"),
    "import.cli.write_failed": ("fel: kunde inte skriva {out} ({reason})", "error: could not write {out} ({reason})"),
    "import.cli.template_written": ("Mallen skrevs till {out}", "The template was written to {out}"),
    "import.cli.no_imports": ("Inga importer ännu.", "No imports yet."),
    # the import report (regionstats/importing/report.py) and its place in the app (ui/importer.py)
    "import.report.refused": ("Filen vägrades; inget importeras.", "The file was refused; nothing is imported."),
    "import.report.rows_read": ("{count} rader lästa", "{count} rows read"),
    "import.report.cells_read": ("{count} celler lästa", "{count} cells read"),
    "import.report.summary": (
        "{read}: {added} läggs till, {changed} ändras, {unchanged} oförändrade, {rejected} avvisade, "
        "{new_sources} nya källor.",
        "{read}: {added} added, {changed} changed, {unchanged} unchanged, {rejected} rejected, "
        "{new_sources} new sources.",
    ),
    "import.report.rejected": ("Filen avvisas tills felen är rättade; inget skrivs.",
                               "The file is rejected until the errors are fixed; nothing is written."),
    "import.report.to_confirm": ("{count} varningar måste bekräftas innan något skrivs.",
                                 "{count} warnings must be confirmed before anything is written."),
    "import.report.title": ("Import av {file}", "Import of {file}"),
    "import.report.errors": ("Fel", "Errors"),
    "import.report.must_confirm": ("Måste bekräftas", "Must be confirmed"),
    "import.report.warnings": ("Varningar", "Warnings"),
    "import.report.new_sources": ("Nya källor", "New sources"),
    "import.report.changed": ("Ändras", "Changed"),
    "import.report.added": ("Läggs till", "Added"),
    "import.report.more": ("… {count} till", "… {count} more"),
    "import_report": ("Rapport", "Report"),
    "import_template_file": ("regionstats-mall.csv", "regionstats-template.csv"),
    # the long template's help lines (regionstats/importing/long_template.py)
    "import.template.help.1": (
        "Mall för att lägga till data i regionstats: Data och källor → Importera, eller python -m "
        "regionstats import FIL",
        "Template for adding data to regionstats: Data och källor → Importera, or python -m regionstats "
        "import FILE",
    ),
    "import.template.help.2": (
        "Rader som börjar med # läses inte. En rad per region, indikator och år.",
        "Lines starting with # are not read. One row per region, indicator and year.",
    ),
    "import.template.help.3": (
        "region_code: regionkod (00 Riket, 01 Stockholm, 03 Uppsala, 18 Örebro …) eller regionens namn",
        "region_code: region code (00 Sweden, 01 Stockholm, 03 Uppsala, 18 Örebro …) or the region's name",
    ),
    "import.template.help.4": (
        "indicator_id: indikatorns id (se Data och källor) eller dess namn",
        "indicator_id: the indicator's id (see Data och källor) or its name",
    ),
    "import.template.help.5": (
        "year: år; för folkmängd året vars 31 december avses",
        "year: the year; for population the year whose 31 December is meant",
    ),
    "import.template.help.6": (
        "value: värdet; decimalkomma och mellanslag mellan tusental går bra; x, .. eller – om källan "
        "saknar värdet; 351-400 för ett band",
        "value: the value; decimal comma and spaces between thousands are fine; x, .. or – if the "
        "source has no value; 351-400 for a band",
    ),
    "import.template.help.7": (
        "status: published (om tom), provisional, conflicting eller missing",
        "status: published (if empty), provisional, conflicting or missing",
    ),
    "import.template.help.8": (
        "unit: frivillig; kontrolleras mot indikatorns enhet (MSEK, kr, %, personer …)",
        "unit: optional; checked against the indicator's unit (MSEK, SEK, %, persons …)",
    ),
    "import.template.help.9": (
        "source_id: en befintlig källa, eller en ny som beskrivs med publisher, title, url och published",
        "source_id: an existing source, or a new one described by publisher, title, url and published",
    ),
    "import.template.help.10": (
        "Övriga kolumner (period_start, period_end, period_label, value_text, value_low, value_high, "
        "note) är frivilliga.",
        "The other columns (period_start, period_end, period_label, value_text, value_low, value_high, "
        "note) are optional.",
    ),
    "import.template.help.11": (
        "Exemplet nedan är påhittat: ta bort # och ersätt med riktiga uppgifter.",
        "The example below is made up: remove the # and replace it with real figures.",
    ),
    "import.template.example": ("EXEMPEL", "EXAMPLE"),
})


@dataclass(frozen=True)
class Both:
    """A value that differs by language (a unit's name, a hint, a list of names), given to t() as a value."""

    sv: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


def both(key: str, **values) -> Both:
    """The catalogue text for key in both languages, to pass on as a value."""
    return Both(t(key, "sv", **values), t(key, "en", **values))


def t(key: str, lang: str = "sv", /, **values) -> str:
    """The text for key in lang, with {placeholders} filled in; a ``Both`` value is picked in the same language.

    A key the catalogue lacks, or a language it has no text in, is never hidden behind Swedish: tests (and
    REGIONSTATS_RAISE_ERRORS=1) get an exception, users a visible marker ('⟨key⟩', or the Swedish text
    marked '⟨sv⟩') and the log a warning, never a traceback."""
    entry = TEXT.get(key)
    if entry is None:
        return _not_found(KeyError(f"no text {key!r} in regionstats/i18n.py TEXT"), f"⟨{key}⟩")
    index = _INDEX.get(lang)
    if index is None or index >= len(entry):
        text = _not_found(ValueError(f"no {lang!r} text for {key!r} (languages: {', '.join(LANGUAGES)})"),
                          f"⟨{DEFAULT_LANGUAGE}⟩ {entry[0]}")
    else:
        text = entry[index]
    if not values:
        return text
    return text.format(**{name: v.pick(lang) if isinstance(v, Both) else v for name, v in values.items()})


def strict() -> bool:
    """Whether a missing text or language raises (tests, REGIONSTATS_RAISE_ERRORS=1) instead of being marked."""
    return os.environ.get("REGIONSTATS_RAISE_ERRORS") == "1"


def _not_found(error: Exception, marked: str) -> str:
    if strict():
        raise error
    _log.warning("%s", error)
    return marked


def offered(value) -> str:
    """value when it is a language the app offers, else the default: for what users send (a link's lang=)."""
    return value if value in _INDEX else DEFAULT_LANGUAGE


def language(lang: str) -> str:
    """lang when the catalogue has it; otherwise an error in tests and the default language (logged) for users."""
    if lang in _INDEX:
        return lang
    return _not_found(ValueError(f"unknown language {lang!r} (languages: {', '.join(LANGUAGES)})"),
                      DEFAULT_LANGUAGE)


def where(file: str, line: int | None, column: str | None, lang: str = "sv") -> str:
    """'observations.csv, rad 4, kolumn year': where a problem is, as a spreadsheet shows it."""
    parts = [file or t("where.file", lang)]
    if line is not None:
        parts.append(t("where.line", lang, line=line))
    if column:
        parts.append(t("where.column", lang, column=column))
    return ", ".join(parts)


def column(base: str, lang: str) -> str:
    """THE name of a text's column in lang: column('name', 'en') == 'name_en' (also 'unit', 'definition',
    'convention', 'title', 'region_name', 'fifth_region', ...): every lookup of a language's column goes here."""
    return f"{base}_{language(lang)}"


def name_column(lang: str) -> str:
    """'name_sv', 'name_en', ...: the name column in lang."""
    return column("name", lang)


def pick(row, base: str, lang: str):
    """The row's text in lang: row['name_en'] of a Series or dict, row.name_en of an itertuples row."""
    name = column(base, lang)
    if isinstance(row, tuple) and hasattr(row, "_fields"):
        return getattr(row, name)
    return row[name]


def data_text(swedish, english, lang: str):
    """A text of the data (a note, a reason, a source's remark) in lang: the Swedish as written, or the English
    that curation wrote beside it, or, where none is written yet, the Swedish marked '(in Swedish)' so it is never
    passed off as English. THE one place a data text meets the user's language."""
    if not isinstance(swedish, str) or not swedish or lang == DATA_LANGUAGE:
        return swedish
    if isinstance(english, str) and english.strip():
        return english
    return f"{t('in_swedish', lang)} {swedish}"


# the marker after a source title published in a language (regionstats.schema.SOURCE_LANGUAGES); English has none
TITLE_LANGUAGE_KEYS = {"sv": "title_in_swedish", "da": "title_in_danish"}


def source_title(title, language, lang: str, limit: int | None = None):
    """A source title as published, followed by its language where the reader may not read it: '(in Swedish)'
    after a Swedish title in English, '(på danska)' after a Danish one in Swedish. Not marked: a title in the
    reader's language, an English title (the lists and reports the app quotes are English; its Swedish readers
    read them as they are), a title whose language is not stated (an imported source). THE one place a source
    title meets the user's language: every chart's source line, the source table, the PDF, the deck, the DOCX.
    ``limit`` shortens a long title to that many characters with '…', the marker kept."""
    if not isinstance(title, str) or not title or language == lang or language not in TITLE_LANGUAGE_KEYS:
        return title if limit is None or len(title) <= limit else title[:limit - 1].rstrip() + "…"
    marker = t(TITLE_LANGUAGE_KEYS[language], lang)
    if limit is not None and len(title) + 1 + len(marker) > limit:  # shortened, the marker is kept
        title = title[:max(1, limit - len(marker) - 2)].rstrip() + "…"
    return f"{title} {marker}"

TEXT.update({
    # funding
    "funding_intro": (
        "Statliga forskningsanslag, ALF-medel och FoU-utgifter, per invånare och som andel av BRP.",
        "State research appropriations, ALF funding and R&D spending, per inhabitant and as a share of GRP.",
    ),
    "per_capita_title": ("{indicator} per invånare, {year}", "{indicator} per inhabitant, {year}"),
    "amount_title": ("{indicator}, {year}", "{indicator}, {year}"),
    "per_capita_unit": ("kr per invånare", "SEK per inhabitant"),
    "per_capita_formula": (
        "Per invånare = {indicator} (MSEK) × 1 000 000 / folkmängd 31 december {population_year} (SCB). "
        "För år Å används folkmängden 31 december Å−1.",
        "Per inhabitant = {indicator} (MSEK) × 1,000,000 / population on 31 December {population_year} (SCB). "
        "For year Y the population on 31 December Y−1 is used.",
    ),
    "population_missing": ("folkmängd 31 december {year} saknas i data", "population on 31 December {year} is not in the data"),
    "value_missing": ("värdet saknas i källan", "the source has no value"),
    "funding_indicator": ("Finansiering", "Funding"),
    "rd_share_title": ("FoU-utgifter som andel av BRP per sektor, {year}", "R&D spending as a share of GRP by sector, {year}"),
    "rd_share_unit": ("% av BRP", "% of GRP"),
    "sector": ("Sektor", "Sector"),
    "hover_amount_population": ("{amount} / {population} invånare ({year})", "{amount} / {population} inhabitants ({year})"),
})

TEXT.update({
    # funding: per inhabitant over time, and which amounts are sums of universities
    "per_capita_over_time_title": ("{indicator} per invånare, {years}", "{indicator} per inhabitant, {years}"),
    "per_capita_over_time_formula": (
        "Per invånare = {indicator} (MSEK) × 1 000 000 / folkmängd 31 december året före (SCB).",
        "Per inhabitant = {indicator} (MSEK) × 1,000,000 / population on 31 December of the year before (SCB).",
    ),
    "basis_published_beside_sum": (
        "Publicerat länsvärde, där lärosätenas summa samma år är en annan: {items}. "
        "Jämför publicerade värden och summor med försiktighet",
        "Published county figure, where the universities' sum the same year differs: {items}. "
        "Compare published figures and sums with care",
    ),
    "basis_sum_instead": ("{region} {year} {published} (summa {sum})", "{region} {year} {published} (sum {sum})"),
    "incomplete_sum": ("anslag saknas för {universities}", "no appropriation for {universities}"),
    "hover_sum_of_universities": ("summa av {universities}", "sum of {universities}"),
    "missing_years_for": ("Saknas för {items}", "Missing for {items}"),
})

TEXT.update({
    # overview
    "overview_intro": (
        "Hemregionens läge: plats i rankningar, forskningsmedel per invånare, citeringar och avståndet till topp fem.",
        "The home region at a glance: ranking places, research money per inhabitant, citations and the distance to the top five.",
    ),
    "kpi_rank": ("Life science-plats", "Life science rank"),
    "kpi_rank_caption": ("{year} · {rank} av {n} regioner med data · Tillväxtverket", "{year} · {rank} of {n} regions with data · Tillväxtverket"),
    "kpi_per_capita": ("Anslag per invånare", "Grants per inhabitant"),
    "kpi_citations": ("Citeringsgenomsnitt", "Citation average"),
    "kpi_top_five": ("Indikatorer i topp fem", "Indicators in the top five"),
    "kpi_top_five_value": ("{n} av {total}", "{n} of {total}"),
    "kpi_top_five_caption": ("bland {total} indikatorer där minst fem regioner har data",
                             "among {total} indicators where at least five regions have data"),
    "matrix_title": ("Plats per indikator: i eller utanför topp fem bland Sveriges regioner",
                     "Rank per indicator: in or outside the top five among Sweden's regions"),
    "n_sources": ("{publishers} m.fl. ({n} källor, se Data och källor)", "{publishers} and others ({n} sources, see Data and sources)"),
    "matrix_note": (
        "Cellen visar regionens plats bland alla regioner med data för indikatorns senaste år (eller valt år). "
        "För publicerade rankningar visas den publicerade platsen. Håll muspekaren över en cell för avståndet till plats fem.",
        "Each cell shows the region's rank among all regions with data for the indicator's latest (or chosen) year. "
        "For published rankings the published place is shown. Hover over a cell for the distance to fifth place.",
    ),
    "gap_places": ("{gap} platser från plats 5", "{gap} places from 5th"),
    "gap_value": ("{gap} från femte bästa ({fifth}: {holder})", "{gap} from the fifth best ({fifth}: {holder})"),
    "in_top_five_hover": ("i topp fem", "in the top five"),
    "cell_hover_published": ("{year}: publicerad plats {value} · {gap}", "{year}: published place {value} · {gap}"),
    "cell_hover": ("{year}: {value} · plats {rank} av {n} · {gap}", "{year}: {value} · rank {rank} of {n} · {gap}"),
    # rankings
    "rankings_intro": (
        "Plats över tid bland regioner med data, Tillväxtverkets life science-rankning och lärosätenas världsrankningar.",
        "Rank over time among regions with data, Tillväxtverket's life science ranking and the universities' world rankings.",
    ),
    "bump_title": ("{indicator}: plats bland Sveriges län, {years}", "{indicator}: rank among Sweden's counties, {years}"),
    "bump_axis": ("Plats (1 = bäst)", "Rank (1 = best)"),
    "bump_note": ("Plats bland alla regioner med data det året; lika värden ger delad plats.",
                  "Rank among all regions with data that year; equal values share a place."),
    "tvv_title": ("Tillväxtverkets rankning av life science-regioner, {year}", "Tillväxtverket's ranking of life science regions, {year}"),
    "tvv_note": ("Fotnoten i nyckeltalstabellen anger Stockholm/Uppsala som etta; Uppsala står också separat som fyra.",
                 "The key-figures table's footnote names Stockholm/Uppsala first; Uppsala also appears separately as fourth."),
    "university_title": ("{ranking}: lärosätena i de valda regionerna, utgåvor {years}", "{ranking}: universities of the chosen regions, editions {years}"),
    "university_axis": ("Plats i världen (1 = bäst)", "World rank (1 = best)"),
    "ranking_system": ("Universitetsrankning", "University ranking"),
    "ranking_indicator": ("Indikator för plats över tid", "Indicator for rank over time"),
    # citations
    "citations_intro": (
        "Citeringsgenomsnitt inom klinisk forskning: andelen publikationer bland världens 10 % mest citerade. Över 10 % är över världsgenomsnittet.",
        "Citation average in clinical research: the share of publications among the world's 10% most cited. Above 10% is above the world average.",
    ),
    "citation_title": ("Citeringsgenomsnitt, klinisk forskning, {period}", "Citation average, clinical research, {period}"),
    "world_average": ("Världsgenomsnitt 10 %", "World average 10%"),
    "publications_title": ("Publikationer inom klinisk forskning, {period}", "Publications in clinical research, {period}"),
    "scatter_title": ("Volym och kvalitet: publikationer mot citeringsgenomsnitt, {period}", "Volume and quality: publications against citation average, {period}"),
    "publications_axis": ("Publikationer (författarfraktionerade)", "Publications (author-fractionalised)"),
    "citation_axis": ("Citeringsgenomsnitt (%)", "Citation average (%)"),
    # top five
    "top_five_intro": (
        "Region Stockholms mål: ”en av de fem främsta life science-regionerna i världen”. Här: strategiernas mål, MedCitys världsjämförelse och avståndet till femte plats bland Sveriges regioner.",
        "Region Stockholm's goal: “one of the top five life science regions in the world”. Here: the strategies' goals, MedCity's world comparison and the distance to fifth place among Sweden's regions.",
    ),
    "goals_title": ("Strategiernas mätbara mål och läget nu", "The strategies' measurable goals and where they stand"),
    "goal": ("Mål", "Goal"),
    "owner": ("Ägare", "Owner"),
    "target": ("Målvärde", "Target"),
    "target_year": ("Målår", "Target year"),
    "latest": ("Senaste värde", "Latest value"),
    "gap": ("Avstånd", "Gap"),
    "goal_status": ("Läge", "Status"),
    "goal_verbatim": ("Målet ordagrant", "The goal as written (in its original language)"),
    "goal_met": ("Uppnått", "Met"),
    "goal_not_met": ("Ej uppnått", "Not met"),
    "goal_unmeasured": ("Kan inte mätas med data här", "Cannot be measured with the data here"),
    "goal_no_value": ("Värde saknas", "Value missing"),
    "goal_no_target": ("Mäts, inget målvärde", "Measured, no target value"),
    "medcity_title": ("MedCity Global Cities Comparison {year}: 20 life science-städer", "MedCity Global Cities Comparison {year}: 20 life science cities"),
    "medcity_note": (
        "Tas fram av Londons klusterorganisation MedCity (möjlig hemmafördel); 20 förvalda städer; en utgåva; sammanvägning av fem pelare.",
        "Produced by London's cluster body MedCity (possible home bias); 20 pre-selected cities; one edition; a composite of five pillars.",
    ),
    "gap_title": ("{indicator}: avstånd till femte bästa region, {year}", "{indicator}: distance to the fifth best region, {year}"),
    "fifth_best": ("Femte bästa: {value} ({holder})", "Fifth best: {value} ({holder})"),
    "gap_indicator": ("Indikator för avståndet", "Indicator for the gap"),
    "home_gaps_title": ("{region}: avstånd till topp fem per indikator", "{region}: distance to the top five per indicator"),
    "fifth_value": ("Femte bästa", "Fifth best"),
    "gap_pct": ("Avstånd (%)", "Gap (%)"),
    "n_with_data": ("Regioner med data", "Regions with data"),
    # trend
    "trend_intro": ("Valfri indikator över åren för de valda regionerna, i absoluta tal eller som index.",
                    "Any indicator over the years for the chosen regions, absolute or indexed."),
    "trend_title": ("{indicator}, {years}", "{indicator}, {years}"),
    "trend_index_title": ("{indicator}, index {base} = 100, {years}", "{indicator}, index {base} = 100, {years}"),
    "trend_single_year": ("Indikatorn har bara värden för ett år i urvalet.", "The indicator has values for only one year in the selection."),
    # map
    "map_intro": ("Sveriges 21 regioner färgade efter sin plats på indikatorn (1 = bäst), bredvid samma regioner "
                  "som staplar med värdena. Grå = saknas.",
                  "Sweden's 21 regions coloured by their place on the indicator (1 = best), beside them the same "
                  "regions as bars with the values. Grey = missing."),
    "map_title": ("{indicator}, {year}", "{indicator}, {year}"),
    "map_credit": ("Karta: okfse/sweden-geojson (förenklade länsgränser).", "Map: okfse/sweden-geojson (simplified county borders)."),
    # compare
    "compare_intro": (
        "Normaliserad profil: varje indikator skalas 0–1 över alla regioner med data (min–max, som EU:s Regional Innovation Scoreboard). 1 = bäst.",
        "Normalised profile: each indicator is scaled 0–1 over all regions with data (min–max, as the EU Regional Innovation Scoreboard does). 1 = best.",
    ),
    "profile_title": ("Profil: normaliserat värde per indikator", "Profile: normalised score per indicator"),
    "score_axis": ("Normaliserat värde (0 = sämst, 1 = bäst)", "Normalised score (0 = worst, 1 = best)"),
    "composite_title": ("Sammanvägt index med valda vikter", "Composite index with the chosen weights"),
    "composite_axis": ("Index (0–1)", "Index (0–1)"),
    "composite_table_title": ("Sammanvägt index och antal indikatorer bakom", "Composite index and the number of indicators behind it"),
    "weights": ("Vikter per kategori", "Weights per category"),
    "composite_method": (
        "Metod: medelvärde av de normaliserade värdena, viktat per kategori ({weights}). "
        "En region som saknar en indikator vägs bara på de indikatorer den har; antalet visas i tabellen. "
        "Indikatorer där färre än tre regioner har data tas inte med, och inte heller absoluta belopp och antal "
        "(MSEK, årsverken, publikationer), som mest speglar regionens storlek: se Finansiering per invånare.",
        "Method: the mean of the normalised scores, weighted by category ({weights}). "
        "A region missing an indicator is weighed only on the indicators it has; the count is in the table. "
        "Indicators with fewer than three regions with data are left out, and so are absolute amounts and counts "
        "(MSEK, FTEs, publications), which mostly reflect a region's size: see Funding per inhabitant.",
    ),
    "category_ranking": ("Rankning", "Ranking"),
    "category_funding": ("Finansiering", "Funding"),
    "category_quality": ("Kvalitet", "Quality"),
    "category_capacity": ("Kapacitet", "Capacity"),
    "category_industry": ("Näringsliv", "Industry"),
    "n_indicators": ("Antal indikatorer", "Number of indicators"),
    # data
    "data_intro": ("Urvalets data med källor, vad som saknas, definitioner och alla källor.",
                   "The selection's data with sources, what is missing, definitions and every source."),
    "data_table_title": ("Data för urvalet", "Data for the selection"),
    "data_table_limited": ("Visar de första {shown} av {total} raderna; CSV- och Excel-filerna har alla.",
                           "Showing the first {shown} of {total} rows; the CSV and Excel files hold all of them."),
    "coverage_limited": ("Visar {shown} av {total} indikatorer: välj en indikator ovan för att se just den.",
                         "Showing {shown} of {total} indicators: choose an indicator above to see that one."),
    "coverage_title": ("Täckning: vilka värden finns (senaste år per indikator)", "Coverage: which values exist (latest year per indicator)"),
    "coverage_value": ("Värde finns", "Value"),
    "coverage_missing": ("Saknas i källan", "Missing in the source"),
    "coverage_absent": ("Inte insamlat", "Not collected"),
    "definitions_title": ("Indikatorer och definitioner", "Indicators and definitions"),
    "sources_title": ("Källor", "Sources"),
    "definition": ("Definition", "Definition"),
    "convention": ("Årskonvention", "Year convention"),
    "category": ("Kategori", "Category"),
    "years_available": ("År med data", "Years with data"),
    "publisher": ("Utgivare", "Publisher"),
    "title": ("Titel", "Title"),
    "link": ("Länk", "Link"),
    "accessed": ("Hämtad", "Accessed"),
    "n_values": ("Antal värden", "Number of values"),
    "filter_indicators": ("Indikatorer", "Indicators"),
})

TEXT.update({
    # import (Data och källor → Importera)
    "import_title": ("Importera data", "Import data"),
    "import_intro": (
        "Lägg till ett år eller en ny källa från ett kalkylark (CSV eller XLSX, projektets mall) eller från SCB. "
        "Du ser först en rapport; inget skrivs förrän du bekräftar, och den senaste importen kan ångras.",
        "Add a year or a new source from a spreadsheet (CSV or XLSX, the project's template) or from SCB. "
        "You see a report first; nothing is written until you confirm, and the last import can be undone.",
    ),
    "import_template": ("Ladda ned mallen (CSV)", "Download the template (CSV)"),
    "import_upload": ("Fil att importera", "File to import"),
    "import_note": ("Anteckning till importloggen", "Note for the import log"),
    "import_confirm": ("Bekräfta import", "Confirm import"),
    "import_done": ("Importen är klar: {added} tillagda, {changed} ändrade. Sidorna visar nu de nya värdena.",
                    "Import done: {added} added, {changed} changed. The pages now show the new values."),
    "import_nothing": ("Inget nytt att skriva.", "Nothing new to write."),
    "import_history": ("Tidigare importer", "Earlier imports"),
    "import_undo": ("Ångra senaste import", "Undo the last import"),
    "import_undo_confirm": ("Jag vill återställa data till före den senaste importen",
                            "I want to restore the data to before the last import"),
    "import_undone": ("Den senaste importen är ångrad.", "The last import is undone."),
    "import_no_history": ("Inga importer ännu.", "No imports yet."),
    "import_confirm_warnings": ("Jag har läst varningarna ovan och vill importera ändå",
                                "I have read the warnings above and want to import anyway"),
    "import_must_confirm": ("Varningar som måste bekräftas innan något skrivs:",
                            "Warnings that must be confirmed before anything is written:"),
    "import_problems": ("Fel och varningar", "Errors and warnings"),
    "scb_title": ("Hämta folkmängd från SCB", "Fetch population from SCB"),
    "scb_years": ("År", "Years"),
    "scb_fetch": ("Hämta och visa rapport", "Fetch and show the report"),
})

TEXT.update({
    # exports: images, data files, slides, PDF, presentation mode, the command line
    # images
    "chromium_missing": (
        "Bilder och PDF kan inte skapas här eftersom webbläsaren Chromium saknas på servern; "
        "data som CSV och Excel går att ladda ned som vanligt.",
        "Images and PDFs cannot be made here because the Chromium browser is not installed on the server; "
        "the data still downloads as CSV and Excel.",
    ),
    "made_on": ("Skapad {date}", "Made {date}"),
    "downloads": ("Ladda ned diagrammet eller datan bakom det:", "Download the chart or the data behind it:"),
    # data files
    "sheet_data": ("Data", "Data"),
    "sheet_sources": ("Källor", "Sources"),
    "sheet_sources_title": ("Titel", "Title"),
    "sources_source": ("Källa", "Source"),
    "sources_notes": ("Anmärkningar", "Notes"),
    "sources_made": ("Skapad", "Made"),
    "sources_data_version": ("Dataversion", "Data version"),
    "sources_neutralised": (
        "Celler som började med =, +, - eller @ har fått en inledande apostrof "
        "så att de inte körs som formler.",
        "Cells that began with =, +, - or @ got a leading apostrophe so that they are never run as formulas.",
    ),
    # slides
    "deck_title": ("Life science-regioner i Sverige", "Life science regions in Sweden"),
    "deck_regions": ("Regioner: {regions}", "Regions: {regions}"),
    "deck_home": ("Hemregion: {region}", "Home region: {region}"),
    "deck_years": ("År: {years}", "Years: {years}"),
    "deck_pages": ("Sidor: {pages}", "Pages: {pages}"),
    "deck_made": ("Skapad {date}", "Made {date}"),
    "deck_data_version": ("Dataversion {version}", "Data version {version}"),
    "deck_no_charts": ("Inga diagram för urvalet på sidan {page}.",
                       "No charts for the selection on the page {page}."),
    "notes_numbers": ("Siffrorna bakom diagrammet:", "The numbers behind the chart:"),
    "notes_remarks": ("Anmärkningar:", "Remarks:"),
    "notes_source": ("Källa:", "Source:"),
    "deck_definitions_title": ("Definitioner och källor", "Definitions and sources"),
    # the app: presentation mode and page actions
    "present_section": ("Presentera", "Present"),
    "present_toggle": ("Presentationsläge", "Presentation mode"),
    "present_help": (
        "Ett diagram i taget i stort format för projektor; bläddra med knapparna eller piltangenterna. "
        "Länken med present=1 öppnar läget direkt.",
        "One chart at a time, large, for a projector; step with the buttons or the arrow keys. "
        "A link with present=1 opens this mode directly.",
    ),
    "present_prev": ("Föregående", "Previous"),
    "present_next": ("Nästa", "Next"),
    "present_exit": ("Avsluta", "Leave"),
    "present_counter": ("{page} · bild {n} av {total}", "{page} · slide {n} of {total}"),
    "present_prev_page": ("Tillbaka: {page}", "Back: {page}"),
    "present_next_page": ("Vidare: {page}", "On to: {page}"),
    "present_no_charts": ("Sidan har inga diagram för urvalet.", "The page has no charts for the selection."),
    "present_keys": ("Piltangenterna ← → bläddrar, Esc avslutar.", "Arrow keys ← → step, Esc leaves."),
    "deck_button": ("Ladda ned bildspel (PPTX)", "Download slide deck (PPTX)"),
    "deck_choose_pages": ("Sidor i bildspelet", "Pages in the deck"),
    "deck_help": (
        "Titelbild, ett diagram per bild med källa och siffrorna i talarmanuset, "
        "sist definitioner och källor.",
        "Title slide, one chart per slide with its source and the numbers in the speaker notes, "
        "then definitions and sources.",
    ),
    "deck_popover": ("Bildspel (PPTX)", "Slide deck (PPTX)"),
    "pdf_button": ("Ladda ned sidan som PDF", "Download the page as PDF"),
    "pdf_help": ("A4 liggande, som webbläsaren skriver ut sidan.",
                 "A4 landscape, as the browser prints the page."),
    # the command line
    "cli_written": ("Skrev {path} ({size} byte)", "Wrote {path} ({size} bytes)"),
    "cli_unknown_page": ("okänd sida ”{page}”; finns: {known}", "unknown page “{page}”; known: {known}"),
    "cli_bad_regions": ("okända regionkoder: {codes} (välj län, t.ex. 01,18, och 00 för riket)",
                        "unknown region codes: {codes} (choose counties, e.g. 01,18, and 00 for Sweden)"),
    "cli_bad_home": ("--home ska vara ett län, t.ex. 18; fick {code}", "--home should be a county, e.g. 18; got {code}"),
    "cli_no_folder": ("mappen {folder} finns inte; skapa den först eller välj en annan --out",
                      "the folder {folder} does not exist; create it first or choose another --out"),
    "cli_out_is_folder": ("--out ska vara en fil, men {path} är en mapp", "--out should be a file, but {path} is a folder"),
    "cli_write_failed": ("kunde inte skriva {path}: {reason}", "could not write {path}: {reason}"),
    "cli_bad_years": ("--years ska vara ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ inom {first}–{last}, fick ”{value}”",
                      "--years should be YYYY or YYYY-YYYY within {first}–{last}, got “{value}”"),
    "cli_pdf_one_page": ("pdf tar en sida i taget; fick {pages}",
                         "pdf takes one page at a time; got {pages}"),
    "cli_server_failed": ("kunde inte starta Streamlit-servern för PDF: {detail}",
                          "could not start the Streamlit server for the PDF: {detail}"),
    # chart and table downloads (ui/exports.py)
    "download_png": ("PNG", "PNG"),
    "download_svg": ("SVG", "SVG"),
    "download_csv_label": ("CSV", "CSV"),
    "download_csv_sv": ("CSV för Excel", "CSV for Excel"),
    "download_xlsx": ("Excel (XLSX)", "Excel (XLSX)"),
    "download_png_help": ("Bild 3200×1800 (16:9) med titel, källa och datum.",
                          "Image 3200×1800 (16:9) with title, source and date."),
    "download_svg_help": ("Vektorbild med titel, källa och datum.", "Vector image with title, source and date."),
    "download_csv_label_help": ("UTF-8 med BOM, kommatecken mellan fälten, decimalpunkt.",
                                "UTF-8 with BOM, comma-separated, decimal point."),
    "download_csv_sv_help": ("Semikolon mellan fälten och decimalkomma: öppnas rätt i svenskt Excel.",
                             "Semicolon-separated with a decimal comma: opens correctly in Swedish Excel."),
    "download_xlsx_help": ("Data och ett blad med källor.", "The data and a sheet with the sources."),
})

TEXT.update({
    # all regions ranked, the top-five answer, the map's colour scale, the bars' year (council)
    "top_five_cannot": (
        "Vilka fem regioner som är bäst på {indicator} ({year}) går inte att säga: källorna i data har värden "
        "för bara {n} av {total} regioner ({regions}).",
        "Which five regions lead on {indicator} ({year}) cannot be said: the sources in the data have values "
        "for only {n} of {total} regions ({regions}).",
    ),
    "top_five_are": ("Topp fem bland {total} regioner med data, {indicator} {year}: {regions}.",
                     "Top five among {total} regions with data, {indicator} {year}: {regions}."),
    "ranked_per_capita_title": ("Alla regioner: {indicator} per invånare, {year}",
                                "All regions: {indicator} per inhabitant, {year}"),
    "ranked_title": ("Alla regioner rangordnade: {indicator}, {year}", "All regions ranked: {indicator}, {year}"),
    "map_rank_scale": (
        "Färgen följer regionens plats bland regionerna med data (1 = bäst), inte värdet, så att en region med "
        "mycket högt värde inte gör alla andra lika. Siffran på kartan är platsen; värdena står i staplarna. "
        "Tjock kant: de fem fokusregionerna (hemregionen i orange).",
        "The colour follows the region's place among the regions with data (1 = best), not the value, so that one "
        "region with a very high value cannot make all the others look alike. The number on the map is the place; "
        "the values are in the bars. Thick border: the five focus regions (the home region in orange).",
    ),
    "map_place": ("Plats", "Place"),
    "bars_year_in_period": (
        "Staplarna visar {year}, det senaste året med värden inom vald period {period}; ett stapeldiagram visar "
        "ett år. Hela perioden region för region: Utveckling över tid.",
        "The bars show {year}, the latest year with values within the chosen period {period}; a bar chart shows one "
        "year. The whole period region by region: Change over time.",
    ),
    "bars_latest_year": (
        "Staplarna visar {year}, det senaste året med värden. Välj en period i sidomenyn för ett tidigare år; "
        "utvecklingen över åren visar Utveckling över tid.",
        "The bars show {year}, the latest year with values. Choose a period in the sidebar for an earlier year; "
        "Change over time shows the years.",
    ),
})

TEXT.update({
    # Världens topp fem (world top five)
    "page_world": ("Världens topp fem", "The world top five"),
    "world_intro": (
        "Regionen på de internationella listorna: plats, listans storlek, vem som har femte plats och hur långt "
        "dit är, trenden över utgåvorna och vad som krävs för att nå femte plats till målåret. Listor över städer, "
        "kluster, NUTS 2-regioner och lärosäten mäter olika saker; ingen lista väger ihop de andra.",
        "The region on the international lists: its place, the list's size, who holds fifth place and how far it "
        "is, the trend over editions and what it takes to reach fifth place by the target year. Lists of cities, "
        "clusters, NUTS 2 regions and universities measure different things; no list is combined with another.",
    ),
    "world_ladder_title": ("{region} på de internationella listorna", "{region} on the international lists"),
    "world_list": ("Lista", "List"),
    "world_scope": ("Rankar", "Ranks"),
    "world_edition": ("Utgåva", "Edition"),
    "world_method": ("Metod", "Method"),
    "world_entry": ("Regionens post", "The region's entry"),
    "world_place": ("Plats", "Place"),
    "world_fifth": ("Femte plats", "Fifth place"),
    "world_distance": ("Avstånd till femte", "Distance to fifth"),
    "world_trend": ("Trend över utgåvor", "Trend over editions"),
    "world_life_science": ("Life science-lista", "Life science list"),
    "world_scope_city": ("{n} städer", "{n} cities"),
    "world_scope_cluster": ("{n} kluster (städer/områden)", "{n} clusters (cities/areas)"),
    "world_scope_nuts2": ("{n} NUTS 2-regioner", "{n} NUTS 2 regions"),
    "world_scope_university": ("{n} lärosäten", "{n} universities"),
    "world_scope_city_unknown": ("städer (antal ej i källan)", "cities (number not in the source)"),
    "world_scope_cluster_unknown": ("kluster (antal ej i källan)", "clusters (number not in the source)"),
    "world_scope_nuts2_unknown": ("NUTS 2-regioner (antal ej i källan)", "NUTS 2 regions (number not in the source)"),
    "world_scope_university_unknown": ("lärosäten (antal ej i källan)", "universities (number not in the source)"),
    "world_place_of": ("{place} av {n}", "{place} of {n}"),
    "world_no_place": ("ingen plats i källorna", "no place in the sources"),
    "world_places": ("{n} platser", "{n} places"),
    "world_in_top_five": ("i topp fem", "in the top five"),
    "world_fifth_unknown": ("okänd (ej i källorna)", "unknown (not in the sources)"),
    "world_better": ("bättre", "better"),
    "world_worse": ("sämre", "worse"),
    "world_flat": ("oförändrad", "unchanged"),
    "world_per_year": ("{slope} platser/år", "{slope} places/year"),
    "world_one_edition": ("en utgåva", "one edition"),
    "world_yes": ("ja", "yes"),
    "world_no": ("nej", "no"),
    "world_distance_title": ("{region}: avstånd till femte plats på varje lista (senaste utgåvan)",
                             "{region}: distance to fifth place on each list (latest edition)"),
    "world_distance_axis": ("platser till femte plats", "places to fifth place"),
    "world_distance_text": ("plats {place} · {distance}", "place {place} · {distance}"),
    "world_trend_title": ("{region}: plats över utgåvor (listor med minst tre utgåvor)",
                          "{region}: place over editions (lists with at least three editions)"),
    "world_trend_axis": ("plats (1 = bäst, logaritmisk skala)", "place (1 = best, log scale)"),
    "world_path_title": ("Vägen till femte plats senast {year}", "The path to fifth place by {year}"),
    "world_path_none": ("Inget målår: ingen topp fem-mål i målen.", "No target year: no top-five goal among the goals."),
    "world_path_editions": ("Utgåvor", "Editions"),
    "world_path_slope": ("Trend", "Trend"),
    "world_path_left": ("Utgåvor kvar till {year}", "Editions left before {year}"),
    "world_path_needed": ("Förändring som krävs per utgåva", "Change needed per edition"),
    "world_path_reach": ("Femte plats nås i nuvarande takt", "Fifth place reached at the current trend"),
    "world_path_never": ("aldrig i denna takt", "never at this trend"),
    "world_path_in_top_five": ("redan i topp fem ({year})", "already in the top five ({year})"),
    "world_path_too_few": ("färre än tre utgåvor", "fewer than three editions"),
    "world_path_passed": ("målåret har passerats", "the target year has passed"),
    "world_path_places_per_edition": ("{n} platser per utgåva", "{n} places per edition"),
    "world_path_method": (
        "Metod: linjär trend över regionens platser i varje utgåva (minsta kvadrat, regr_slope). Förändring som "
        "krävs per utgåva = (5 − plats) / utgåvor kvar, där utgåvor kvar = (målår − senaste utgåvan) / listans "
        "genomsnittliga avstånd mellan utgåvor, avrundat nedåt. År i nuvarande takt = senaste utgåvan + (5 − plats) "
        "/ lutningen, avrundat uppåt; bara när trenden förbättrar platsen och det finns minst tre utgåvor. Negativt "
        "tal = platser att klättra. Målår {year}: {goal}.",
        "Method: a linear trend over the region's place in each edition (least squares, regr_slope). Change needed "
        "per edition = (5 − place) / editions left, where editions left = (target year − latest edition) / the "
        "list's average spacing between editions, rounded down. Year at the current trend = latest edition + "
        "(5 − place) / slope, rounded up; only when the trend improves the place and there are at least three "
        "editions. A negative number = places to climb. Target year {year}: {goal}.",
    ),
    "world_leaders_title": ("Vilka är topp fem? Senaste utgåvan per lista med platser 1–5 i källorna",
                            "Who are the top five? The latest edition per list with places 1–5 in the sources"),
    "world_leaders_note": ("En tom ruta: platsen finns inte i källorna som hämtats.",
                           "An empty cell: the place is not in the sources read."),
    "world_leaders_place": ("{n}:a", "No. {n}"),
    "world_nuts2_title": ("Jämförbara NUTS 2-indikatorer (Eurostat)", "Comparable NUTS 2 indicators (Eurostat)"),
    "world_nuts2_empty": (
        "Inga Eurostat-värden i data ännu. Hämta dem med till exempel: python -m regionstats fetch eurostat "
        "rd_e_gerdreg --geo SE11,DK01,DE21,FR10,CH04,FI1B --from 2019 --to 2023 (rapport först, inget skrivs "
        "förrän du bekräftar).",
        "No Eurostat figures in the data yet. Fetch them with for example: python -m regionstats fetch eurostat "
        "rd_e_gerdreg --geo SE11,DK01,DE21,FR10,CH04,FI1B --from 2019 --to 2023 (a report first, nothing is "
        "written before you confirm).",
    ),
    "world_city_entry": ("{name} (stadsregion/kluster, förs till länet)", "{name} (city region/cluster, filed under the county)"),
    "world_nuts2_not_fetched": ("inte hämtat från Eurostat ännu", "not fetched from Eurostat yet"),
    "world_level_note": (
        "Nivåspärr: NUTS 2-indikatorer rankas bara mot andra NUTS 2-regioner, aldrig mot län. Stockholms län är "
        "hela NUTS 2-regionen SE11; Uppsala, Östergötland och Örebro ligger i SE12, Västerbotten i SE33.",
        "Level guard: NUTS 2 indicators are ranked only against other NUTS 2 regions, never against counties. "
        "Stockholm county is the whole NUTS 2 region SE11; Uppsala, Östergötland and Örebro lie in SE12, "
        "Västerbotten in SE33.",
    ),
    "world_rank_among": ("plats {rank} av {n} NUTS 2-regioner med värde", "rank {rank} of {n} NUTS 2 regions with a value"),
    "world_caveat": (
        "Platserna är publicerade placeringar, inte beräknade här. Universitetslistor visar regionens bäst "
        "placerade lärosäte i utgåvor där dess lärosäte med flest utgåvor finns med. Listans storlek visas där "
        "en källa anger den. * = motstridig eller preliminär uppgift (se Data och källor).",
        "The places are published placings, not computed here. University lists show the region's best-placed "
        "university in the editions that include its university with the most editions. The list size is shown "
        "where a source states it. * = a conflicting or provisional figure (see Data and sources).",
    ),
})

TEXT.update({
    "matrix_limited": (
        "Visar {shown} av {total} indikatorer: nyckeltalens och strategiernas målindikatorer först, sedan efter "
        "kategori. Hemregionens plats i var och en finns i tabellen över avstånd på Topp fem-målet.",
        "Showing {shown} of {total} indicators: the key figures' and the strategies' goal indicators first, then "
        "by category. The home region's place in every one is in the table of gaps on The top-five goal.",
    ),
    "profile_limited": (
        "Visar {shown} av {total} indikatorer: nyckeltalens och strategiernas målindikatorer först, sedan efter "
        "kategori. Sammanvägningen nedan räknar med alla, inte bara de som visas.",
        "Showing {shown} of {total} indicators: the key figures' and the strategies' goal indicators first, then "
        "by category. The composite below uses all of them, not only those shown.",
    ),
    # print (PDF): a long table is printed in part, and the funding notes on sums of universities gathered
    "print_rows_shown": (
        "Utskriften visar de första {shown} av {total} raderna; alla finns i appen och i dess CSV-fil.",
        "The print shows the first {shown} of {total} rows; all are in the app and its CSV file.",
    ),
    "basis_sums": (
        "Summan av lärosätenas egna anslag, beräknad här (länet har inget publicerat värde): {items}",
        "The sum of the universities' own appropriations, computed here (the county has no published figure): "
        "{items}",
    ),
})

TEXT.update({
    # a link's page value that the page does not offer (ui/controls.py)
    "url_value_not_offered": (
        "Länkens {param} ”{value}” finns inte på den här sidan; {shown} visas i stället.",
        "The link's {param} “{value}” is not offered on this page; {shown} is shown instead.",
    ),
})

TEXT.update({
    # meetings (#20 part 1): Ändringar — what changed since a recorded data version (views/changes.py, versions.py)
    "page_changes": ("Ändringar sedan förra mötet", "What changed since the last meeting"),
    "changes_intro": (
        "Varje värde, plats, topp fem-bedömning och placering på en världslista som ändrats sedan en sparad "
        "dataversion (varje import, ångring och kurering sparas med datum), hemregionen först.",
        "Every value, rank, top-five verdict and place on a world list that changed since a recorded data "
        "version (each import, undo and curation is recorded with its date), the home region first.",
    ),
    "changes_since": ("Jämför med dataversion", "Compare with data version"),
    "changes_compared": (
        "Dataversion {since} jämförd med dagens data ({current}): {n} ändringar.",
        "Data version {since} compared with today's data ({current}): {n} changes.",
    ),
    "changes_current_unrecorded": ("version {version}, inte sparad ännu", "version {version}, not recorded yet"),
    "changes_today": ("I dag · {version}", "Today · {version}"),
    "changes_made_by_curation": ("kurering", "curation"),
    "changes_made_by_import": ("import", "import"),
    "changes_made_by_undo": ("ångrad import", "undone import"),
    "changes_tag_new_edition": ("Ny utgåva", "New edition"),
    "changes_tag_revised": ("Reviderad siffra", "Revised figure"),
    "changes_tag_new_source": ("Ny källa", "New source"),
    "changes_tag_newly_missing": ("Saknas nu", "Newly missing"),
    "changes_tag_filled": ("Nytt värde för tidigare år", "New figure for an earlier year"),
    "changes_what_value": ("Värde", "Value"),
    "changes_what_rank": ("Plats", "Rank"),
    "changes_what_verdict": ("Topp fem", "Top five"),
    "changes_what_ladder_place": ("Plats på världslista", "Place on a world list"),
    "changes_what": ("Vad", "What"),
    "changes_tag": ("Ändring", "Change"),
    "changes_before": ("Före", "Before"),
    "changes_after": ("Nu", "Now"),
    "changes_source_before": ("Källa före", "Source before"),
    "changes_source_after": ("Källa nu", "Source now"),
    "changes_place_of": ("plats {rank} av {n}", "rank {rank} of {n}"),
    "changes_place": ("plats {rank}", "place {rank}"),
    "changes_table_title": ("Ändringar sedan {date} (version {version})", "Changes since {date} (version {version})"),
    "changes_rule_note": (
        "Ny utgåva: ett år nyare än något regionen hade för indikatorn. Reviderad siffra: samma år, nytt värde. "
        "Ny källa: samma värde, annan källa. Saknas nu: ett värde som inte finns längre. Platser och topp "
        "fem-bedömningar jämförs för regionens senaste år med värde, efter dashboardens enda rangordningsregel; "
        "en plats som ändras samma år (reviderad) kan bero på andra regioners siffror.",
        "New edition: a year newer than any the region had for the indicator. Revised figure: the same year, "
        "a new value. New source: the same value, another source. Newly missing: a value that is gone. Ranks and "
        "top-five verdicts are compared at the region's latest year with a value, by the dashboard's one ranking "
        "rule; a rank that changes within the same year (revised) may be due to other regions' figures.",
    ),
    "changes_by_region_title": ("Antal ändringar per region sedan {date}", "Number of changes per region since {date}"),
    "changes_by_region_note": (
        "Städer, kluster och lärosäten räknas med sitt län.",
        "Cities, clusters and universities are counted with their county.",
    ),
    "changes_count_axis": ("ändringar", "changes"),
    "changes_source_note": (
        "Källa: dashboardens dataversioner {since} och {current} (data/.versions/); värdenas källor i tabellen",
        "Source: the dashboard's data versions {since} and {current} (data/.versions/); the values' sources in "
        "the table",
    ),
    "changes_history_chart_title": ("Antal värden per dataversion", "Number of values per data version"),
    "changes_values_axis": ("värden", "values"),
    "changes_history_source": (
        "Källa: dashboardens dataversioner (data/.versions/versions.json)",
        "Source: the dashboard's data versions (data/.versions/versions.json)",
    ),
    "changes_history_title": ("Sparade dataversioner", "Recorded data versions"),
    "changes_history_note": (
        "En version sparas vid varje import och ångring och med python -m regionstats snapshot efter en "
        "kurering. En presentation anger vilken version den gjordes från; öppna sidan med ?since=VERSION för "
        "att se den versionens siffror bredvid dagens.",
        "A version is recorded at each import and undo, and with python -m regionstats snapshot after a "
        "curation. A deck says which version it was made from; open this page with ?since=VERSION to see that "
        "version's figures beside today's.",
    ),
    "changes_version": ("Version", "Version"),
    "changes_date": ("Datum", "Date"),
    "changes_made_by": ("Gjord av", "Made by"),
    "changes_detail": ("Fil eller import", "File or import"),
    "changes_error_no_versions": (
        "Inga dataversioner sparade ännu. Nästa import sparar en, eller kör python -m regionstats snapshot.",
        "No data versions recorded yet. The next import records one, or run python -m regionstats snapshot.",
    ),
    "changes_error_no_earlier": (
        "Ingen tidigare dataversion än dagens ({version}) är sparad: inget att jämföra med ännu.",
        "No data version earlier than today's ({version}) is recorded: nothing to compare with yet.",
    ),
    "changes_error_before_first": (
        "Ingen dataversion sparad den {date} eller tidigare; den första är från {first}.",
        "No data version recorded on or before {date}; the first is from {first}.",
    ),
    "changes_error_snapshot_missing": (
        "Dataversion {version} finns i historiken men dess ögonblicksbild saknas i data/.versions/.",
        "Data version {version} is in the history but its snapshot is missing from data/.versions/.",
    ),
    "changes_error_unknown_version": (
        "”{since}” är varken ett datum (ÅÅÅÅ-MM-DD) eller en sparad dataversion.",
        "“{since}” is neither a date (YYYY-MM-DD) nor a recorded data version.",
    ),
    "changes_figures_title": ("{region}s siffror i versionen från {date} och i dag",
                              "{region}'s figures in the version of {date} and today"),
    "changes_in_version": ("I version {version}", "In version {version}"),
    "changes_today_column": ("I dag", "Today"),
    "changes_changed": ("Ändrad", "Changed"),
    "changes_yes": ("ja", "yes"),
    "changes_no": ("nej", "no"),
    "cli_changes_none": ("Inga ändringar.", "No changes."),
    "cli_snapshot_recorded": ("Dataversion {version} sparad ({date}, {made_by}).",
                              "Data version {version} recorded ({date}, {made_by})."),
})

TEXT.update({
    # meetings (#20 part 3): the yearly follow-up of a strategy as a Word document (export/followup.py)
    "followup_kind": ("Tjänsteskrivelse", "Official report"),
    "followup_title": ("Årlig uppföljning av life science-strategin: {owner}",
                       "Yearly follow-up of the life science strategy: {owner}"),
    "followup_subject": ("Uppföljning av strategins mål med dashboardens data",
                         "Follow-up of the strategy's goals with the dashboard's data"),
    "followup_meta": ("Datum {date} · dataversion {version}", "Date {date} · data version {version}"),
    "followup_footer": (
        "Gjord {date} ur Life science-regioner i Sverige, dataversion {version}. Status räknas ur data, skrivs "
        "aldrig in.",
        "Made {date} from Life science regions in Sweden, data version {version}. The status is computed from the "
        "data, never typed in.",
    ),
    "followup_case": ("Ärende", "Matter"),
    "followup_case_text": (
        "Årlig uppföljning {year} av {owner}s mål för life science: {n} mål, vart och ett med sitt mått, "
        "utgångsläge, senaste värde, målvärde, trend och bedömning.",
        "Yearly follow-up {year} of the life science goals of {owner}: {n} goals, each with its indicator, "
        "baseline, latest value, target, trend and assessment.",
    ),
    "followup_background": ("Bakgrund", "Background"),
    "followup_strategy_line": (
        "{title}, {publisher}{published}: {n} mål i uppföljningen.",
        "{title}, {publisher}{published}: {n} goals in this follow-up.",
    ),
    "followup_method": (
        "Strategierna lovar en årlig uppföljning med mätbara mål. Varje mål mäts här med den indikator som står "
        "i målraden (data/goals.csv), ofta ett närmaste offentligt mått; hur och varför står under målet. "
        "Utgångsläget är värdet det år strategin gavs ut (det senaste före, annars det första efter). Trenden "
        "är en rät linje genom alla värden. Ett mål med målvärde är på väg när det är nått eller när trenden "
        "når det till målåret; ett mål utan målvärde (”fler”, ”ledande”) är på väg när det senaste värdet är "
        "bättre än utgångsläget.",
        "The strategies promise a yearly follow-up with measurable goals. Each goal is measured here with the "
        "indicator its goal row names (data/goals.csv), often a nearest public measure; how and why is written "
        "under the goal. The baseline is the value in the year the strategy was published (the latest before, "
        "else the first after). The trend is a straight line through every value. A goal with a target is on "
        "track when it is met or when the trend reaches it by the target year; a goal without one (“more”, "
        "“a leader”) is on track when the latest value is better than the baseline.",
    ),
    "followup_results": ("Resultat per mål", "Results per goal"),
    "followup_summary": (
        "På väg: {on} · inte på väg: {off} · kan inte mätas: {unmeasured}.",
        "On track: {on} · off track: {off} · cannot be measured: {unmeasured}.",
    ),
    "followup_sources": ("Källor", "Sources"),
    "followup_region": ("Region", "Region"),
    "followup_baseline": ("Utgångsläge", "Baseline"),
    "followup_latest": ("Senaste värde", "Latest value"),
    "followup_target": ("Mål", "Target"),
    "followup_trend": ("Trend", "Trend"),
    "followup_status": ("Bedömning", "Assessment"),
    "followup_how_measured": ("Så mäts målet", "How the goal is measured"),
    "followup_no_indicator": ("inget mått (se bedömningen)", "no indicator (see the assessment)"),
    "followup_by_year": (" till {year}", " by {year}"),
    "followup_target_higher": ("högre än utgångsläget", "higher than the baseline"),
    "followup_target_lower": ("lägre än utgångsläget", "lower than the baseline"),
    "followup_no_trend": ("ingen trend: {n} värde", "no trend: {n} value"),
    "followup_trend_text": ("{amount} per år ({n} värden)", "{amount} per year ({n} values)"),
    "followup_status_on_track": ("På väg", "On track"),
    "followup_status_off_track": ("Inte på väg", "Off track"),
    "followup_status_not_measurable": ("Kan inte mätas", "Cannot be measured"),
    "followup_reason_no_indicator": ("inget offentligt mått", "no public indicator"),
    "followup_reason_no_data": ("inget värde för målets region", "no value for the goal's region"),
    "followup_reason_target_met": ("målvärdet är nått", "the target is met"),
    "followup_reason_target_year_reached": ("målåret är nått utan att målvärdet nåtts",
                                            "the target year is reached and the target is not"),
    "followup_reason_one_value": ("bara ett värde: ingen trend att bedöma", "one value only: no trend to judge"),
    "followup_reason_no_target_year": ("målet har inget målår", "the goal has no target year"),
    "followup_reason_trend_reaches_target": ("trenden når målvärdet till målåret",
                                             "the trend reaches the target by the target year"),
    "followup_reason_trend_misses_target": ("trenden når inte målvärdet till målåret",
                                            "the trend does not reach the target by the target year"),
    "followup_reason_no_value_after_baseline": (
        "inget värde efter utgångsläget: den senaste siffran är från strategins år eller tidigare",
        "no value after the baseline: the latest figure is from the strategy's year or earlier",
    ),
    "followup_reason_better_than_baseline": ("bättre än utgångsläget", "better than the baseline"),
    "followup_reason_not_better_than_baseline": ("inte bättre än utgångsläget", "not better than the baseline"),
    "followup_button": ("Årlig uppföljning (Word)", "Yearly follow-up (Word)"),
    "followup_choose": ("Strategi", "Strategy"),
    "followup_help": (
        "En tjänsteskrivelse med strategins mål: utgångsläge, senaste värde, mål, trend och bedömning. Görs när "
        "du klickar.",
        "An official report on the strategy's goals: baseline, latest value, target, trend and assessment. Made "
        "when you click.",
    ),
    "followup_quote": ("”{text}”", "“{text}”"),
    "followup_language_tag": ("sv-SE", "en-GB"),
    "cli_unknown_strategy": ("okänd strategi ”{strategy}”; välj en av: {known}",
                             "unknown strategy “{strategy}”; choose one of: {known}"),
})

# rules (#19 part 2): the period label (formatting.period)
TEXT.update({
    "period_latest": ("senaste år per indikator", "latest year per indicator"),
})

# data-se (#18): appropriations on one basis (the budget bill's university lines), the seed's cells beside them
TEXT.update({
    "basis_sums_one_basis": (
        "Summan av lärosätenas egna anslag enligt budgetpropositionen, beräknad här, en och samma grund för alla "
        "län och riket: {items}",
        "The sum of the universities' own appropriations in the budget bill, computed here, one basis for every "
        "county and Riket: {items}",
    ),
    "basis_published_cell_beside": (
        "Nyckeltalstabellens egna värden (osäkert år, de stämmer med 2019), visade som tryckta men inte rangordnade: "
        "{items}",
        "The key-figures table's own figures (year uncertain; they fit 2019), shown as printed but not ranked: "
        "{items}",
    ),
    "all_state_universities": ("alla statliga lärosäten under UO 16", "every state university under UO 16"),
    "series_break_note": (
        "Brott i serien (prickad linje; värdena före och efter är inte samma serie): {items}",
        "Break in the series (dotted line; the values before and after are not one series): {items}",
    ),
})

# --- composed (#20 part 2): regions composed of counties ---------------------------------------------------
TEXT.update({
    "compose_title": ("Sammansatt region", "Composed region"),
    "compose_help": (
        "Sätt samman en funktionell region av län. Varje värde räknas om i SQL ur länens egna: belopp adderas, "
        "andelar och värden per invånare som summan av täljarna delad med summan av nämnarna (aldrig ett "
        "medelvärde av länens andelar). Placeringar räknas aldrig ihop. Saknas ett län blir värdet ofullständigt.",
        "Compose a functional region of counties. Every value is recomputed in SQL from the counties' own: "
        "amounts are added, shares and values per inhabitant are the sum of the numerators over the sum of the "
        "denominators (never an average of the counties' shares). Places are never added up. When a county "
        "lacks a value, the composed value is incomplete.",
    ),
    "compose_shown": ("Sammansatta regioner som visas", "Composed regions shown"),
    "compose_name": ("Namn", "Name"),
    "compose_members": ("Län", "Counties"),
    "compose_add": ("Lägg till", "Add"),
    "compose_suggestions": ("Förslag", "Suggestions"),
    "compose_suggestion_none": ("—", "—"),
    "compose_suggestion_stockholm_uppsala": ("Stockholm + Uppsala", "Stockholm + Uppsala"),
    "compose_suggestion_nuts2": ("{name} ({members})", "{name} ({members})"),
    "compose_invalid": (
        "Ge regionen ett namn (högst {max_name} tecken, utan : och ;) och välj minst två län.",
        "Give the region a name (at most {max_name} characters, without : and ;) and choose at least two counties.",
    ),
    "compose_taken": ("Det finns redan en sammansatt region med det namnet eller de länen.",
                      "There is already a composed region with that name or those counties."),
    "compose_too_many": ("Högst {n} sammansatta regioner åt gången.", "At most {n} composed regions at a time."),
    "compose_medicon_valley": (
        "Medicon Valley (Skåne med Region Hovedstaden och Region Sjælland) går inte att sätta samman än: data "
        "för de danska regionerna finns inte i panelen.",
        "Medicon Valley (Skåne with the Capital Region and Region Zealand of Denmark) cannot be composed yet: "
        "the dashboard has no data for the Danish regions.",
    ),
    "composed_label": ("{name} (sammansatt)", "{name} (composed)"),
    "composed_members_note": ("{name} = {members}, sammansatt här: {method}",
                              "{name} = {members}, composed here: {method}"),
    "composed_method_sum": ("summan av länens värden", "the sum of the counties' values"),
    "composed_method_ratio": ("summan av täljarna delad med summan av nämnarna",
                              "the sum of the numerators over the sum of the denominators"),
    "composed_method_per_capita": (
        "summan av beloppen delad med summan av folkmängden 31 december året före",
        "the sum of the amounts over the sum of the populations on 31 December of the year before",
    ),
    "composed_incomplete": ("{name} {years}: ofullständig, saknas för {members}",
                            "{name} {years}: incomplete, missing for {members}"),
    "composed_population_incomplete": (
        "{name} {years}: folkmängden 31 december året före saknas för {members}",
        "{name} {years}: the population on 31 December of the year before is missing for {members}",
    ),
    "composed_not_composable": ("{name}: {indicator} kan inte beräknas för sammansatta regioner",
                                "{name}: {indicator} cannot be computed for composed regions"),
    "composed_zero_denominator": ("{name} {years}: nämnaren är 0", "{name} {years}: the denominator is 0"),
    "composed_no_place": ("ingen egen plats", "no place of its own"),
    "composed_no_place_note": (
        "En sammansatt region är inget län: den visas bredvid länen med sitt värde men får ingen egen plats och "
        "räknas aldrig in i topp fem.",
        "A composed region is not a county: it is shown beside the counties with its value, but has no place "
        "of its own and never counts in the top five.",
    ),
})

# integrator: the all-regions chart says its basis in one line (the chosen regions' chart names the universities)
TEXT.update({
    "basis_sums_all_regions": (
        "Varje läns värde är summan av dess lärosätens anslag enligt budgetpropositionen, en och samma grund för "
        "alla län och riket; lärosätena namnges under diagrammet över de valda regionerna.",
        "Each county's figure is the sum of its universities' appropriations in the budget bill, one basis for "
        "every county and Riket; the universities are named under the chart of the chosen regions.",
    ),
})

TEXT.update({
    # branch imports (#22): no wrong number gets in
    "import.problem.mixed_encoding": (
        "rad {line}: tecknen går inte att läsa som UTF-8, men rad {utf8_line} är skriven i UTF-8; filen blandar "
        "två teckenkodningar (att läsa den som Windows-1252 skulle ge ”KÃ¤lla”). Spara filen igen som ”CSV UTF-8”",
        "line {line}: the characters cannot be read as UTF-8, but line {utf8_line} is written in UTF-8; the file "
        "mixes two encodings (reading it as Windows-1252 would give “KÃ¤lla”). Save the file again as “CSV UTF-8”",
    ),
    "import.problem.metadata_not_data": (
        "det här är metadata, inte data: tabellens variabler och koder utan några värden ({label}). Hämta "
        "tabellens data (…/data?outputFormat=json-stat2) i stället för …/metadata",
        "this is metadata, not data: the table's variables and codes without any values ({label}). Fetch the "
        "table's data (…/data?outputFormat=json-stat2) instead of …/metadata",
    ),
    "import.problem.title_not_population": (
        "tabellen heter ”{title}”, vilket inte är folkmängden (till exempel dess förändring); bara Folkmängd "
        "importeras som befolkning",
        "the table is called “{title}”, which is not the population (its change, for instance); only "
        "Folkmängd is imported as population",
    ),
    "import.problem.beyond_population": (
        "{value} kan inte vara en befolkning (mer än {limit} personer)",
        "{value} cannot be a population (more than {limit} persons)",
    ),
    "import.problem.population_neighbour": (
        "{key}: {value} är {share} av det lagrade värdet för {reference_year} ({reference}); så mycket ändras "
        "ingen befolkning. Är det en delmängd (ett kön, en åldersgrupp) eller befolkningens förändring?",
        "{key}: {value} is {share} of the stored value for {reference_year} ({reference}); no population changes "
        "that much. Is it a subgroup (one sex, an age band) or the change in population?",
    ),
    "import.problem.sum_of_parts": (
        "{year}: länen summerar till {counties} men riket är {country}; delarna ska bli helheten. Är något av "
        "värdena en delmängd eller från en annan tidpunkt?",
        "{year}: the counties sum to {counties} but Riket is {country}; the parts should make the whole. Is one "
        "of the values a subgroup or from another date?",
    ),
    "import.problem.series_range": (
        "{key}: {value} ligger långt utanför seriens senaste värden ({low}–{high}); fel enhet (kr i stället för "
        "mnkr?) eller en delmängd?",
        "{key}: {value} is far outside the series' recent values ({low}–{high}); the wrong unit (SEK instead of "
        "MSEK?) or a subgroup?",
    ),
    "import.problem.year_column_as_values": (
        "rad {line}: kolumnen ”{column}” innehåller årtal, inte värden; filen är en lång tabell (en rad per region "
        "och år, rubriker: {header}) och skulle läsas som om årtalen vore värdena. Använd mallens kolumner "
        "region_code, indicator_id, year, value och source_id",
        "line {line}: the column “{column}” holds years, not values; the file is a long table (one row per region "
        "and year, headers: {header}) and would be read as if the years were the values. Use the template's "
        "columns region_code, indicator_id, year, value and source_id",
    ),
    "import.problem.kolada_kpi": (
        "Kolada-nyckeltalet {value} känns inte igen; kända: {known}",
        "the Kolada KPI {value} is not recognised; known: {known}",
    ),
    "import.problem.kolada_gender": (
        "rad {line}: kön ”{value}” är en delmängd av befolkningen; ta bara med raderna för T (totalt)",
        "line {line}: gender “{value}” is a part of the population; keep only the rows for T (total)",
    ),
    "import_mapping_title": ("Bred tabell? Läs den med en mappning", "A wide table? Read it with a mapping"),
    "import_mapping_help": (
        "En tabell med regioner som kolumner och indikatorer som rader (som nyckeltalstabellen) läses med en "
        "mappning (JSON) som säger vilken rad som är vilken indikator och vilken kolumn som är vilken region. "
        "Förslaget nedan är gissat ur rubrikerna: fyll i år (year) och källa (source_id) och kontrollera det, "
        "eller ladda upp en egen mappningsfil. Se docs/adding-data.md.",
        "A table with regions as columns and indicators as rows (like the key-figures table) is read with a "
        "mapping (JSON) that says which row is which indicator and which column which region. The proposal "
        "below is guessed from the labels: fill in the year and the source (source_id) and check it, or upload "
        "a mapping file of your own. See docs/adding-data.md.",
    ),
    "import_mapping_file": ("Mappningsfil (JSON)", "Mapping file (JSON)"),
    "import_mapping_text": ("Mappning (JSON)", "Mapping (JSON)"),
    "import_mapping_use": ("Läs filen som bred tabell med mappningen", "Read the file as a wide table with the mapping"),
    "import.problem.subpopulation_title": (
        "tabellens rubrik ”{title}” är låst till ”{value}”, en delmängd av befolkningen och inte hela den. "
        "Välj totalen (totalt, båda könen) för den variabeln i PxWeb och ladda ner igen",
        "the table's title “{title}” is fixed at “{value}”, a part of the population and not all of it. "
        "Choose the total (totalt, båda könen) for that variable in PxWeb and download again",
    ),
})

TEXT.update({
    # branch scale: the download popover under each chart and table (ui/exports.py), its buttons made on opening
    "downloads_menu": ("Ladda ned", "Download"),
    "downloads_menu_help": (
        "Diagrammet som bild (PNG, SVG) eller datan bakom det (CSV, Excel)",
        "The chart as a picture (PNG, SVG) or the data behind it (CSV, Excel)",
    ),
})

# data-eu: European NUTS 2 regions (the Eurostat extract, the map) and the ladders' method segments
TEXT.update({
    "world_break": ("ny metod {year}", "new method {year}"),
    "world_break_note": (
        "Prickad linje: listan bytte metod (vad den räknar eller vilka regioner den rankar). Trenden, "
        "förändringen som behövs per utgåva och året målet nås räknas bara inom den senaste metoden.",
        "Dotted line: the list changed its method (what it counts or which regions it ranks). The trend, the "
        "change needed per edition and the year the goal is reached are computed within the latest method only.",
    ),
    "world_trend_segment": ("trend sedan metodbytet {year}", "trend since the method change in {year}"),
    "world_one_edition_segment": ("en utgåva sedan metodbytet {year}: ingen trend",
                                  "one edition since the method change in {year}: no trend"),
    "world_nuts2_home_title": ("{region} bland Europas NUTS 2-regioner (Eurostat)",
                               "{region} among Europe's NUTS 2 regions (Eurostat)"),
    "world_nuts2_best": ("Bäst", "Best"),
    "world_nuts2_year_note": (
        "Året är det senaste då regionen har ett värde (FoU mäts vartannat år i Sverige); platsen gäller "
        "NUTS 2-regionerna (NUTS 2016) med värde samma år. Värdena är Eurostats, lästa ur en kopia (se källan).",
        "The year is the latest in which the region has a value (R&D is surveyed every other year in Sweden); "
        "the place is among the NUTS 2 regions (NUTS 2016) with a value that year. The values are Eurostat's, "
        "read from a copy (see the source).",
    ),
    "world_nuts2_peers_title": ("Europas ledande life science-regioner på NUTS 2-nivå (Eurostat)",
                                "Europe's leading life science regions at NUTS 2 level (Eurostat)"),
    "world_nuts2_peers_note": (
        "Värde och plats bland NUTS 2-regionerna med värde samma år; saknas = inget värde i källan det året. "
        "East of England visas som East Anglia (UKH1), London som Inner London – West (UKI3).",
        "Value and place among the NUTS 2 regions with a value that year; missing = no value in the source that "
        "year. East of England is shown as East Anglia (UKH1), London as Inner London – West (UKI3).",
    ),
    "world_value_place": ("{value} (plats {rank})", "{value} (rank {rank})"),
    "world_nuts2_map_title": ("{indicator} {year}: NUTS 2-regionernas plats",
                              "{indicator} {year}: the NUTS 2 regions' places"),
    "world_nuts2_map_note": (
        "Mörkast = plats 1 (högst andel). Grått: inget värde det året (eller en region utanför NUTS 2016). "
        "Hemregionen har orange kant.",
        "Darkest = rank 1 (the highest share). Grey: no value that year (or a region outside NUTS 2016). The "
        "home region has an orange border.",
    ),
    "world_nuts2_map_credit": (
        "Karta: Eurostat/GISCO, NUTS 2016, skala 1:60 miljoner. © EuroGeographics för de administrativa gränserna.",
        "Map: Eurostat/GISCO, NUTS 2016, scale 1:60 million. © EuroGeographics for the administrative boundaries.",
    ),
})

# --- english-b (#23): English means English ---------------------------------------------------------------------
TEXT.update({
    "in_swedish": ("(på svenska)", "(in Swedish)"),  # before a data text that has no English written yet
    "title_in_swedish": ("(på svenska)", "(in Swedish)"),  # after a source title published in Swedish
})

# --- txa (#22): an agency's long table (Tillväxtanalys' PxWeb XLSX) read with the mapping -----------------------
TEXT.update({
    "import_mapping_long_help": (
        "En myndighets långa tabell (som ett PxWeb-uttag från Tillväxtanalys: period och region i de första "
        "kolumnerna, värdena i kolumnen under rubriken) läses med samma mappning: varje etikett under rows, till "
        "exempel ”2023Q4” och ”20 Dalarnas län”, mappas för sig, och en rad läses bara när alla dess etiketter "
        "finns i mappningen. Ett kvartal eller en månad blir aldrig ett år av sig själv: skriv vilket år den står "
        "för (year) och vilken period (period_label).",
        "An agency's long table (such as a PxWeb download from Tillväxtanalys: the period and the region in the "
        "first columns, the values in the column under the heading) is read with the same mapping: each label "
        "under rows, for example “2023Q4” and “20 Dalarnas län”, is mapped on its own, and a row is read only "
        "when all its labels are in the mapping. A quarter or a month never becomes a year by itself: write "
        "which year it stands for (year) and which period (period_label).",
    ),
})

# --- srclang (#23): the language of a source title ---------------------------------------------------------------
TEXT.update({
    "title_in_danish": ("(på danska)", "(in Danish)"),  # after a source title published in Danish
    "source_language": ("Språk", "Language"),
    "source_language_sv": ("svenska", "Swedish"),
    "source_language_en": ("engelska", "English"),
    "source_language_da": ("danska", "Danish"),
    "source_language_unknown": ("ej angivet", "not stated"),
})
