"""Checks over the real data/: keys, references, sources, and the key-figures table cell by cell."""

import csv
import shutil
from pathlib import Path

import pytest

from regionstats import queries, schema
from regionstats.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TABLE = Path(__file__).parent / "fixtures" / "keyfigures_table.tsv"

# Row label in the strategy's key-figures table -> indicator id and reference year
ROW_INDICATORS = {
    "Plats i rankingen": ("ls_region_rank_tillvaxtverket", 2018),
    "% FoU-investeringar, totalt": ("rd_share_grp_total", 2019),
    "% FoU-investeringar, offentlig sektor, region": ("rd_share_grp_region", 2019),
    "% FoU-investeringar, universitet": ("rd_share_grp_university", 2019),
    "Forskning, MSEK": ("appropriation_research_msek", 2021),
    "Per capita resp region SEK": ("appropriation_research_sek_per_capita_published", 2021),
    "Utbildning, MSEK": ("appropriation_education_msek", 2021),
    "ALF-forskning, MSEK": ("alf_msek", 2021),
    "Regionbidrag, MSEK": ("region_contribution_msek", 2021),
    "% av 24-65-åringar": ("phd_share_pct", 2021),
    "THE, totalt i världen, plats": ("the_world_rank", 2021),
    "THE, kvalitet, lärosäten i Sverige, plats": ("the_sweden_rank", 2021),
    "THE, lärosäten, < 50 år, plats": ("the_young_rank", 2020),
    "Citeringsgenomsnitt, % ***": ("citation_avg_clinical_pct", 2019),
    "Antal publikationer (%) ****": ("publications_clinical", 2019),
}
COLUMNS = {"Sverige": "00", "Örebro": "18", "Uppsala": "03", "Västerbotten": "24", "Östergötland": "05"}
UNIVERSITIES = {"00": "00", "18": "uni_oru", "03": "uni_uu", "24": "uni_umu", "05": "uni_liu"}


def key_figure_cells():
    """(label, column, cell text) for every cell of the table as printed in the strategy."""
    rows = list(csv.reader(TABLE.open(encoding="utf-8"), delimiter="\t"))
    header = rows[0][1:]
    for row in rows[1:]:
        if row[0] in ROW_INDICATORS:
            for column, cell in zip(header, row[1:] + [""] * (len(header) - len(row) + 1)):
                yield row[0], column, cell.strip()


def observations():
    with (DATA / "observations.csv").open(encoding="utf-8") as handle:
        return {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in csv.DictReader(handle)}


def test_data_folder_validates():
    tables, issues = load_and_validate(DATA)
    assert [i.message("en") for i in issues] == []
    assert set(tables) == {spec.name for spec in schema.TABLES}


def test_key_figures_table_has_every_cell():
    cells = list(key_figure_cells())
    assert len(cells) == 15 * 5
    stored = observations()
    for label, column, cell in cells:
        indicator, year = ROW_INDICATORS[label]
        region = COLUMNS[column]
        if indicator.startswith("the_"):
            region = UNIVERSITIES[region]
        row = stored[(region, indicator, year)]
        count, _, share = cell.partition(" (")
        if count.endswith("**") and count != "**":
            count = count.rstrip("*")
            assert row["note"].startswith("** exklusive SLU")
        assert row["value_text"] == count, (label, column)
        if cell in ("", "x", "*"):
            assert row["status"] == "missing" and row["value"] == ""
        elif "-" in cell:
            low, high = cell.split("-")
            assert (float(row["value_low"]), float(row["value_high"])) == (float(low), float(high))
        else:
            assert float(row["value"]) == float(count.replace(",", "."))
        if share:
            share_row = stored[(region, "publications_clinical_share_pct", year)]
            assert share_row["value_text"] == share.rstrip(")")


def test_every_region_of_the_country_is_listed():
    with (DATA / "regions.csv").open(encoding="utf-8") as handle:
        regions = list(csv.DictReader(handle))
    counties = {r["region_code"]: r["name_sv"] for r in regions if r["kind"] == "county"}
    assert len(counties) == 21
    assert counties["18"] == "Örebro" and counties["05"] == "Östergötland" and counties["24"] == "Västerbotten"
    focus = {r["name_sv"] for r in regions if r["focus_region"] == "true"}
    assert focus == {"Stockholm", "Uppsala", "Västerbotten", "Östergötland", "Örebro"}
    assert sum(r["alf_region"] == "true" for r in regions) == 7


def test_every_source_has_publisher_title_url_and_year(real_con):
    sources = queries.run(real_con, "sources")
    assert not sources.empty
    for _, source in sources.iterrows():
        assert source.publisher and source.title and source.url.startswith("http")
        list_sizes = set(real_con.execute("select source_id from ladder_editions").df().source_id)
        assert (source.n_observations > 0 or source.source_id in list_sizes
                or source.source_id in set(queries.run(real_con, "goals_progress").source_id))


def test_per_capita_reproduces_key_figures_row(real_con):
    computed = queries.run(real_con, "per_capita", indicator="appropriation_research_msek", year=2021)
    published = queries.run(real_con, "observations",
                            indicators=["appropriation_research_sek_per_capita_published"], year_from=2021, year_to=2021)
    published = dict(zip(published.region_code, published.value))
    with_population = computed.dropna(subset=["population"])
    assert set(with_population.region_code) >= {"00", "01", "03", "05", "18", "24"}
    # the key-figures row covers the regions with a published figure of their own; the others (Stockholm) are
    # the sum of their universities in the budget bill, marked as such
    assert set(computed[computed.amount_basis == "sum_of_universities"].region_code) >= {"01"}
    for _, row in with_population[with_population.amount_basis == "published"].iterrows():
        assert row.population_year == 2020
        assert abs(row.per_capita - published[row.region_code]) < 1, row.region_code


def test_medcity_stockholm_is_eleven_places_from_paris(real_con):
    df = queries.run(real_con, "top_five_gap", indicator="medcity_rank", year=2024)
    stockholm = df[df.region_code == "01"].iloc[0]
    assert (stockholm["rank"], stockholm.gap, bool(stockholm.in_top_five)) == (16, 11, False)
    assert stockholm.fifth_region_en == "Paris"
    assert len(df) == 20


def test_check_command_names_file_line_and_column(tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    lines = (broken / "observations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",2018,", ",tjugo,", 1)
    (broken / "observations.csv").write_text("".join(lines), encoding="utf-8")
    from regionstats.cli import main

    assert main(["check", "--data-dir", str(broken)]) == 1
    _, issues = load_and_validate(broken)
    assert [i.message("sv") for i in issues] == ["observations.csv, rad 4, kolumn year: ”tjugo” är inte ett heltal"]
    assert issues[0].message("en") == "observations.csv, line 4, column year: “tjugo” is not a whole number"


def test_check_command_reports_unknown_reference_and_duplicate(tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(DATA, broken)
    text = (broken / "observations.csv").read_text(encoding="utf-8")
    first_row = text.splitlines()[1]
    text += first_row + "\n" + first_row.replace("00,", "99,", 1) + "\n"
    (broken / "observations.csv").write_text(text, encoding="utf-8")
    _, issues = load_and_validate(broken)
    codes = sorted(i.code for i in issues)
    assert codes == ["duplicate_key", "reference"]
    assert any("”99” finns inte i regions.csv" in i.message("sv") for i in issues)


def test_the_warehouse_is_cached_rebuilt_on_change_and_locked(tmp_path, monkeypatch):
    from regionstats import db

    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("raw"))
    first = db.database_path(data)
    db.connect(data).close()
    assert first.exists()
    with (data / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,Pub,Title,https://example.org,,2026-11-24,,,,en\n")
    second = db.database_path(data)
    assert second != first
    con = db.connect(data)
    assert second.exists()
    assert con.execute("select count(*) from sources where source_id = 'extra'").fetchone() == (1,)
    with pytest.raises(Exception, match="disabled by configuration|Permission"):
        con.execute("select * from read_csv('/etc/passwd')").fetchall()
    with pytest.raises(Exception):
        con.execute("set enable_external_access = true")
