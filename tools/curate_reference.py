"""Derive this project's reference rows in data/ from data/raw/reference/*.csv, reproducibly.

Run from the repository root::

    .venv/bin/python tools/curate_reference.py            # rewrite the files
    .venv/bin/python tools/curate_reference.py --check    # exit 1 if the files differ from what it would write

What it writes
--------------
* ``data/observations.csv``: the first 83 rows (the key-figures table of Region Örebro län's strategy) are
  kept byte for byte; every row after them is regenerated here, in a fixed order.
* ``data/sources.csv``: the key-figures source row is kept; after it come one row per seed document used by
  ``goals.csv`` and one row per distinct reference URL that at least one kept observation rests on.
* ``data/regions.csv`` and ``data/indicators.csv``: existing rows are kept; the rows this script owns
  (``NEW_REGIONS``, ``NEW_INDICATORS``) are appended (replacing an earlier copy of themselves).
* ``data/goals.csv``: the goals of the seed documents (``GOALS``), quoted verbatim.

Every decision is written down below: which reference indicators map to which indicator_id (``RF_MAP``,
``GB_MAP``), which rows are left out and why (``SKIP_*``), and per-row overrides of status and note
(``OVERRIDES``). Nothing is estimated: values are taken as they stand in the reference CSVs; the only
arithmetic is tkr → MSEK (÷ 1000).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import curate_world  # noqa: E402  the world top-five inputs (data/raw/world/)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REFERENCE = ROOT / "data" / "raw" / "reference"
ACCESSED = "2026-11-24"
KEYFIGURE_ROWS = 83
KEYFIGURE_SOURCE = "orebro_ls_strategy_2021"

OBS_COLUMNS = ["region_code", "indicator_id", "year", "period_start", "period_end", "period_label", "value",
               "value_text", "value_low", "value_high", "status", "source_id", "note"]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "accessed", "licence", "note"]
REGION_COLUMNS = ["region_code", "kind", "name_sv", "name_en", "nuts2", "county_code", "alf_region",
                  "focus_region", "note"]
INDICATOR_COLUMNS = ["indicator_id", "name_sv", "name_en", "unit", "unit_sv", "unit_en", "decimals",
                     "direction", "category", "definition_sv", "definition_en", "convention_sv", "convention_en"]
GOAL_COLUMNS = ["goal_id", "owner", "title_sv", "title_en", "goal_text", "indicator_id", "region_code",
                "target_value", "target_comparator", "target_year", "source_id", "note"]

# --------------------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------------------

COUNTIES = {
    "Sweden": "00", "Stockholm": "01", "Uppsala": "03", "Södermanland": "04", "Östergötland": "05",
    "Jönköping": "06", "Kronoberg": "07", "Kalmar": "08", "Gotland": "09", "Blekinge": "10", "Skåne": "12",
    "Halland": "13", "Västra Götaland": "14", "Värmland": "17", "Örebro": "18", "Västmanland": "19",
    "Dalarna": "20", "Gävleborg": "21", "Västernorrland": "22", "Jämtland": "23", "Västerbotten": "24",
    "Norrbotten": "25",
}
UNIVERSITIES = {
    "Karolinska Institutet": "uni_ki", "Stockholms universitet": "uni_su", "KTH": "uni_kth",
    "Uppsala universitet": "uni_uu", "Linköpings universitet": "uni_liu", "Örebro universitet": "uni_oru",
    "Umeå universitet": "uni_umu", "Lunds universitet": "uni_lu", "Malmö universitet": "uni_mau",
    "Göteborgs universitet": "uni_gu", "Chalmers": "uni_chalmers",
}
# MedCity's 20 cities (global_benchmarks.csv entity → region_code). Stockholm → county 01, with a note.
MEDCITY = {
    "Boston": "city_boston", "New York": "city_new_york", "London": "city_london",
    "San Francisco": "city_san_francisco", "Paris": "city_paris", "Tokyo": "city_tokyo",
    "Singapore": "city_singapore", "San Diego": "city_san_diego", "Shanghai-Suzhou": "city_shanghai_suzhou",
    "Cambridge": "city_cambridge", "Oxford": "city_oxford", "Amsterdam": "city_amsterdam",
    "Munich": "city_munich", "Basel": "city_basel", "Berlin": "city_berlin", "Stockholm": "01",
    "Melbourne": "city_melbourne", "Hong Kong": "city_hong_kong", "Shenzhen": "city_shenzhen",
    "Hyderabad": "city_hyderabad",
}
# WIPO S&T clusters → region_code. A cluster named after several cities goes to the city code of the first
# one, and the note names the WIPO cluster; the Swedish clusters go to their county, with a note.
WIPO = {
    "Stockholm": "01", "Gothenburg": "14", "Copenhagen": "city_copenhagen",
    "Shenzhen-Hong Kong-Guangzhou": "city_shenzhen", "Tokyo-Yokohama": "city_tokyo",
    "San Jose-San Francisco": "city_san_francisco", "Beijing": "city_beijing", "Seoul": "city_seoul",
    "Shanghai-Suzhou": "city_shanghai_suzhou", "New York City": "city_new_york", "London": "city_london",
    "Boston-Cambridge": "city_boston", "Los Angeles": "city_los_angeles",
    "Osaka-Kobe-Kyoto": "city_osaka_kobe_kyoto", "Paris": "city_paris", "Hangzhou": "city_hangzhou",
    "San Diego": "city_san_diego", "Nanjing": "city_nanjing", "Munich": "city_munich",
    "Amsterdam-Rotterdam": "city_amsterdam",
}
WIPO_NAME_SV = {
    "Stockholm": "Stockholm", "Gothenburg": "Göteborg", "Copenhagen": "Köpenhamn",
    "Shenzhen-Hong Kong-Guangzhou": "Shenzhen–Hongkong–Guangzhou", "Tokyo-Yokohama": "Tokyo–Yokohama",
    "San Jose-San Francisco": "San Jose–San Francisco", "Beijing": "Peking", "Seoul": "Seoul",
    "Shanghai-Suzhou": "Shanghai–Suzhou", "New York City": "New York City", "London": "London",
    "Boston-Cambridge": "Boston–Cambridge (Massachusetts)", "Los Angeles": "Los Angeles",
    "Osaka-Kobe-Kyoto": "Osaka–Kobe–Kyoto", "Paris": "Paris", "Hangzhou": "Hangzhou", "San Diego": "San Diego",
    "Nanjing": "Nanjing", "Munich": "München", "Amsterdam-Rotterdam": "Amsterdam–Rotterdam",
}
LS_REGIONS = {"Stockholm-Uppsala": "city_stockholm_uppsala", "Medicon Valley": "city_medicon_valley"}

NEW_REGIONS = [
    # region_code, kind, name_sv, name_en, nuts2, county_code, alf_region, focus_region, note
    ["city_stockholm_uppsala", "city", "Stockholm–Uppsala (life science-region)",
     "Stockholm–Uppsala (life science region)", "", "", "false", "false",
     "Sverige. Klusterregion, inte ett län: Stockholms och Uppsala län, i vissa källor även Södermanland – "
     "avgränsningen står i varje värdes not"],
    ["city_medicon_valley", "city", "Medicon Valley", "Medicon Valley", "", "", "false", "false",
     "Sverige/Danmark. Gränsöverskridande klusterregion: Skåne och Själland (Köpenhamn)"],
    ["city_copenhagen", "city", "Köpenhamn", "Copenhagen", "", "", "false", "false", "Danmark"],
    ["city_beijing", "city", "Peking", "Beijing", "", "", "false", "false", "Kina"],
    ["city_seoul", "city", "Seoul", "Seoul", "", "", "false", "false", "Sydkorea"],
    ["city_los_angeles", "city", "Los Angeles", "Los Angeles", "", "", "false", "false", "USA"],
    ["city_osaka_kobe_kyoto", "city", "Osaka–Kobe–Kyoto", "Osaka–Kobe–Kyoto", "", "", "false", "false", "Japan"],
    ["city_hangzhou", "city", "Hangzhou", "Hangzhou", "", "", "false", "false", "Kina"],
    ["city_nanjing", "city", "Nanjing", "Nanjing", "", "", "false", "false", "Kina"],
]

# --------------------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------------------

_BREAK_SV = ("Serien bryts 2019: från 2019 redovisar SCB ALF-medel i offentlig sektor (regionerna) i stället för "
             "universitets- och högskolesektorn, så 2019 är inte jämförbart med tidigare år.")
_BREAK_EN = ("The series breaks in 2019: from 2019 SCB books ALF money in the public sector (the regions) instead "
             "of the university sector, so 2019 is not comparable with earlier years.")

NEW_INDICATORS = [
    ["arwu_world_rank", "ARWU (Shanghairankingen), plats i världen", "ARWU (Shanghai Ranking), world rank",
     "rank", "plats", "rank", "0", "lower", "ranking",
     "Lärosätets plats i ShanghaiRankings Academic Ranking of World Universities. Band som 101–150 behålls som "
     "band. En exakt plats inom ett band används bara när lärosätet självt (eller en namngiven analytiker) anger "
     "den; noten säger det.",
     "The university's place in ShanghaiRanking's Academic Ranking of World Universities. Bands such as "
     "101–150 are kept as bands. An exact place inside a band is used only where the university itself (or a "
     "named analyst) states it; the note says so.",
     "År = rankningens utgåva, som för ARWU är publiceringsåret (ARWU 2019 publicerades i augusti 2019).",
     "Year = the ranking's edition, which for ARWU is the year of publication (ARWU 2019 was published in "
     "August 2019)."],
    ["arwu_clinical_medicine_rank", "ARWU ämnesrankning, klinisk medicin",
     "ARWU subject ranking, Clinical Medicine", "rank", "plats", "rank", "0", "lower", "ranking",
     "Lärosätets plats i ShanghaiRankings ämnesrankning (Global Ranking of Academic Subjects) för ämnet "
     "Clinical Medicine.",
     "The university's place in ShanghaiRanking's Global Ranking of Academic Subjects for Clinical Medicine.",
     "År = ämnesrankningens utgåva (publiceringsåret). Den äldre breda ämnesgruppen ”Clinical Medicine and "
     "Pharmacy” (t.ex. 2015) är en annan avgränsning och ingår inte.",
     "Year = the subject ranking's edition (year of publication). The older broad field “Clinical Medicine and "
     "Pharmacy” (e.g. 2015) is defined differently and is not included."],
    ["qs_world_rank", "QS, plats i världen", "QS, world rank", "rank", "plats", "rank", "0", "lower", "ranking",
     "Lärosätets plats i QS World University Rankings.",
     "The university's place in the QS World University Rankings.",
     "År = utgåvans namn enligt QS, som ligger ett år före publiceringen: QS WUR 2018 publicerades i juni "
     "2017. Äldre utgåvor med dubbelårtal (2015/16, publicerad september 2015) står under det senare året.",
     "Year = the edition as QS names it, one year ahead of publication: QS WUR 2018 was published in June "
     "2017. Older editions with two years (2015/16, published September 2015) are filed under the later year."],
    ["rd_business_msek", "FoU-utgifter, företagssektorn", "R&D expenditure, business sector", "msek", "MSEK",
     "MSEK", "0", "higher", "funding",
     "Utgifter för egen FoU i företagssektorn per län, löpande priser (SCB). SCB:s reviderade serie från "
     "2020-10-29, där 2007–2017 räknats om med ny metod.",
     "Intramural R&D expenditure in the business enterprise sector by county, current prices (SCB). SCB's "
     "revised series of 2020-10-29, in which 2007–2017 were re-estimated with a new method.",
     "År = referensår (udda år 2007–2019). SCB:s ursprungliga skattning för 2017 (tabell 2019-03-14) är "
     "ersatt av den reviderade serien och ingår inte. ”..” = uppgiften sekretessbelagd av SCB.",
     "Year = reference year (odd years 2007–2019). SCB's original 2017 estimate (table of 2019-03-14) is "
     "superseded by the revised series and left out. “..” = suppressed by SCB."],
    ["rd_public_msek", "FoU-utgifter, offentlig sektor", "R&D expenditure, public sector", "msek", "MSEK",
     "MSEK", "0", "higher", "funding",
     "Utgifter för egen FoU i offentlig sektor (statliga myndigheter, regioner, kommuner; inte universitet och "
     "högskolor) per län, löpande priser (SCB).",
     "Intramural R&D expenditure in the public sector (government agencies, regions, municipalities; not "
     "universities) by county, current prices (SCB).",
     "År = referensår. " + _BREAK_SV, "Year = reference year. " + _BREAK_EN],
    ["rd_public_fte", "FoU-årsverken, offentlig sektor", "R&D full-time equivalents, public sector", "fte",
     "årsverken", "FTE", "0", "higher", "capacity",
     "Årsverken i egen FoU i offentlig sektor (statliga myndigheter, regioner, kommuner) per län (SCB).",
     "Full-time equivalents in intramural R&D in the public sector (government agencies, regions, "
     "municipalities) by county (SCB).",
     "År = referensår. " + _BREAK_SV, "Year = reference year. " + _BREAK_EN],
    ["rd_university_msek", "FoU-utgifter, universitets- och högskolesektorn",
     "R&D expenditure, higher education sector", "msek", "MSEK", "MSEK", "0", "higher", "funding",
     "Utgifter för egen FoU i universitets- och högskolesektorn per län, löpande priser (SCB). Till och med "
     "2018 ingår ALF-finansierad klinisk forskning.",
     "Intramural R&D expenditure in the higher education sector by county, current prices (SCB). Up to 2018 "
     "it includes ALF-funded clinical research.",
     "År = referensår. " + _BREAK_SV + " Värdena för 2017 kommer ur SCB:s tabell 2019-03-14.",
     "Year = reference year. " + _BREAK_EN + " The 2017 values come from SCB's table of 2019-03-14."],
    ["rd_total_msek", "FoU-utgifter, alla sektorer", "R&D expenditure, all sectors", "msek", "MSEK", "MSEK",
     "0", "higher", "funding",
     "Utgifter för egen FoU i alla sektorer, löpande priser (SCB).",
     "Intramural R&D expenditure in all sectors, current prices (SCB).",
     "År = referensår. Länsvärdena för 2017 kommer ur SCB:s tabell 2019-03-14 och bygger på den ursprungliga "
     "skattningen för företagssektorn, som SCB reviderade 2020; de stämmer därför inte med summan av de "
     "reviderade sektorserierna.",
     "Year = reference year. The county values for 2017 come from SCB's table of 2019-03-14 and rest on the "
     "original business-sector estimate that SCB revised in 2020; they therefore do not equal the sum of the "
     "revised sector series."],
    ["rd_share_of_sweden_pct", "Andel av Sveriges FoU-utgifter", "Share of Sweden's R&D expenditure", "percent",
     "% av riket", "% of Sweden", "1", "higher", "funding",
     "Länets andel av Sveriges totala utgifter för egen FoU i alla sektorer (SCB).",
     "The county's share of Sweden's total intramural R&D expenditure in all sectors (SCB).",
     "År = referensår. 2017 bygger på den ursprungliga skattningen för företagssektorn (se FoU-utgifter, alla "
     "sektorer).",
     "Year = reference year. 2017 rests on the original business-sector estimate (see R&D expenditure, all "
     "sectors)."],
    ["rd_share_gdp_total", "FoU-intensitet, andel av BNP", "R&D intensity, share of GDP", "percent",
     "% av BNP", "% of GDP", "2", "higher", "funding",
     "Sveriges totala utgifter för egen FoU som andel av bruttonationalprodukten (SCB). Bara riket; för län, "
     "se ”FoU-utgifter, alla sektorer, andel av BRP”.",
     "Sweden's total intramural R&D expenditure as a share of gross domestic product (SCB). Country only; for "
     "counties see “R&D spending, all sectors, share of GRP”.",
     "År = referensår.", "Year = reference year."],
    ["ls_employees", "Anställda i life science-företag", "Employees in life science companies", "persons",
     "anställda", "employees", "0", "higher", "industry",
     "Antal anställda i life science-företag i regionen enligt kartläggningar av klusterorganisationer och "
     "regioner (Stockholm Science City för Stockholm–Uppsala, State of Medicon Valley, SCB:s SNI-avgränsning "
     "för Västra Götaland). Både bransch- och geografisk avgränsning skiljer mellan källorna: jämför inte "
     "värden utan att läsa noten.",
     "Number of employees in life science companies in the region, as mapped by cluster bodies and regions "
     "(Stockholm Science City for Stockholm–Uppsala, State of Medicon Valley, SCB's NACE-based definition for "
     "Västra Götaland). Sources define both the industry and the area differently: do not compare values "
     "without reading the note.",
     "År = det år uppgiften avser.", "Year = the year the figure refers to."],
    ["ls_companies", "Antal life science-företag", "Number of life science companies", "count", "företag",
     "companies", "0", "higher", "industry",
     "Antal life science-företag i regionen enligt Stockholm Science Citys kartläggningar. Avgränsningen "
     "(Stockholms och Uppsala län, ibland även Södermanland) står i noten.",
     "Number of life science companies in the region according to Stockholm Science City's mappings. The area "
     "(Stockholm and Uppsala counties, sometimes also Södermanland) is stated in the note.",
     "År = det år uppgiften avser.", "Year = the year the figure refers to."],
    ["wipo_cluster_rank", "WIPO, plats som vetenskaps- och teknikkluster",
     "WIPO, science and technology cluster rank", "rank", "plats", "rank", "0", "lower", "ranking",
     "Klustrets plats i WIPO:s Global Innovation Index-rankning av världens största vetenskaps- och "
     "teknikkluster efter storlek (PCT-patentansökningar och vetenskapliga artiklar under fem år; från 2025 "
     "även riskkapitalaffärer). Gäller alla områden, inte bara life science, och gynnar mycket stora "
     "östasiatiska kluster. Klustren är WIPO:s egna geografiska avgränsningar och följer inte länsgränser.",
     "The cluster's place in WIPO's Global Innovation Index ranking of the world's largest science and "
     "technology clusters by size (PCT patent applications and scientific articles over five years; from 2025 "
     "also venture capital deals). It covers all fields, not just life science, and favours very large East "
     "Asian clusters. Clusters are WIPO's own areas and do not follow county borders.",
     "År = GII-utgåvans år. 2017 byggde enbart på PCT-patent och är inte jämförbart med senare utgåvor; 2025 "
     "lade till riskkapitalaffärer.",
     "Year = the GII edition. 2017 used PCT patents only and is not comparable with later editions; 2025 added "
     "venture capital deals."],
    ["ris_rank", "Regional Innovation Scoreboard, plats bland EU-regioner",
     "Regional Innovation Scoreboard, rank among EU regions", "rank", "plats", "rank", "0", "lower", "ranking",
     "Plats för NUTS 2-regionen SE11 Stockholm (samma område som Stockholms län) bland EU:s regioner i "
     "Europeiska kommissionens Regional Innovation Scoreboard. Alla sektorer, inte bara life science.",
     "The place of the NUTS 2 region SE11 Stockholm (the same area as Stockholm county) among EU regions in the "
     "European Commission's Regional Innovation Scoreboard. All sectors, not only life science.",
     "År = RIS-utgåvans år (vartannat år). Platserna kommer ur texter som återger rapporterna, inte ur "
     "kommissionens databas.",
     "Year = the RIS edition (every second year). The places come from texts that report the scoreboards, not "
     "from the Commission's database."],
    ["alf_size_rank", "ALF-medlens storlek, plats bland ALF-regionerna",
     "Size of ALF funding, rank among the ALF regions", "rank", "plats", "rank", "0", "lower", "funding",
     "Regionens plats när Vetenskapsrådet ordnar de sju ALF-regionerna efter storleken på tilldelade ALF-medel "
     "(1 = mest medel). Inga belopp anges.",
     "The region's place when the Swedish Research Council lists the seven ALF regions by the size of their "
     "ALF allocation (1 = largest). No amounts are given.",
     "År = ungefärligt år då Vetenskapsrådets sida gällde (omkring 2023–2024); sidan anger inget år.",
     "Year = approximate year the Swedish Research Council's page was current (around 2023–2024); the page "
     "states no year."],
    ["alf_eval_panels_a", "ALF-utvärdering, paneler med betyget A", "ALF evaluation, panels grading A",
     "count", "paneler av 3", "panels of 3", "0", "higher", "quality",
     "Antal av Vetenskapsrådets tre bedömningspaneler (vetenskaplig produktion; klinisk betydelse och "
     "samhällsnytta; forskningens förutsättningar) som gav ALF-regionen betyget A, mycket hög kvalitet, i "
     "utvärderingen av klinisk forskning.",
     "Number of the Swedish Research Council's three panels (scientific production; clinical significance and "
     "societal benefit; research prerequisites) that graded the ALF region A, very high quality, in the "
     "evaluation of clinical research.",
     "År = utvärderingens publiceringsår (mars 2018).",
     "Year = the year the evaluation was published (March 2018)."],
]

# --------------------------------------------------------------------------------------------------------
# Seed-document sources and goals
# --------------------------------------------------------------------------------------------------------

SEED_NOTE = ("Seed-dokument i projektet. Dokumentets exakta adress är inte känd; adressen är utgivarens "
             "webbplats.")
SEED_SOURCES = [
    ["regionstockholm_ls_strategy_2021", "Region Stockholm",
     "Life Sciences Strategy for the Stockholm region – Stockholm 2025: One of the top five life science "
     "regions in the world", "https://www.regionstockholm.se", "2021", ACCESSED, "",
     SEED_NOTE + " Engelsk version. Strategin beslutades våren 2021 (RS 2019-0751) enligt handlingsplanen för "
     "precisionsmedicin."],
    ["regionstockholm_pm_action_plan", "Region Stockholm",
     "Handlingsplan Stockholmsregionens life science-strategi: Precisionsmedicin", "https://www.regionstockholm.se",
     "", ACCESSED, "",
     SEED_NOTE + " Framtagen av Karolinska Institutet och Karolinska Universitetssjukhuset; mål fram till 2025. "
     "Publiceringsdatum anges inte."],
    ["gms_industry_strategy_2023", "Genomic Medicine Sweden",
     "Genomic Medicine Sweden – Strategy for collaboration with industry, 2023-2024",
     "https://genomicmedicine.se", "2023-04-18", ACCESSED, "",
     SEED_NOTE + " Antagen av GMS styrgrupp 2023-04-18. De fem målen är hämtade ur GMS strategiska plan "
     "2021–2030."],
    ["rise_atmp_2020", "RISE Research Institutes of Sweden", "Sweden takes the lead within ATMP",
     "https://www.ri.se", "2020-11-04", ACCESSED, "",
     SEED_NOTE + " Artikel om Vinnovas program Visionsdriven hälsa (målet att Sverige ska leda inom avancerade "
     "terapier till 2030)."],
]

PM_PLAN = "regionstockholm_pm_action_plan"
PM_NOTE = "Handlingsplanen beskriver ”prioriterade mål och åtgärder fram till år 2025”; inget mätbart målvärde anges."
GMS_NOTE = ("Ett av GMS fem övergripande mål (GMS strategiska plan 2021–2030, återgivna i industristrategin "
            "2023–2024). Målåret anges inte i texten; inget mätbart målvärde.")
GOALS = [
    ["stockholm_top5_ls_2025", "Region Stockholm", "Topp fem life science-regioner i världen 2025",
     "Top five life science region in the world by 2025",
     "Stockholm 2025: One of the top five life science regions in the world", "medcity_rank", "01", "5", "<=",
     "2025", "regionstockholm_ls_strategy_2021",
     "Strategin anger inget mått. MedCity Global Cities Comparison (november 2024) används som mått: den enda "
     "globala life science-rankningen i underlaget som tar med Stockholm och strategins jämförelseregioner. "
     "MedCitys ”Stockholm” är Stockholms stadsregion; rankningen görs av Londons klusterorganisation, har 20 "
     "förvalda städer och en utgåva. Plats 5 eller bättre = målet nått."],
    ["stockholm_research_promise_2023", "Region Stockholm", "Forskningslöftet: fler kliniska studier till 2023",
     "Research Promise: more clinical studies by 2023",
     "The objective of the Research Promise is to increase numbers of clinical studies and make the Stockholm "
     "region one of the world's leading regions for life sciences by 2023.", "", "01", "", "", "2023",
     "regionstockholm_ls_strategy_2021",
     "Forskningslöftet (LS 2017-1455), citerat i life science-strategin. Inget målvärde för antalet kliniska "
     "studier anges, och underlaget har ingen serie över kliniska studier i Stockholm."],
    ["stockholm_pm_goal1", "Region Stockholm", "Precisionsmedicin i vardagen (mål 1)",
     "Precision medicine in everyday care (goal 1)",
     "Goda förutsättningar för att etablera precisionsmedicin i hälso- och sjukvårdens vardag. […] Med dessa "
     "kunskaper och erfarenheter är målet att till 2025 konsolidera arbetet samt etablera ett ordnat införande "
     "av precisionsmedicin som arbetssätt inom flera områden.", "", "01", "", "", "2025", PM_PLAN, PM_NOTE],
    ["stockholm_pm_goal2", "Region Stockholm", "Innovativt ekosystem för precisionsmedicin (mål 2)",
     "Innovative precision medicine ecosystem (goal 2)",
     "Ett innovativt ekosystem för precisionsmedicin som integrerar hälso- och sjukvård, akademi och industri. "
     "[…] Då industrin är en viktig part för utveckling av precisionsmedicin i sjukvårdens vardag, behöver en "
     "ny struktur för samverkan mellan industri och sjukvård vara på plats till 2025.", "", "01", "", "",
     "2025", PM_PLAN, PM_NOTE],
    ["stockholm_pm_goal3", "Region Stockholm", "IT-infrastruktur för precisionsmedicin (mål 3)",
     "IT infrastructure for precision medicine (goal 3)",
     "En IT-infrastruktur som stödjer ett precisionsmedicinskt arbetssätt och sekundäranvändning av data för "
     "forskning och innovation.", "", "01", "", "", "2025", PM_PLAN,
     PM_NOTE + " Målet självt säger ”så snart som möjligt”; 2025 är handlingsplanens tidshorisont."],
    ["stockholm_pm_goal4", "Region Stockholm", "Juridiska och ekonomiska ramar (mål 4)",
     "Legal and financial frameworks (goal 4)",
     "Juridiska och ekonomiska ramar som skapar förutsättningar för ett bredare införande av precisionsmedicin "
     "[…] Till 2025 bör även ett beskrivningssystem och utarbetade ersättningsmodeller för precisionsmedicin "
     "finnas på plats.", "", "01", "", "", "2025", PM_PLAN, PM_NOTE],
    ["stockholm_pm_goal5", "Region Stockholm", "Kompetensförsörjning för precisionsmedicin (mål 5)",
     "Skills supply for precision medicine (goal 5)",
     "God kompetensförsörjning av kliniska och tekniska kompetenser som möjliggör hållbar implementering av "
     "precisionsmedicin. […] Till 2025 behöver befintliga arbetsflöden kompletteras med nya professioner, "
     "bland annat bioinformatiker och IT-utvecklare, och verksamheter kunna budgetera för nödvändiga resurser.",
     "", "01", "", "", "2025", PM_PLAN, PM_NOTE],
    ["stockholm_pm_goal6", "Region Stockholm", "Precisionsprevention och tidig upptäckt (mål 6)",
     "Precision prevention and early detection (goal 6)",
     "Precisionsprevention och stöd för tidig upptäckt av sjukdom är självklara delar inom precisionshälsa.",
     "", "01", "", "", "2025", PM_PLAN,
     PM_NOTE + " Delmål: en färdplan för precisionsprevention och tre innovationsmiljöer (reumatoid artrit, "
     "demens, AI-baserad precisionspatologi)."],
    ["orebro_malbild_2030", "Region Örebro län", "Regional målbild 2030 för life science",
     "Regional life science target picture 2030",
     "Life science-sektorn inom Örebro län är inom strategiska områden nationellt ledande och internationellt "
     "framstående och bidrar för individen, regionorganisationen, näringslivet och civilsamhället till att "
     "förverkliga visionen \"Tillsammans skapar vi ett bättre liv\".", "", "18", "", "", "2030",
     KEYFIGURE_SOURCE,
     "Målbilden beskrivs i tre utvecklingsscenarier (hälso- och sjukvård samt tandvård; forskning och "
     "utbildning; regional utveckling). Regionen avser att ta fram effektmål och indikatorer senare; inget "
     "mätbart målvärde anges."],
    ["orebro_bredduniversitet_2030", "Region Örebro län", "Örebro universitet som etablerat bredduniversitet",
     "Örebro University an established comprehensive university",
     "Forskningen, både inom regionorganisationens verksamheter, lärosäte och näringsliv har ytterligare "
     "utvecklats och bidragit till att Örebro universitet i det nationella sammanhanget ses som ett etablerat "
     "bredduniversitet och som därmed genom ökade forskningsresurser ytterligare kan stärka denna positiva "
     "utveckling.", "", "uni_oru", "", "", "2030", KEYFIGURE_SOURCE,
     "Del av målbild 2030 (scenariot Forskning och utbildning). Inget mätbart målvärde; forskningsresurser kan "
     "följas med statliga forskningsanslag och FoU-utgifter i universitetssektorn."],
    ["gms_goal1_broad_sequencing", "Genomic Medicine Sweden", "Bred gensekvensering i vården",
     "Broad gene sequencing in healthcare",
     "Implementation of broad gene sequencing in healthcare for better diagnostics and health equality for all "
     "patients.", "", "00", "", "", "", "gms_industry_strategy_2023", GMS_NOTE],
    ["gms_goal2_genomics_platform", "Genomic Medicine Sweden", "Nationell genomikplattform och kunskapsdatabas",
     "National genomics platform and knowledge database",
     "Established national genomics platform and knowledge database.", "", "00", "", "", "",
     "gms_industry_strategy_2023", GMS_NOTE],
    ["gms_goal3_data_use", "Genomic Medicine Sweden", "Ökad användning av genomik- och hälsodata",
     "Increased use of genomics and health data",
     "Increased utilisation of genomics- and health data for research, development, and innovation", "", "00",
     "", "", "", "gms_industry_strategy_2023", GMS_NOTE],
    ["gms_goal4_clinical_trials", "Genomic Medicine Sweden", "Ökat deltagande i kliniska prövningar",
     "Increasing participation in clinical trials", "Increasing participation in clinical trials", "", "00", "",
     "", "", "gms_industry_strategy_2023",
     GMS_NOTE + " Underlaget har ingen serie över deltagande i kliniska prövningar."],
    ["gms_goal5_prevention", "Genomic Medicine Sweden", "Primärprevention och tidig upptäckt",
     "Primary prevention and early detection",
     "Conditions for primary prevention and early detection of common diseases.", "", "00", "", "", "",
     "gms_industry_strategy_2023", GMS_NOTE],
    ["atmp_sweden_leader_2030", "Vinnova–RISE", "Sverige ledande inom avancerade terapier (ATMP) 2030",
     "Sweden a leader in advanced therapies (ATMP) by 2030",
     "According to Vinnova’s Vision-driven Health programme, Sweden shall be a leader in the field of advanced "
     "therapies by 2030, i.e. medicines based on gene, cell and tissue therapy products.", "", "00", "", "",
     "2030", "rise_atmp_2020",
     "Vinnovas program Visionsdriven hälsa, återgivet av RISE. Delmål om mobilisering, infrastruktur, vården och "
     "utbildning; inget mätbart målvärde anges."],
]

# --------------------------------------------------------------------------------------------------------
# Mapping of reference indicators
# --------------------------------------------------------------------------------------------------------

RF_MAP = {  # regional_facts.csv indicator → indicator_id
    "Population 31 Dec (SCB)": "population",
    "Population (SCB, via Ekonomifakta)": "population",
    "Business-sector intramural R&D expenditure (SCB, revised series)": "rd_business_msek",
    "Public-sector intramural R&D expenditure (SCB)": "rd_public_msek",
    "Public-sector R&D full-time equivalents (SCB)": "rd_public_fte",
    "University/HEI-sector intramural R&D expenditure (SCB)": "rd_university_msek",
    "Total intramural R&D expenditure, all sectors (SCB)": "rd_total_msek",
    "Share of Sweden total intramural R&D expenditure (SCB)": "rd_share_of_sweden_pct",
    "Total intramural R&D expenditure as % of GDP (FoU-intensitet)": "rd_share_gdp_total",
    "Total R&D expenditure as % of regional GDP": "rd_share_grp_total",
    "THE World University Ranking (overall)": "the_world_rank",
    "THE Young University Ranking": "the_young_rank",
    "ARWU (Shanghai) world rank": "arwu_world_rank",
    "ARWU subject: Clinical Medicine": "arwu_clinical_medicine_rank",
    "QS World University Ranking": "qs_world_rank",
    "ALF allocation size (ordinal rank among 7 ALF regions)": "alf_size_rank",
    "ALF funding for clinical research (Region Örebro län / Örebro universitet)": "alf_msek",
    "VR ALF evaluation 2018: number of panels (of 3) graded A (mycket hög kvalitet)": "alf_eval_panels_a",
    "Life-science companies (Stockholm-Uppsala region)": "ls_companies",
    "Life-science industry employees (Stockholm-Uppsala region)": "ls_employees",
    "Life-science sector employment (SCB SNI definition)": "ls_employees",
    "State appropriation: research and doctoral education (anslag forskning och utbildning på forskarnivå)":
        "appropriation_research_msek",
    "State appropriation: first/second-cycle education (utbildning på grundnivå och avancerad nivå)":
        "appropriation_education_msek",
}
# regional_facts.csv indicators left out, with the reason (reported by --summary).
SKIP_RF = {
    "Business-sector intramural R&D expenditure (SCB, original 2017 estimate)":
        "superseded by SCB's revised series (2020-10-29)",
    "Population (Skatteverket/SCB), approx.": "approximate lower bound (”över 400 000”)",
    "Life-science sector employment (VINNOVA definition)":
        "second definition for the same key as the SCB SNI row; mentioned in that row's note",
    "CWTS Leiden Ranking PP(top 10%) position": "Leiden rows mix two orderings and methods: not one series",
    "CWTS Leiden Ranking position (impact)": "Leiden rows mix two orderings and methods: not one series",
    "SCImago Institutions Ranking (SIR) global rank, overall": "one 2008 edition only: no usable series",
    "ARWU subject: Clinical Medicine and Pharmacy": "different (older, broader) subject field",
    "Ongoing clinical studies 2021, started before 2021 (Forum Mellansverige)": "read off a chart",
    "Ongoing clinical studies 2021, started in 2021 (Forum Mellansverige)": "read off a chart",
    "Ongoing clinical studies reported 2021, all regions (Forum Mellansverige)": "sum with double counting",
    "ALF funding total, all ALF regions, 2012-2015 cumulative": "approximate (”6 miljarder”), 4-year total",
    "ALF total state funding for clinical research (national agreement)": "approximate (”1,7 miljarder”)",
    "Ethics review applications for medical research (Etikprövningsmyndigheten)": "approximate (”cirka”)",
    "New ethics review applications (regional ethics boards)": "approximate (”cirka”)",
    "Share of approved new ethics applications from ALF regions": "lower bound (”drygt”)",
    "Share of Sweden life-science industry employees (Tillväxtanalys)":
        "regions defined differently per row (Västsverige = VG + Halland), one approximate: no usable series",
    "Share of Sweden life-science employment (Stockholm-Uppsala region)": "single row (2010)",
    "Share of population with higher education (andel högutbildade)":
        "two rows; the Sweden figure is an unweighted county average",
}

GB_MAP = {  # global_benchmarks.csv indicator → indicator_id
    "MedCity Global Cities Comparison – overall life-sciences rank (20 cities benchmarked)": "medcity_rank",
    "WIPO GII cluster rank (2017: PCT patent filings only)": "wipo_cluster_rank",
    "WIPO GII 2025 S&T cluster rank": "wipo_cluster_rank",
    "WIPO GII 2023: PCT applications (5-yr window)": "wipo_cluster_rank",  # the rank column of the table
    "RIS rank among EU regions": "ris_rank",
    "RIS rank among EU regions (as stated in 2023 retrospective)": "ris_rank",
    "RIS rank in Europe": "ris_rank",
    "Life-science employees (companies)": "ls_employees",
    "Number of life-science companies": "ls_companies",
}
RANK_FROM_COLUMN = {"medcity_rank", "wipo_cluster_rank", "ris_rank"}

# Individual rows left out: (file, region/entity, reference indicator, year) → reason.
SKIP_ROWS = {
    ("gb", "Stockholm-Uppsala", "Life-science employees (companies)", "2011"): "same as regional_facts row",
    ("gb", "Stockholm-Uppsala", "Life-science employees (companies)", "2019"): "same as regional_facts row",
    ("gb", "Stockholm-Uppsala", "Number of life-science companies", "2019"): "same as regional_facts row",
    ("gb", "London", "Number of life-science companies", "2024"): "lower bound (”over 2,400”), London only",
    ("rf", "Lunds universitet", "THE World University Ranking (overall)", "2022#166"):
        "conflicting duplicate; 116 kept (see that row's note)",
    # the Stockholm 2021 RIS rank 1 claim: conflicting duplicate, 2 kept (see OVERRIDES)
    ("gb", "SE11 Stockholm", "RIS rank among EU regions", "2021"): "conflicting duplicate; 2 kept",
}
# RIS rows: only SE11 Stockholm (= county 01) is in scope.
RIS_ENTITY = "SE11 Stockholm"

# Reference rows that repeat one of the 83 key-figures rows with the same value: skipped.
SAME_AS_KEYFIGURES = {("uni_liu", "the_world_rank", 2021), ("uni_oru", "the_young_rank", 2021)}

# --------------------------------------------------------------------------------------------------------
# Per-row status and notes. Key: (region_code, indicator_id, year).
# --------------------------------------------------------------------------------------------------------

PROVISIONAL, CONFLICTING, MISSING = "provisional", "conflicting", "missing"
ALF_SIZE_NOTE = ("Ordningen på Vetenskapsrådets sida (regionen med mest ALF-medel överst). Provisoriskt eftersom "
                 "sidan inte anger något år: 2023 är ungefärligt (sidan gällde omkring 2023–2024). Inga belopp.")
PRIOR = "Föregående utgåvas placering, återgiven i en senare text."
SECONDARY = "Sekundärkälla."

OVERRIDES: dict[tuple, dict] = {
    # population
    ("01", "population", 2020): dict(
        status=PROVISIONAL,
        note="Ekonomifakta skriver ”2 391 990 invånare (2020)” utan referensdatum; kan vara 31 december 2019 "
             "publicerat 2020. Kontrollera mot SCB."),
    ("14", "population", 2023): dict(
        status=PROVISIONAL,
        note="Sekundärkälla (spegling av tyska Wikipedia, ”31. Dezember 2023”); kontrollera mot SCB."),
    ("01", "population", 2017): dict(
        note="Stockholms stads tabell (källa SCB); fjärde kolumnen = Stockholms län."),
    # R&D as share of GRP, Stockholm (RUFS follow-up)
    ("01", "rd_share_grp_total", 2003): dict(
        note="RUFS 2010:s uppföljning (Region Stockholm): ”4,3 procent år 2003”. Avser Stockholmsregionen i "
             "RUFS; inte samma bearbetning som nyckeltalstabellen."),
    ("01", "rd_share_grp_total", 2007): dict(
        note="RUFS 2010:s uppföljning (Region Stockholm): ”4 procent år 2007”. Avser Stockholmsregionen i "
             "RUFS; inte samma bearbetning som nyckeltalstabellen."),
    ("01", "rd_share_grp_total", 2013): dict(
        status=PROVISIONAL,
        note="RUFS: ”Stockholmsregionen” på fjärde plats med 3,9 % i en internationell jämförelse av "
             "storstadsregioner; områdets avgränsning (län eller OECD-region) anges inte."),
    ("00", "rd_share_gdp_total", 2019): dict(
        note="Nyckeltalstabellen anger 3,4 % för riket 2019 (FoU-utgifter, alla sektorer, andel av BRP) – samma "
             "värde avrundat."),
    ("00", "rd_total_msek", 2013): dict(
        note="”124,6 miljarder kronor” (SCB, Statistiskt meddelande UF 16 SM 1501, kopia på spotidoc.com)."),
    ("00", "rd_total_msek", 2019): dict(
        note="”171,1 miljarder kronor” (SCB). Från 2019 redovisas ALF-medel i offentlig sektor."),
    # THE World University Rankings
    ("uni_lu", "the_world_rank", 2022): dict(
        status=CONFLICTING,
        note="Två värden för utgåva 2022: 116 (Lunds universitets egen femårsserie) och 166 (KI News "
             "2022-10-12: ”Lund University at 119 (166 in 2021)”). 116 behålls: lärosätets egen lista är "
             "närmare källan och 166 passar inte serien 103 → 116 → 119 (troligen skrivfel i KI:s text). Inte "
             "kontrollerat mot THE:s egen tabell."),
    ("uni_ki", "the_world_rank", 2016): dict(
        status=PROVISIONAL,
        note="Läkartidningen: ”toppåren 2016 och 2017, då Karolinska institutet låg på en 28:e plats”; om "
             "årtalen är utgåva eller publiceringsår sägs inte."),
    ("uni_ki", "the_world_rank", 2017): dict(
        status=PROVISIONAL,
        note="Läkartidningen: ”toppåren 2016 och 2017, då Karolinska institutet låg på en 28:e plats”; om "
             "årtalen är utgåva eller publiceringsår sägs inte."),
    ("uni_su", "the_world_rank", 2021): dict(
        status=PROVISIONAL,
        note="Sidans rubrik och adress säger 183, texten 184; textens 184 används."),
    ("uni_uu", "the_world_rank", 2017): dict(
        status=PROVISIONAL,
        note="Uppsala universitets tabell: ”Times Higher Education (2017) 86”; oklart om 2017 är utgåvan "
             "(publicerad 2016) eller publiceringsåret (= utgåva 2018)."),
    ("uni_oru", "the_world_rank", 2018): dict(note="Exakt plats enligt Örebro universitet (bandet 351–400). " + PRIOR),
    ("uni_oru", "the_world_rank", 2019): dict(note="Exakt plats enligt Örebro universitet (bandet 401–500)."),
    ("uni_oru", "the_world_rank", 2020): dict(note="Exakt plats enligt Örebro universitet; 1 396 lärosäten rankade."),
    ("uni_gu", "the_world_rank", 2022): dict(note="Sekundär kopia (collegelearners.com) av GU:s rankningssida."),
    ("uni_umu", "the_world_rank", 2023): dict(
        note="Örebro universitets nyhet placerar Umeå universitet i samma band (401–500)."),
    ("uni_oru", "the_world_rank", 2023): dict(
        note="”behåller sin plats i spannet 401 till 500” – alltså även 401–500 i utgåva 2022."),
    ("uni_liu", "the_world_rank", 2022): dict(note="Exakt plats enligt Linköpings universitet."),
    # THE Young University Rankings
    ("uni_liu", "the_young_rank", 2020): dict(
        note="THE Young University Rankings 2020 (publicerad 2020). Nyckeltalstabellen har samma plats 81 under "
             "utgåva 2021 (”THE 2020”); se rapporten om den raden."),
    ("uni_oru", "the_young_rank", 2016): dict(note="THE 150 Under 50, april 2016."),
    # ARWU
    ("uni_gu", "arwu_world_rank", 2020): dict(
        note="GU: 138 år 2021 är ”three places” bättre än 2020; GU anger även 141 direkt."),
    ("uni_gu", "arwu_world_rank", 2021): dict(
        note="Exakt plats enligt Göteborgs universitet; ARWU:s officiella band är 101–150."),
    ("uni_gu", "arwu_world_rank", 2025): dict(
        status=PROVISIONAL,
        note="GU:s sommarnyhet är odaterad; att plats 151 gäller ARWU 2025 är osäkert."),
    ("uni_kth", "arwu_world_rank", 2020): dict(
        note="Exakt plats enligt GU:s analytiker; ARWU publicerar band på dessa platser."),
    ("uni_kth", "arwu_world_rank", 2021): dict(
        note="Exakt plats enligt GU:s analytiker; ARWU publicerar band på dessa platser."),
    ("uni_liu", "arwu_world_rank", 2019): dict(
        value=349.0, value_text="349", value_low=None, value_high=None,
        note="Exakt plats enligt Linköpings universitet (”301–400 (349)”); ARWU:s officiella band är 301–400."),
    ("uni_ki", "arwu_world_rank", 2024): dict(
        note=PRIOR + " ARWU 2025 anges bara som ”cirka 50” och tas inte med."),
    ("uni_su", "arwu_world_rank", 2024): dict(note=PRIOR + " " + SECONDARY + " (TRT)"),
    ("uni_su", "arwu_world_rank", 2025): dict(note=SECONDARY + " (TRT)"),
    ("uni_uu", "arwu_world_rank", 2024): dict(note=PRIOR + " " + SECONDARY + " (TRT)"),
    ("uni_uu", "arwu_world_rank", 2025): dict(note=SECONDARY + " (TRT)"),
    ("uni_ki", "arwu_world_rank", 2016): dict(note="Återgiven i KI:s nyhet om ARWU 2018 (”same as 2017 and 2016”)."),
    ("uni_ki", "arwu_world_rank", 2017): dict(note="Återgiven i KI:s nyhet om ARWU 2018 (”same as 2017 and 2016”)."),
    # QS
    ("uni_liu", "qs_world_rank", 2021): dict(
        status=PROVISIONAL,
        note="Linköpings universitet skriver ”2021: LiU's place: 362” utan att säga om 2021 är utgåva eller "
             "publiceringsår."),
    ("uni_gu", "qs_world_rank", 2026): dict(
        status=PROVISIONAL,
        note="GU:s sommarnyhet är odaterad; troligen QS WUR 2026 (publicerad juni 2025), men årtalet är osäkert."),
    ("uni_gu", "qs_world_rank", 2022): dict(note="Sekundär kopia (collegelearners.com) av GU:s rankningssida."),
    ("uni_uu", "qs_world_rank", 2018): dict(note="Uppsala universitets sida anger samma värde som ”QS (2017) 112”."),
    # ALF
    ("18", "alf_msek", 2015): dict(
        status=PROVISIONAL,
        note="”anslaget på 35 miljoner kronor”: ALF-anslaget för Örebro som utvärderades (första ALF-året 2015); "
             "att beloppet gäller ett år sägs inte uttryckligen."),
    ("18", "alf_eval_panels_a", 2018): dict(
        status=PROVISIONAL,
        note="Härlett: Örebro är inte bland de regioner som nämns med betyget A (Västra Götaland, Skåne, "
             "Stockholm, Västerbotten). Örebro universitets egen nyhet: betygen B, C och B."),
    ("05", "alf_eval_panels_a", 2018): dict(
        status=PROVISIONAL,
        note="Härlett: Östergötland är inte bland de regioner som nämns med betyget A (Västra Götaland, Skåne, "
             "Stockholm, Västerbotten)."),
    ("03", "alf_eval_panels_a", 2018): dict(note="Uppsala fick genomgående ”god–hög kvalitet” (B) i de tre panelerna."),
    ("12", "alf_eval_panels_a", 2018): dict(note="Skåne: A, B och A enligt Lunds universitet."),
    ("01", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("03", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("05", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("12", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("14", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("18", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    ("24", "alf_size_rank", 2023): dict(status=PROVISIONAL, note=ALF_SIZE_NOTE),
    # life-science industry
    ("city_stockholm_uppsala", "ls_employees", 2011): dict(
        note="Stockholms, Uppsala och Södermanlands län; aktiebolag (Stockholm Science City)."),
    ("city_stockholm_uppsala", "ls_employees", 2012): dict(
        note="Stockholms, Uppsala och Södermanlands län (Stockholm-Uppsala Life Science Company Report 2014)."),
    ("city_stockholm_uppsala", "ls_employees", 2019): dict(
        note="Enligt underlaget Stockholms och Uppsala län; ”hälften av Sveriges anställda inom life science”. "
             "2011–2012 räknades även Södermanland in: avgränsningen skiljer sig."),
    ("city_stockholm_uppsala", "ls_companies", 2010): dict(
        status=PROVISIONAL,
        note="Kartläggning publicerad september 2010; vilket år uppgiften avser sägs inte (troligen 2009). "
             "Stockholms, Uppsala och Södermanlands län."),
    ("city_stockholm_uppsala", "ls_companies", 2011): dict(
        note="Stockholms, Uppsala och Södermanlands län; aktiebolag (Stockholm Science City)."),
    ("city_stockholm_uppsala", "ls_companies", 2012): dict(
        note="Stockholms, Uppsala och Södermanlands län (Stockholm-Uppsala Life Science Company Report 2014)."),
    ("city_stockholm_uppsala", "ls_companies", 2019): dict(
        status=PROVISIONAL, value_text="nära 1 000",
        note="”nära 1 000 företag” – ungefärligt värde. Enligt underlaget Stockholms och Uppsala län."),
    ("14", "ls_employees", 2014): dict(
        note="SCB:s SNI-baserade avgränsning; VINNOVA:s avgränsning ger 7 290 samma år. Annan avgränsning än "
             "Stockholm–Uppsala-serien."),
    ("city_medicon_valley", "ls_employees", 2017): dict(
        note="State of Medicon Valley 2019; omfattar både den svenska och den danska sidan."),
    # RIS
    ("01", "ris_rank", 2017): dict(
        note="NUTS 2-regionen SE11 Stockholm (= Stockholms län): ”the most innovative region in the EU” i RIS "
             "2017 (220 regioner)."),
    ("01", "ris_rank", 2019): dict(
        note="NUTS 2-regionen SE11 Stockholm (= Stockholms län): tvåa efter Helsingfors-Nyland bland "
             "EU-regionerna; Zürich (utanför EU) bäst i Europa."),
    ("01", "ris_rank", 2021): dict(
        status=CONFLICTING,
        note="Motstridigt för RIS 2021: Stockholm Region skrev 2021 att Stockholm utsetts till Europas mest "
             "innovativa region (plats 1; även smartcitysweden), men samma organisation skrev 2023 att Stockholm "
             "gått ”ned till en fjärdeplats från en andraplats” sedan 2021, och errinnetwork listar "
             "Helsingfors-Nyland, Stockholm, Oberbayern. Plats 2 behålls eftersom den senare texten och "
             "errinnetwork stämmer överens; inte kontrollerat mot kommissionens rapport. SE11 = Stockholms län."),
    ("01", "ris_rank", 2023): dict(
        note="NUTS 2-regionen SE11 Stockholm (= Stockholms län): ned till fjärde plats; Helsingforsregionen och "
             "Oberbayern gick förbi."),
    ("01", "ris_rank", 2025): dict(
        note="NUTS 2-regionen SE11 Stockholm (= Stockholms län): ”den mest innovativa regionen i Europa” "
             "(regeringens pressmeddelande juli 2025, GitHub-spegling); etta i Europa innebär etta bland "
             "EU-regionerna."),
}

# Appropriations per university: tkr → MSEK; notes.
APPROPRIATION_NOTES = {
    ("uni_lu", 2016): "Riksdagens beslut december 2015 (Statens budget 2016 i siffror); {tkr} tkr.",
    ("uni_uu", 2016): "Riksdagens beslut december 2015 (Statens budget 2016 i siffror); {tkr} tkr.",
    ("uni_oru", 2016): "Förslag i budgetpropositionen för 2016 (Örebrokuriren 2015-09-25).",
    ("uni_mau", 2020): "Regleringsbrev för 2020 (beslut 2019-12-19); {tkr} tkr. {extra}",
}
APPROPRIATION_EXTRA = {
    "appropriation_research_msek": "Avser anslagspost 3 Basresurs under anslag 2:30.",
    "appropriation_education_msek": "Takbelopp under anslag 2:29.",
}

# Producer of the figures behind each indicator, for the sources' notes.
PRODUCERS = {
    "population": "SCB:s befolkningsstatistik", "rd_business_msek": "SCB:s FoU-statistik",
    "rd_public_msek": "SCB:s FoU-statistik", "rd_public_fte": "SCB:s FoU-statistik",
    "rd_university_msek": "SCB:s FoU-statistik", "rd_total_msek": "SCB:s FoU-statistik",
    "rd_share_of_sweden_pct": "SCB:s FoU-statistik", "rd_share_gdp_total": "SCB:s FoU-statistik",
    "rd_share_grp_total": "RUFS-uppföljning (Region Stockholm)",
    "the_world_rank": "Times Higher Education World University Rankings",
    "the_young_rank": "Times Higher Education Young University Rankings",
    "arwu_world_rank": "ShanghaiRanking ARWU", "arwu_clinical_medicine_rank": "ShanghaiRanking GRAS",
    "qs_world_rank": "QS World University Rankings", "alf_size_rank": "Vetenskapsrådets ordning av ALF-regionerna",
    "alf_msek": "ALF-medel enligt Vetenskapsrådets ALF-utvärdering 2018", "alf_eval_panels_a": "Vetenskapsrådets ALF-utvärdering 2018",
    "ls_employees": "klusterkartläggningar av life science-branschen",
    "ls_companies": "Stockholm Science Citys kartläggningar",
    "appropriation_research_msek": "statsbudgeten (UO 16) och regleringsbrev",
    "appropriation_education_msek": "statsbudgeten (UO 16) och regleringsbrev",
    "medcity_rank": "MedCity Global Cities Comparison Report (november 2024)",
    "wipo_cluster_rank": "WIPO Global Innovation Index",
    "ris_rank": "Europeiska kommissionens Regional Innovation Scoreboard",
}

# Publisher by host (first match wins) and notes on copies.
PUBLISHERS = [
    ("scb.se", "SCB"), ("spotidoc.com", "SCB"), ("lundagard.se", "Lundagård"),
    ("thelocal.se", "The Local Sweden"), ("lakartidningen.se", "Läkartidningen"), ("lu.se", "Lunds universitet"),
    ("vr.se", "Vetenskapsrådet"), ("gu.se", "Göteborgs universitet"), ("ki.se", "Karolinska Institutet"),
    ("kvalitetsmagasinet.se", "Kvalitetsmagasinet"), ("oru.se", "Örebro universitet"), ("trt.global", "TRT"),
    ("su.se", "Stockholms universitet"), ("uu.se", "Uppsala universitet"),
    ("uppsalauniversitet.se", "Uppsala universitet"), ("liu.se", "Linköpings universitet"),
    ("umu.se", "Umeå universitet"), ("sahlgrenskasciencepark.se", "Sahlgrenska Science Park"),
    ("ssci", "Stockholm Science City"), ("regeringen.se", "Regeringskansliet"), ("ekonomifakta.se", "Ekonomifakta"),
    ("regionfakta.com", "Regionfakta"), ("collegelearners.com", "Collegelearners"),
    ("europawire.eu", "EuropaWire"), ("eurohighereducation.com", "EuroHigherEducation"),
    ("rufs.se", "Region Stockholm"), ("regionstockholm.se", "Region Stockholm"), ("docplayer.se", "docplayer.se"),
    ("esv.se", "Ekonomistyrningsverket"), ("orebrokuriren.se", "Nerikes Allehanda/Örebrokuriren"),
    ("utryckning.se", "Utryckning.se"), ("linkopingsposten.se", "Linköpings-Posten"),
    ("nt.se", "Norrköpings Tidningar"), ("svt.se", "SVT Nyheter"),
    ("regionostergotland.se", "Region Östergötland"), ("skane.se", "Region Skåne"),
    ("lansstyrelsen.se", "Länsstyrelsen i Uppsala län"), ("statistik.stockholm.se", "Stockholms stad"),
    ("jakami.de", "Wikipedia (spegling)"), ("omni.se", "Omni"), ("pharmaphorum.com", "pharmaphorum"),
    ("valea.eu", "Valea"), ("cedi.dk", "CEDI"), ("dagensps.se", "Dagens PS"), ("techjuice.pk", "TechJuice"),
    ("fliphtml5.com", "WIPO"), ("stockholmregion.org", "Stockholm Region"),
    ("interreg-med.eu", "Interreg MED Greenomed"), ("github.com/civictechsweden", "Regeringskansliet"),
    ("oresundsinstituttet.org", "Øresundsinstituttet"), ("nordiclifescience.org", "Nordic Life Science"),
    ("issuu.com", "Karolinska Institutet"),
]
COPY_NOTES = {
    "spotidoc.com": "Kopia av SCB:s statistiska meddelande på spotidoc.com.",
    "docplayer.se": "Kopia av en regional rapport på docplayer.se; utgivaren anges inte i underlaget.",
    "collegelearners.com": "Sekundär kopia av Göteborgs universitets rankningssida.",
    "jakami.de": "Offline-spegling av tyska Wikipedia (2024-06).",
    "fliphtml5.com": "Bläddringskopia av GII 2023-rapporten (Appendix Table 3, s. 248).",
    "github.com/civictechsweden": "Spegling på GitHub (civictechsweden/g0vse) av ett pressmeddelande på regeringen.se.",
    "trt.global": "Nyhetsartikel (sekundärkälla).",
    "techjuice.pk": "Nyhetsartikel; ordningen i artikelns topp 15-lista.",
}

# --------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------


@dataclass
class Obs:
    region_code: str
    indicator_id: str
    year: int
    value: float | None = None
    value_text: str = ""
    value_low: float | None = None
    value_high: float | None = None
    status: str = "published"
    source_url: str = ""
    source_title: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def key(self):
        return (self.region_code, self.indicator_id, self.year)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def text_sv(raw: str) -> str:
    """The number as the source prints it, with a Swedish decimal comma (as in the key-figures rows)."""
    return raw.replace(".", ",")


def parse_band(raw: str):
    match = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", raw.strip())
    return (float(match.group(1)), float(match.group(2))) if match else None


PUBLISHERS += curate_world.PUBLISHERS
COPY_NOTES.update(curate_world.COPY_NOTES)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def publisher_for(url: str) -> str:
    for host, name in PUBLISHERS:
        if host in url:
            return name
    raise KeyError(f"no publisher for {url}")


def published_from_title(title: str) -> str:
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", title)
    if match and not match.group(0).endswith("-12-31"):  # 31 December is a reference date, not publication
        return match.group(0)
    match = re.search(r"\b(\d{4})-(0[1-9]|1[0-2])(?!\d)", title)
    return match.group(0) if match else ""


STOPWORDS = {"the", "a", "an", "of", "in", "and", "och", "i", "pa", "for", "to", "at", "its", "is", "by",
             "som", "en", "ett", "den", "det", "with", "from", "om", "med", "till", "av", "are", "has", "s"}
SOURCE_ID_OVERRIDES = {
    "https://www.scb.se/hitta-statistik/statistik-efter-amne/utbildning-och-forskning/forskning/forskning-och-"
    "utveckling-i-sverige/pong/tabell-och-diagram/forskning-och-utveckling-inom-foretagssektorn/utgifter-for-egen-"
    "fou-efter-region/": "scb_fou_foretag_lan_2007_2019",
    "https://www.scb.se/hitta-statistik/statistik-efter-amne/utbildning-och-forskning/forskning/forskning-och-"
    "utveckling-i-sverige/pong/tabell-och-diagram/forskning-och-utveckling-i-offentlig-sektor/utgifter-och-"
    "arsverken-inom-egen-fou-efter-lan/": "scb_fou_offentlig_lan_2017_2019",
    "https://scb.se/hitta-statistik/statistik-efter-amne/utbildning-och-forskning/forskning/forskning-och-"
    "utveckling-i-sverige/pong/tabell-och-diagram/fou-i-sverige/regional-fordelning-av-utgifter-for-egen-fou/":
        "scb_fou_lan_2017",
    "https://www.scb.se/hitta-statistik/statistik-efter-amne/utbildning-och-forskning/forskning/forskning-och-"
    "utveckling-i-sverige/pong/statistiknyhet/forskning-och-utveckling-i-sverige-2019/": "scb_fou_sverige_2019",
    "http://spotidoc.com/doc/4182969/forskning-och-utveckling-i-sverige-2013-en-%C3%B6versikt":
        "scb_fou_sverige_2013_kopia",
    "https://pharmaphorum.com/news/london-number-one-european-city-life-sciences": "medcity_2024_pharmaphorum",
    "https://fliphtml5.com/hspgv/oyls/wipo-pub-2000-2023-en-main-report-global-innovation-index-2023-16th-edition_"
    "%281%29/245": "wipo_gii_2023_clusters",
    "https://www.techjuice.pk/chinese-cities-tops-wipo-2025-innovation-index/": "wipo_gii_2025_top15_techjuice",
    "https://www.dagensps.se/bors-finans/5-238-patent-ger-sverige-global-topprankning/": "wipo_gii_2025_dagensps",
    "http://www.valea.eu/en/news/2017/global-innovation-index-2017-sweden-ranked-among-most-innovative-countries-"
    "world": "wipo_gii_2017_valea",
    "http://cedi.dk/nyheder/danmark-avancerer-pladser-p%C3%A5-global-innovation-index-2017": "wipo_gii_2017_cedi",
    "https://www.vr.se/uppdrag/klinisk-forskning/klinisk-forskning-inom-alf-avtalet.html": "vr_alf_regioner",
    # the same Regionfakta page stored as http (version of 2019-02-21) and https (version of 2021-02-23)
    "http://www.regionfakta.com/Vasterbottens-lan/Befolkning-och-hushall/Befolkning/Folkmangd-31-december-alder/":
        "regionfakta_vasterbottens_lan_folkmangd_2018",
    "https://www.regionfakta.com/Vasterbottens-lan/Befolkning-och-hushall/Befolkning/Folkmangd-31-december-alder/":
        "regionfakta_vasterbottens_lan_folkmangd_2020",
}


def make_source_id(url: str, title: str, publisher: str, taken: set[str]) -> str:
    if url in SOURCE_ID_OVERRIDES:
        return SOURCE_ID_OVERRIDES[url]
    if "Folkmängd i landskapen den 31 december" in title:
        return "scb_folkmangd_landskap_" + re.search(r"(\d{4})$", title).group(1)
    if "scb.se" in url and "31 december 2024" in title:
        return "scb_folkmangd_lan_2024"
    prefix = re.sub(r"[^a-z0-9]+", "_", ascii_fold(publisher).lower()).strip("_")
    prefix = {"karolinska_institutet": "ki", "stockholms_universitet": "su", "uppsala_universitet": "uu",
              "linkopings_universitet": "liu", "orebro_universitet": "oru", "umea_universitet": "umu",
              "lunds_universitet": "lu", "goteborgs_universitet": "gu", "stockholm_science_city": "ssci",
              "regeringskansliet": "regeringen", "nerikes_allehanda_orebrokuriren": "orebrokuriren",
              "lansstyrelsen_i_uppsala_lan": "lansstyrelsen_uppsala", "wikipedia_spegling": "wikipedia",
              "interreg_med_greenomed": "interreg_greenomed", "ekonomistyrningsverket": "esv",
              "sahlgrenska_science_park": "sahlgrenska_sp", "norrkopings_tidningar": "nt",
              "docplayer_se": "docplayer", "utryckning_se": "utryckning", "svt_nyheter": "svt"}.get(prefix, prefix)
    body = title.split(":", 1)[1] if ":" in title and publisher != "Regionfakta" else title
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(body).lower()) if w not in STOPWORDS]
    while words and words[0] in set(prefix.split("_")) | {"regionfakta", "lan"}:
        words.pop(0)
    year = re.search(r"\b(19|20)\d{2}\b", title)
    slug = "_".join(words[:4])
    if year and year.group(0) not in slug:
        slug += "_" + year.group(0)
    candidate = f"{prefix}_{slug}"[:70].strip("_")
    base, n = candidate, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


# --------------------------------------------------------------------------------------------------------
# Building the observations
# --------------------------------------------------------------------------------------------------------


def region_of(name: str) -> str:
    if name in COUNTIES:
        return COUNTIES[name]
    if name in UNIVERSITIES:
        return UNIVERSITIES[name]
    raise KeyError(name)


def from_regional_facts(rows: list[dict], skipped: list) -> list[Obs]:
    out = []
    for line, row in enumerate(rows, start=2):
        indicator = row["indicator"]
        if indicator not in RF_MAP:
            skipped.append(("regional_facts", line, indicator, SKIP_RF.get(indicator, "not a usable series")))
            continue
        ind = RF_MAP[indicator]
        if ind == "the_world_rank" and row["region"] == "Lunds universitet" and row["year"] == "2022" \
                and row["value"] == "166":
            skipped.append(("regional_facts", line, indicator, SKIP_ROWS[("rf", row["region"], indicator,
                                                                             "2022#166")]))
            continue
        if ind in ("ls_companies", "ls_employees") and row["region"] == "Stockholm":
            region = LS_REGIONS["Stockholm-Uppsala"]
        else:
            region = region_of(row["region"])
        obs = Obs(region, ind, int(row["year"]), source_url=row["source_url"], source_title=row["source_title"])
        raw = row["value"].strip()
        band = parse_band(raw) if "band" in row["unit"] else None
        if band:
            obs.value_low, obs.value_high, obs.value_text = band[0], band[1], f"{int(band[0])}-{int(band[1])}"
        elif row["unit"].startswith("tkr"):
            obs.value = float(raw) / 1000
            obs.value_text = text_sv(fmt_number(obs.value))
            obs.extra["tkr"] = f"{int(raw):,}".replace(",", " ")
        else:
            obs.value = float(raw)
            obs.value_text = text_sv(raw)
        out.append(obs)
    return out


def from_global_benchmarks(rows: list[dict], skipped: list) -> list[Obs]:
    out = []
    for line, row in enumerate(rows, start=2):
        indicator, entity, year = row["indicator"], row["entity"], row["year"]
        if (("gb", entity, indicator, year) in SKIP_ROWS) or indicator not in GB_MAP:
            reason = SKIP_ROWS.get(("gb", entity, indicator, year), "not in scope (see report)")
            skipped.append(("global_benchmarks", line, indicator, reason))
            continue
        ind = GB_MAP[indicator]
        if ind == "ris_rank":
            if entity != RIS_ENTITY:
                skipped.append(("global_benchmarks", line, indicator, "NUTS-2 region other than SE11"))
                continue
            region = "01"
        elif ind == "medcity_rank":
            region = MEDCITY[entity]
        elif ind == "wipo_cluster_rank":
            region = WIPO[entity]
        else:
            if entity not in LS_REGIONS:
                skipped.append(("global_benchmarks", line, indicator, "definition differs from ls series"))
                continue
            region = LS_REGIONS[entity]
        obs = Obs(region, ind, int(year), source_url=row["source_url"], source_title=row["source_title"])
        if ind in RANK_FROM_COLUMN:
            obs.value = float(row["rank"])
            obs.value_text = row["rank"]
        else:
            obs.value = float(row["value"])
            obs.value_text = text_sv(row["value"])
        obs.extra["entity"] = entity
        out.append(obs)
    return out


def suppressed_rows() -> list[Obs]:
    """SCB's ”..” cells named in the reference: Gotland and Jämtland, business sector 2017 and 2019 (revised
    series note); Gotland, university sector 2017 (excerpt of the 2017 table: ”Gotlands län 7 0,0 .. .. 7 ..”)."""
    business_url = [u for u, i in SOURCE_ID_OVERRIDES.items() if i == "scb_fou_foretag_lan_2007_2019"][0]
    table_2017 = [u for u, i in SOURCE_ID_OVERRIDES.items() if i == "scb_fou_lan_2017"][0]
    note = "Sekretessbelagt av SCB (..)."
    rows = [Obs(code, "rd_business_msek", year, value_text="..", status=MISSING, source_url=business_url,
                note=note) for code in ("09", "23") for year in (2017, 2019)]
    rows.append(Obs("09", "rd_university_msek", 2017, value_text="..", status=MISSING, source_url=table_2017,
                    note=note))
    return rows


def default_note(obs: Obs, publisher: str) -> str:
    """Notes that follow from the indicator and source alone."""
    ind, year = obs.indicator_id, obs.year
    if ind == "medcity_rank":
        if obs.region_code == "01":
            return ("MedCitys ”Stockholm” är Stockholms stadsregion, inte länet exakt; förs här till 01. Rapporten "
                    "görs av Londons klusterorganisation MedCity (möjlig hemmafördel), jämför 20 förvalda städer i "
                    "en utgåva och väger samman fem pelare.")
        if obs.region_code == "city_shanghai_suzhou":
            return "Källan skriver ”Shanghai-Shuzhou” [sic]."
        return ""
    if ind == "wipo_cluster_rank":
        entity = obs.extra["entity"]
        name = WIPO_NAME_SV[entity]
        if obs.region_code in ("01", "14"):
            text = f"WIPO-klustret {name} (följer inte länsgränsen); förs här till {obs.region_code}."
        else:
            text = f"WIPO-klustret {name}."
        if year == 2017:
            text += " 2017 års rankning byggde enbart på PCT-patentansökningar och är inte jämförbar med senare år."
            if entity == "Stockholm":
                text += " Stockholm: 5 211 PCT-ansökningar."
            if entity == "Copenhagen":
                text += " Om klustret 2017 omfattar Malmö–Lund sägs inte."
        if year == 2025 and "techjuice" in obs.source_url:
            text += (" Plats i artikelns ordnade topp 15-lista; platserna 3–7, 9, 13 och 15 bekräftas av China "
                     "Daily Asia.")
        if year == 2025 and entity in ("Stockholm", "Gothenburg"):
            text += " Uppgift från PRV via Dagens PS. GII 2025 lade till riskkapitalaffärer som tredje mått."
        return text
    if ind == "the_world_rank":
        return f"THE WUR utgåva {year} (publicerad hösten {year - 1})."
    if ind == "qs_world_rank" and obs.region_code == "uni_lu" and 2020 <= year <= 2025:
        return f"Lunds universitet anger publiceringsåret {year - 1}; QS-utgåva {year}."
    if ind == "population" and publisher not in ("SCB",):
        return f"{publisher} med SCB som källa; folkmängd 31 december."
    if ind in ("rd_total_msek", "rd_share_of_sweden_pct", "rd_university_msek") and year == 2017:
        return "SCB:s tabell 2019-03-14 (före revideringen av företagssektorn 2020)."
    if ind in ("rd_public_msek", "rd_public_fte") and year == 2019:
        return ("SCB anger att ALF-medel från 2019 redovisas i offentlig sektor i stället för universitets- och "
                "högskolesektorn; jämför 2019 med 2017 med försiktighet.")
    if ind in ("appropriation_research_msek", "appropriation_education_msek"):
        template = APPROPRIATION_NOTES[(obs.region_code, year)]
        return template.format(tkr=obs.extra.get("tkr", ""), extra=APPROPRIATION_EXTRA[ind]).strip()
    return ""


def build(reference_dir: Path, keyfigures: list[dict]) -> tuple[list[Obs], list]:
    skipped: list = []
    rf = read_csv(reference_dir / "regional_facts.csv")
    gb = read_csv(reference_dir / "global_benchmarks.csv")
    rows = from_regional_facts(rf, skipped) + from_global_benchmarks(gb, skipped) + suppressed_rows()
    rows += curate_world.observations(Obs, reference_dir.parent / "world")

    kf = {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in keyfigures}
    seen: dict[tuple, Obs] = {}
    kept = []
    for obs in rows:
        if obs.key in kf:
            same = kf[obs.key]
            if obs.key in SAME_AS_KEYFIGURES and same["value_text"] == obs.value_text:
                skipped.append(("key-figures", obs.key, obs.indicator_id, "same value as a key-figures row"))
                continue
            raise SystemExit(f"reference row {obs.key} collides with a key-figures row: "
                             f"{obs.value_text!r} vs {same['value_text']!r}; decide and list it")
        if obs.key in seen:
            raise SystemExit(f"duplicate key {obs.key}: decide which to keep and list it in SKIP_ROWS")
        seen[obs.key] = obs
        kept.append(obs)

    for key, change in OVERRIDES.items():
        if key not in seen:
            raise SystemExit(f"override for a row that does not exist: {key}")
        obs = seen[key]
        for name, value in change.items():
            setattr(obs, name, value)
    for obs in kept:
        if not obs.note:
            obs.note = default_note(obs, publisher_for(obs.source_url))
    return kept, skipped


ORDER = ["medcity_rank", "wipo_cluster_rank", "ris_rank", "population", "rd_business_msek", "rd_public_msek",
         "rd_public_fte", "rd_university_msek", "rd_total_msek", "rd_share_of_sweden_pct", "rd_share_gdp_total",
         "rd_share_grp_total", "the_world_rank", "the_young_rank", "arwu_world_rank",
         "arwu_clinical_medicine_rank", "qs_world_rank", "appropriation_research_msek",
         "appropriation_education_msek", "alf_msek", "alf_size_rank", "alf_eval_panels_a", "ls_employees",
         "ls_companies"]


def sort_key(obs: Obs):
    return (ORDER.index(obs.indicator_id), obs.region_code, obs.year)


# --------------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------------


def to_csv(columns: list[str], rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def original_lines(path: Path) -> list[str]:
    """The file's lines as stored, so that rows this script does not own are kept byte for byte."""
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    assert sum(line.count('"') % 2 for line in lines) == 0, f"{path.name}: a field spans several lines"
    return lines


def newline_of(path: Path) -> str:
    return "\r\n" if b"\r\n" in path.read_bytes()[:4000] else "\n"


def render(data_dir: Path, reference_dir: Path) -> tuple[dict[str, str], list, list[Obs]]:
    obs_path = data_dir / "observations.csv"
    existing = read_csv(obs_path)
    keyfigures = existing[:KEYFIGURE_ROWS]
    assert all(r["source_id"] == KEYFIGURE_SOURCE for r in keyfigures), "the first 83 rows changed"
    observations, skipped = build(reference_dir, keyfigures)
    observations.sort(key=sort_key)

    # sources: the key-figures row, the seed documents, then one row per reference URL in order of use
    old_sources = {r["source_id"]: r for r in read_csv(data_dir / "sources.csv")}
    sources = [[old_sources[KEYFIGURE_SOURCE][c] for c in SOURCE_COLUMNS]] + [list(s) for s in SEED_SOURCES]
    taken = {s[0] for s in sources}
    by_url: dict[str, str] = {}
    producers: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for obs in observations:
        if obs.source_title:  # SCB's suppressed cells carry only the table's URL
            titles.setdefault(obs.source_url, obs.source_title)
        producers.setdefault(obs.source_url, [])
        producer = PRODUCERS[obs.indicator_id]
        if producer not in producers[obs.source_url]:
            producers[obs.source_url].append(producer)
    for url, title, indicator in curate_world.edition_sources(reference_dir.parent / "world"):
        titles.setdefault(url, title)
        producers.setdefault(url, [])
        if PRODUCERS[indicator] not in producers[url]:
            producers[url].append(PRODUCERS[indicator])
    for url, title in titles.items():
        publisher = publisher_for(url)
        source_id = make_source_id(url, title, publisher, taken)
        assert source_id not in taken, source_id
        taken.add(source_id)
        by_url[url] = source_id
        note = "Värdena återger " + "; ".join(producers[url]) + "."
        for host, text in COPY_NOTES.items():
            if host in url:
                note += " " + text
        if url == "https://www.regionfakta.com/Orebro-lan/Befolkning-och-hushall/Befolkning/Folkmangd-31-december-alder":
            note += " Samma adress har använts för två versioner (uppd. 2023-02-22 och 2024-02-22)."
        if "regionfakta.com/Vasterbottens-lan/Befolkning-och-hushall/Befolkning/Folkmangd" in url:
            note += (" Samma sida finns under http och https; versionen för "
                     + ("2018 (uppd. 2019-02-21)." if url.startswith("http:") else "2020 (uppd. 2021-02-23)."))
        if "stockholmregion.org/news/regionala-innovationsekosystem" in url:
            note += " Texten är daterad 2023-10-10."
        sources.append([source_id, publisher, title, url, published_from_title(title), ACCESSED, "", note])

    obs_rows = []
    for obs in observations:
        obs_rows.append([obs.region_code, obs.indicator_id, str(obs.year), "", "", "", fmt_number(obs.value),
                         obs.value_text, fmt_number(obs.value_low), fmt_number(obs.value_high), obs.status,
                         by_url[obs.source_url], obs.note])
    obs_newline, src_path = newline_of(obs_path), data_dir / "sources.csv"
    src_newline = newline_of(src_path)
    keyfigure_source_line = [line for line in original_lines(src_path)[1:]
                             if next(csv.reader([line]))[0] == KEYFIGURE_SOURCE]
    files = {
        "observations.csv": "".join(original_lines(obs_path)[:1 + KEYFIGURE_ROWS])
        + to_csv(OBS_COLUMNS, obs_rows, obs_newline).split(obs_newline, 1)[1],
        "sources.csv": "".join(original_lines(src_path)[:1] + keyfigure_source_line)
        + to_csv(SOURCE_COLUMNS, sources[1:], src_newline).split(src_newline, 1)[1],
    }

    world = reference_dir.parent / "world"
    for name, columns, own, key in (
            ("regions.csv", REGION_COLUMNS, NEW_REGIONS + curate_world.region_rows(REGION_COLUMNS, world),
             "region_code"),
            ("indicators.csv", INDICATOR_COLUMNS,
             NEW_INDICATORS + curate_world.indicator_rows(INDICATOR_COLUMNS, world), "indicator_id")):
        path = data_dir / name
        own_ids = {row[0] for row in own}
        newline = newline_of(path)
        kept = [line for line in original_lines(path)[1:] if next(csv.reader([line]))[0] not in own_ids]
        files[name] = "".join(original_lines(path)[:1] + kept) + to_csv(columns, own, newline).split(newline, 1)[1]

    files["goals.csv"] = to_csv(GOAL_COLUMNS, GOALS, newline_of(data_dir / "goals.csv"))
    files.update(curate_world.tables(by_url, newline_of(data_dir / "goals.csv"), world))
    return files, skipped, observations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--reference-dir", type=Path, default=REFERENCE)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file would change")
    parser.add_argument("--summary", action="store_true", help="print counts per indicator and skipped rows")
    args = parser.parse_args(argv)

    files, skipped, observations = render(args.data_dir, args.reference_dir)
    changed = [name for name, text in files.items()
               if not (args.data_dir / name).exists()
               or (args.data_dir / name).read_bytes().decode("utf-8") != text]
    if args.summary:
        counts: dict[str, dict[str, int]] = {}
        for obs in observations:
            counts.setdefault(obs.indicator_id, {}).setdefault(obs.status, 0)
            counts[obs.indicator_id][obs.status] += 1
        for ind in ORDER:
            if ind in counts:
                print(f"{ind:32} {sum(counts[ind].values()):4}  {counts[ind]}")
        print(f"{'total':32} {len(observations):4}")
        reasons: dict[str, int] = {}
        for _, _, indicator, reason in skipped:
            reasons[f"{indicator} — {reason}"] = reasons.get(f"{indicator} — {reason}", 0) + 1
        print("\nleft out:")
        for text, n in sorted(reasons.items()):
            print(f"  {n:3}  {text}")
    if args.check:
        if changed:
            print("would change: " + ", ".join(changed))
            return 1
        return 0
    for name in changed:
        (args.data_dir / name).write_bytes(files[name].encode("utf-8"))
    print(f"{len(observations)} reference rows after the {KEYFIGURE_ROWS} key-figures rows; "
          f"rewrote: {', '.join(changed) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
