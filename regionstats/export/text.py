"""The export texts in Swedish and English (kept apart from i18n.py, which the pages own)."""

TEXT = {
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
    "sources_title": ("Titel", "Title"),
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
    "deck_years_latest": ("senaste år per indikator", "latest year per indicator"),
    "deck_pages": ("Sidor: {pages}", "Pages: {pages}"),
    "deck_made": ("Skapad {date}", "Made {date}"),
    "deck_data_version": ("Dataversion {version}", "Data version {version}"),
    "deck_no_charts": ("Inga diagram för urvalet på sidan {page}.",
                       "No charts for the selection on the page {page}."),
    "notes_numbers": ("Siffrorna bakom diagrammet:", "The numbers behind the chart:"),
    "notes_remarks": ("Anmärkningar:", "Remarks:"),
    "notes_source": ("Källa:", "Source:"),
    "definitions_title": ("Definitioner och källor", "Definitions and sources"),
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
    "present_counter": ("Diagram {n} av {total}", "Chart {n} of {total}"),
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
    "cli_bad_years": ("--years ska vara ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ inom {first}–{last}, fick ”{value}”",
                      "--years should be YYYY or YYYY-YYYY within {first}–{last}, got “{value}”"),
    "cli_pdf_one_page": ("pdf tar en sida i taget; fick {pages}",
                         "pdf takes one page at a time; got {pages}"),
    "cli_server_failed": ("kunde inte starta Streamlit-servern för PDF: {detail}",
                          "could not start the Streamlit server for the PDF: {detail}"),
    "cli_no_folder": ("mappen {folder} finns inte; skapa den först eller välj en annan --out",
                      "the folder {folder} does not exist; create it first or choose another --out"),
    "cli_out_is_folder": ("--out ska vara en fil, men {path} är en mapp", "--out should be a file, but {path} is a folder"),
    "cli_write_failed": ("kunde inte skriva {path}: {reason}", "could not write {path}: {reason}"),
}


def t(key: str, lang: str = "sv", **values) -> str:
    sv, en = TEXT[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text
