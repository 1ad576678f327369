"""Every user-facing text in Swedish and English. ``t(key, lang, **values)``."""

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
    "riket": ("Riket", "Sweden"),
    "rank": ("Plats", "Rank"),
    "rank_of": ("{rank} av {n}", "{rank} of {n}"),
    "year": ("År", "Year"),
    "region": ("Region", "Region"),
    "value": ("Värde", "Value"),
    "indicator": ("Indikator", "Indicator"),
    "unit": ("Enhet", "Unit"),
    "status": ("Status", "Status"),
    "note": ("Anmärkning", "Note"),
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


def t(key: str, lang: str = "sv", **values) -> str:
    """The text for key in lang, with {placeholders} filled in."""
    sv, en = TEXT[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text


def name_column(lang: str) -> str:
    """'name_sv' or 'name_en'."""
    return "name_sv" if lang == "sv" else "name_en"


def pick(row, base: str, lang: str):
    """row[f'{base}_sv'] or row[f'{base}_en']."""
    return row[f"{base}_{'sv' if lang == 'sv' else 'en'}"]

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
