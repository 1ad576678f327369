"""Hostile and careless use of the app (issue #14), through AppTest and the real shell.

Every case ends in a clear message in the user's language or an ordinary page: never an
exception (tests run with REGIONSTATS_RAISE_ERRORS=1, so one would show in ``at.exception``),
never the app's "internal error" message, and ``data/`` stays byte-for-byte the same.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import share_built_warehouses
from regionstats.i18n import t
from regionstats.selection import CATEGORIES
from regionstats.views import registry
from tests.conftest import digest

ROOT = Path(__file__).resolve().parent.parent
PAGES = {page.slug: page.file for page in registry.TABLE}  # the one table of pages
pytestmark = [pytest.mark.apptest, pytest.mark.usefixtures("data_untouched")]

# markdown that would become a link, a remote image, coloured text or an autolink if rendered
LINK_TEXT = "[Logga in här](https://evil.example/login)"
IMAGE_TEXT = "![p](http://evil.example/pixel.png)"
HOSTILE = f"{LINK_TEXT} {IMAGE_TEXT} :red[**LARM**] <img src=x> www.evil.example"
# plotly draws an <a href> in any label as a link
REGION_LINK = 'Örebro <a href="https://evil.example/region">klicka</a>'
# unescaped [..](..), ![..](..), :colour[, <tag, or an autolink with nothing to break it
MARKUP = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\):red\[|(?<!\\)<[a-z]|https?://|www\.")


def run_page(slug: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if slug != "oversikt":
        at.switch_page(PAGES[slug]).run()
    assert_calm(at)
    return at


def assert_calm(at: AppTest) -> None:
    """No exception and no 'internal error' message: the page either drew or said why not."""
    assert not at.exception, at.exception
    failed = {t("page_failed", "sv"), t("page_failed", "en")}
    assert not [e.value for e in at.error if e.value in failed]


def texts(at: AppTest) -> list[str]:
    """Everything Streamlit renders as markdown: captions, notices, markdown, metrics, titles."""
    found = []
    for kind in ("caption", "info", "warning", "error", "success", "markdown", "title", "header", "subheader"):
        found += [e.value for e in at.get(kind)]
    for metric in at.metric:
        found += [metric.label, metric.value, metric.proto.help]
    return [str(v) for v in found if v]


# --- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [
    {"foo": "[Logga in här](https://evil.example/login)"},
    {"foo": ":red[**Ditt konto är låst**]"},
    {"regions": "![p](http://evil.example/p.png)"},
    {"[x](http://evil.example)": "1"},
    {"home": "<img src=x onerror=alert(1)>"},
])
def test_a_links_unknown_parameter_is_named_as_text(params):
    at = run_page("oversikt", **params)
    notice = at.info[0].value
    assert notice.startswith(t("ignored_params", "sv", params=""))
    assert not MARKUP.search(notice), notice
    shown = notice.replace("\\", "").replace("\u2060", "")  # the visitor reads exactly what was in the link
    for key, value in params.items():
        assert key in shown and value in shown


@pytest.mark.parametrize("home", ["00", "uu", "medcity_stockholm", "99", "", "01,03"])
def test_a_home_that_is_not_a_county_is_ignored_with_a_notice(home):
    at = run_page("oversikt", home=home)
    assert at.selectbox(key="home").value == "18"  # the default, never the first county (Blekinge)
    assert (f"home={home}" if home else "home") in at.info[0].value.replace("\\", "")


def test_university_and_city_codes_do_not_empty_the_region_selection():
    from regionstats import db, queries

    regions = queries.run(db.connect(ROOT / "data"), "regions")
    university = regions[regions.kind == "university"].region_code.iloc[0]
    city = regions[regions.kind == "city"].region_code.iloc[0]
    at = run_page("finansiering", regions=f"01,{university},{city}")
    assert at.multiselect(key="regions").value == ["01", "03", "05", "18", "24", "00"]
    assert f"regions=01,{university},{city}" in at.info[0].value.replace("\\", "").replace("\u2060", "")
    assert at.get("plotly_chart")


def test_home_riket_in_english_says_so_in_english():
    at = run_page("oversikt", home="00", lang="en")
    assert at.info[0].value.startswith("Unknown or malformed link parameters were ignored")
    assert at.title[0].value == t("page_overview", "en")


# --- Jämför regioner: weights -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_all_weights_zero_says_why_there_is_no_composite(lang):
    at = run_page("jamfor", weights="0,0,0,0,0", lang=lang)
    assert t("weights_all_zero", lang) in [i.value for i in at.info]
    assert at.get("plotly_chart"), "the profile still draws"


def test_weight_only_on_a_category_without_data_says_which(monkeypatch):
    from regionstats import db, queries
    from regionstats.selection import Selection
    from regionstats.views import Context, compare

    run = lambda name, **p: queries.run(db.connect(ROOT / "data"), name, **p)  # noqa: E731
    scores = compare.profile_scores(Context(run, Selection()))
    empty = [c for c in CATEGORIES if c not in set(scores.category)]
    assert empty, "this test needs a category without data in the bundled data"
    weights = ",".join("1" if c == empty[0] else "0" for c in CATEGORIES)
    at = run_page("jamfor", weights=weights)
    expected = t("weights_no_data", "sv", categories=t(f"category_{empty[0]}", "sv"))
    assert expected in [i.value for i in at.info]


def test_each_single_weight_and_all_at_five_draw_or_explain():
    at = run_page("jamfor")
    for chosen in CATEGORIES:
        for category in CATEGORIES:
            at.slider(key=f"weight_{category}").set_value(5 if category == chosen else 0)
        at.run()
        assert_calm(at)
        composite = any(json.loads(f.proto.spec)["layout"]["title"]["text"].startswith(t("composite_title", "sv"))
                        for f in at.get("plotly_chart"))
        reasons = {t("weights_no_data", "sv", categories=t(f"category_{chosen}", "sv"))}
        assert composite or reasons & {i.value for i in at.info}
    for category in CATEGORIES:
        at.slider(key=f"weight_{category}").set_value(5)
    at.run()
    assert_calm(at)


# --- every page, every control at its extremes, empty selections ------------------------------


def set_extremes(at: AppTest, end: int) -> None:
    """Every page control to its first (end=0) or last (end=-1) option."""
    for box in at.main.selectbox:
        if box.options:
            box.select_index(0 if end == 0 else len(box.options) - 1)
    for control in at.main.get("segmented_control"):
        if control.options:
            control.set_value(control.options[end] if hasattr(control, "options") else None)
    for slider in at.main.slider:
        slider.set_value(slider.min if end == 0 else slider.max)


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_page_survives_extremes_and_empty_selections(slug):
    at = run_page(slug)
    years = at.selectbox(key="years_mode")
    for end in (0, -1):
        set_extremes(at, end)
        at.run()
        assert_calm(at)
    # one year: the first and the last the data has
    years.set_value("custom").run()  # the period is chosen as from/to (council)
    options = [int(o) for o in at.selectbox(key="year_from").options]
    for year in (options[0], options[-1]):
        at.selectbox(key="year_from").set_value(year).run()
        at.selectbox(key="year_to").set_value(year).run()
        assert_calm(at)
        set_extremes(at, -1)
        at.run()
        assert_calm(at)
    # every region and Riket, then Riket alone, then none
    at.selectbox(key="preset").set_value("all_riket").run()
    assert_calm(at)
    at.multiselect(key="regions").set_value(["00"]).run()
    assert_calm(at)
    at.multiselect(key="regions").set_value([]).run()
    assert_calm(at)
    assert t("no_regions", "sv") in [w.value for w in at.warning]


@pytest.mark.parametrize("params", [
    {"present": "1", "slide": "99"},
    {"present": "1", "regions": "00"},
    {"years": "1900-3000", "base": "0", "mode": "index", "indicator": "'; DROP TABLE observations; --"},
    {"weights": "5,5,5,5,5,5", "slide": "-1", "present": "yes"},
    {"regions": ",".join(["01"] * 500), "lang": "en"},
    # composed regions (regionstats/composition.py): markup as a name, HTML, every county, empty parts, junk
    {"compose": "[Logga in](https://evil.example):01+03;<b>x</b>:01+03;Alla:" + "+".join(
        f"{c:02d}" for c in (1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25))
        + ";" * 50 + ";:;+;Ö:00+01;x:" + "+" * 300},
])
def test_odd_links_on_every_page(params):
    for slug in PAGES:
        run_page(slug, **params)


# --- data text is text --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planted_folder(tmp_path_factory):
    """A copy of data/ whose source publishers, titles and notes, observation notes, goals and definitions carry markup.

    Built once for the module (the tests only read it), so its warehouse is built once too."""
    import pandas as pd

    folder = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history"))

    def plant(name: str, columns: list[str]) -> None:
        frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
        for column in columns:
            frame[column] = frame[column].where(frame[column] == "", frame[column] + " " + HOSTILE)
            frame[column] = frame[column].where(frame[column] != "", HOSTILE)
        frame.to_csv(folder / name, index=False)

    plant("sources.csv", ["publisher", "title", "note"])
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[::2, "url"] = "javascript:alert(document.cookie)"  # every other source
    sources.to_csv(folder / "sources.csv", index=False)
    plant("observations.csv", ["note"])
    plant("goals.csv", ["goal_text", "note"])
    plant("indicators.csv", ["definition_sv", "definition_en"])
    regions = pd.read_csv(folder / "regions.csv", dtype=str, keep_default_na=False)
    regions.loc[regions.region_code == "18", ["name_sv", "name_en"]] = REGION_LINK
    regions.to_csv(folder / "regions.csv", index=False)
    return folder


@pytest.fixture
def planted(planted_folder, monkeypatch):
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(planted_folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(planted_folder.parent / "cache"))
    return planted_folder


@pytest.mark.parametrize("slug", list(PAGES))
def test_planted_markup_in_data_is_shown_as_text_on_every_page(planted, slug):
    at = run_page(slug)
    shown = texts(at)
    carriers = [s for s in shown if "Logga in här" in s]
    if slug in ("oversikt", "finansiering", "citeringar", "topp-fem", "utveckling", "karta", "jamfor",
                "rankningar"):
        assert carriers, "the planted source title should be shown under the charts"
    for text in shown:
        assert not MARKUP.search(text), text
    specs = [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("plotly_chart")]
    if slug not in ("data", "andringar"):  # Ändringar without a recorded version charts only the versions
        assert any("klicka" in spec for spec in specs), "the planted region name is in the charts"
    assert not [spec for spec in specs if re.search(r"<a\b", spec, re.I)]


# --- the guard ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_unexpected_error_is_a_message_in_the_users_language(monkeypatch, lang, caplog):
    from regionstats.views import citations

    def broken(ctx):
        raise ValueError("Buffer has wrong number of dimensions /secret/server/path.py")

    from regionstats import cached

    monkeypatch.delenv("REGIONSTATS_RAISE_ERRORS")
    monkeypatch.setattr(citations, "build", broken)
    cached.clear()  # page views are shared between sessions: build this one anew
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGES["citeringar"]).run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("page_failed", lang)]
    assert not any("/secret/server" in s for s in texts(at))
    assert any("/secret/server/path.py" in r.getMessage() or "/secret/server/path.py" in (r.exc_text or "")
               for r in caplog.records) or any(r.exc_info for r in caplog.records)


def test_the_served_configuration_hides_error_details():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


# --- editors ------------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history"))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    share_built_warehouses(monkeypatch, tmp_path)
    monkeypatch.delenv("REGIONSTATS_EDITOR", raising=False)
    return folder


IMPORT_KEYS = {"import_upload", "import_confirm", "import_undo", "import_undo_sure", "scb_fetch", "import_template"}
GOOD = (
    "region_code;indicator_id;year;value;status;source_id;publisher;title;url;published\n"
    "09;population;2025;57 000;published;test_source;Testkälla;Testfil;https://example.org/test;2021\n"
).encode("utf-8")


def data_page(user: dict | None = None, secrets: dict | None = None, lang: str = "sv") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if user is not None:
        at.user = user
    if secrets:
        at.secrets.update(secrets)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGES["data"]).run()
    assert_calm(at)
    return at


def import_controls(at: AppTest) -> set:
    keys = {w.key for kind in ("button", "file_uploader", "checkbox", "download_button") for w in at.get(kind)
            if getattr(w, "key", None)}
    keys |= {getattr(w.proto, "id", "") for w in at.get("file_uploader")}
    return {k for k in keys if any(name in str(k) for name in IMPORT_KEYS)}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_visitor_sees_no_import_controls(data_copy, lang):
    at = data_page(lang=lang)
    assert not import_controls(at)
    assert not at.get("file_uploader")
    assert t("editors_only", lang) in [i.value for i in at.info]
    assert not [b for b in at.button if b.key == "editor_login"], "no login offered when none is configured"


def test_a_visitor_on_a_server_with_login_is_offered_it(data_copy):
    secrets = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                        "client_id": "id", "client_secret": "s",
                        "server_metadata_url": "https://login.example/.well-known/openid-configuration"},
               "regionstats": {"editors": ["analys@region.example"]}}
    at = data_page(user={"is_logged_in": False}, secrets=secrets)
    assert not at.get("file_uploader")
    assert [b for b in at.button if b.key == "editor_login"]


def test_a_logged_in_user_not_listed_is_not_an_editor(data_copy):
    secrets = {"auth": {"cookie_secret": "x" * 32}, "regionstats": {"editors": ["analys@region.example"]}}
    at = data_page(user={"is_logged_in": True, "email": "[x](http://evil.example)@b.se"}, secrets=secrets)
    assert not at.get("file_uploader")
    assert any("inte finns bland redaktörerna" in i.value and not MARKUP.search(i.value) for i in at.info)


def test_streamlits_local_test_user_is_not_an_editor(data_copy):
    # a local server without [auth] reports {"email": "test@example.com"} and no is_logged_in
    at = data_page(user={"email": "test@example.com"},
                   secrets={"regionstats": {"editors": ["test@example.com"]}})
    assert not at.get("file_uploader")


def test_a_listed_editor_can_import(data_copy):
    secrets = {"auth": {"cookie_secret": "x" * 32}, "regionstats": {"editors": ["Analys@Region.example"]}}
    at = data_page(user={"is_logged_in": True, "email": "analys@region.example"}, secrets=secrets)
    at.file_uploader(key="import_upload").set_value(("ostergotland.csv", GOOD, "text/csv")).run()
    at.button(key="import_confirm").click().run()
    assert_calm(at)
    written = [p.read_text(encoding="utf-8") for p in data_copy.rglob("observations.csv")]
    assert any("09,population,2025" in text for text in written)  # curated or data/imported/


def test_the_single_analyst_setting_makes_an_editor(data_copy, monkeypatch):
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")
    at = data_page()
    assert at.get("file_uploader")
    assert t("editor_local", "sv") in [c.value for c in at.caption]


def test_only_http_addresses_from_data_are_links(planted):
    at = run_page("data")
    link = t("link", "sv")
    tables = [d.value for d in at.dataframe if link in d.value.columns]
    assert tables
    for table in tables:
        addresses = [a for a in table[link] if isinstance(a, str)]
        assert addresses, "the http(s) addresses stay links"
        assert all(a.startswith(("http://", "https://")) for a in addresses), addresses[:3]


def test_an_uploaded_files_cells_are_quoted_as_text_in_the_report(data_copy, monkeypatch):
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")
    hostile = (
        "region_code;indicator_id;year;value;status;source_id;publisher;title;url;published\n"
        f"{LINK_TEXT};population;2020;{IMAGE_TEXT};published;x;:red[**P**];{LINK_TEXT};javascript:alert(1);2021\n"
    ).encode("utf-8")
    before = digest(data_copy)
    at = data_page()
    at.file_uploader(key="import_upload").set_value(("[x](http:evil.example).csv", hostile, "text/csv")).run()
    assert_calm(at)
    shown = texts(at)
    plain_text = [e.value for e in at.text]  # st.text: never markdown
    assert any("Logga in här" in s for s in shown + plain_text), "the report quotes the cell"
    for text in shown:
        assert not MARKUP.search(text), text
    assert digest(data_copy) == before


@pytest.mark.parametrize("slug", ["oversikt", "finansiering", "topp-fem"])
def test_planted_markup_stays_text_in_presentation_mode(planted, slug):
    # Översikt's first slide holds its KPI cards (council); its chart, with the source line, is the second
    at = run_page(slug, present="1", **({"slide": "1"} if slug == "oversikt" else {}))
    html = [h.proto.body for h in at.get("html")]
    assert any("Logga in här" in h for h in html), "the source line quotes the planted title"
    for body in html:
        assert "evil.example" not in " ".join(re.findall(r"<(?:a|img)\b[^>]*>", body, flags=re.I)), body
    specs = [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("plotly_chart")]
    assert specs and not [spec for spec in specs if re.search(r"<a\b", spec, re.I)]
