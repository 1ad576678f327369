"""`make serve`'s set-up (deploy/serve.py, deploy/haproxy.cfg): the filled-in HAProxy config is valid for
Debian's HAProxy (`make test` installs it, as `make serve` does), keeps sessions sticky, passes the
websocket and listens on loopback only; a published warehouse is a new file behind the same path, which
a process's connection opens anew. bench/load.py --via-proxy measures the whole thing under load."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from regionstats import db

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy import serve  # noqa: E402


def test_the_config_has_one_sticky_server_per_process_on_loopback_and_haproxy_accepts_it(tmp_path):
    text = serve.haproxy_config(8600, [8601, 8602, 8603])
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert "bind 127.0.0.1:8600" in lines
    assert [line for line in lines if line.startswith("server ")] == [
        "server st1 127.0.0.1:8601 cookie st1", "server st2 127.0.0.1:8602 cookie st2",
        "server st3 127.0.0.1:8603 cookie st3"]
    assert any(line.startswith("cookie RS_BACKEND insert") for line in lines)
    assert "option httpchk GET /_stcore/health" in lines
    assert any(line.startswith("timeout tunnel") for line in lines)  # open websockets are not cut at 60 s
    path = tmp_path / "haproxy.cfg"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["haproxy", "-c", "-f", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout


def published_copy(tmp_path):
    """A copy of the bundled data's tables and a warehouse published from it: (data folder, link, file)."""
    data = tmp_path / "data"
    data.mkdir()
    for table in (ROOT / "data").glob("*.csv"):
        (data / table.name).write_bytes(table.read_bytes())
    link = tmp_path / "serve" / "warehouse.duckdb"
    return data, link, serve.publish(data, link)


def test_a_published_warehouse_is_opened_anew_by_the_next_connection(tmp_path, monkeypatch):
    data, link, first = published_copy(tmp_path)
    monkeypatch.setenv(db.SHARED_DATABASE, str(link))
    old_version, old = db.data_version(), db.connect()
    regions = old.execute("select count(*) from regions").fetchone()[0]

    # new data: one more region
    with (data / "regions.csv").open("a", encoding="utf-8") as handle:
        handle.write("99,county,Nylän,New County,SE99,99,false,false,\n")
    second = serve.publish(data, link)
    assert second != first and link.resolve() == second
    assert db.data_version() != old_version  # what every process's caches are keyed by
    new = db.connect()  # the old connection is still open, as in a running process
    assert new.execute("select count(*) from regions").fetchone()[0] == regions + 1
    assert old.execute("select count(*) from regions").fetchone()[0] == regions  # a run under way goes on
    with pytest.raises(duckdb.Error):  # and it stays locked
        new.execute("select * from read_csv('/etc/hostname')")


def test_a_published_warehouse_is_served_once_the_recent_views_are_built_for_it(tmp_path, monkeypatch):
    """The warm-up (regionstats/cached.py): a run that finds a new file behind the link is still answered from
    the file served so far, while one thread builds the recent views for the new file; then every run serves
    the new file, and its views are already cached (no cold rebuild when visitors come back)."""
    import threading

    from regionstats import cached
    from regionstats.selection import Selection
    from regionstats.views import registry

    data, link, first = published_copy(tmp_path)
    monkeypatch.setenv(db.SHARED_DATABASE, str(link))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(data))
    monkeypatch.setattr(cached, "_served", {"version": None, "warming": None})
    for recent in ("_recent_views", "_recent_queries"):  # only this test's views and queries
        monkeypatch.setattr(cached, recent, type(getattr(cached, recent))())
    cached.clear()
    view_module = registry.BY_SLUG["finansiering"].view
    with cached.script_run():
        old_version = cached.data_version()
        old_view = cached.view(view_module, Selection(home="18"))
    assert cached._files[old_version] == first

    with (data / "regions.csv").open("a", encoding="utf-8") as handle:
        handle.write("99,county,Nylän,New County,SE99,99,false,false,\n")
    second = serve.publish(data, link)
    built = []
    real_view = cached._view
    release = threading.Event()

    def slow_view(*args):  # holds the warm-up until the test has checked the run in between
        if threading.current_thread().name == "regionstats-warm":
            release.wait(30)
            built.append(args[2])
        return real_view(*args)

    monkeypatch.setattr(cached, "_view", slow_view)
    with cached.script_run():
        assert cached.data_version() == old_version  # warming: still the old file's answers
        assert cached.view(view_module, Selection(home="18")) is old_view
    release.set()
    warm = next(thread for thread in threading.enumerate() if thread.name == "regionstats-warm")
    warm.join(30)
    new_version = db.shared_version(second)
    assert built == [new_version]  # the recent view, built for the new file
    with cached.script_run():
        assert cached.data_version() == new_version
        assert cached.connection().execute("select count(*) from regions where region_code = '99'").fetchone() == (1,)
    monkeypatch.setattr(cached, "_view", real_view)
    cached.clear()


def test_a_warm_up_keeps_a_view_whose_answers_are_unchanged_and_builds_one_whose_answers_changed(tmp_path,
                                                                                                   monkeypatch):
    """A publish that changes one region's name: the views that read the regions are built anew, the others are
    the same objects under the new version (no Python rebuild, their figures already drawn)."""
    from regionstats import cached
    from regionstats.selection import Selection
    from regionstats.views import registry

    data, link, _ = published_copy(tmp_path)
    monkeypatch.setenv(db.SHARED_DATABASE, str(link))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(data))
    monkeypatch.setattr(cached, "_served", {"version": None, "warming": None})
    monkeypatch.setattr(cached, "RELEASE_AFTER", 0.1)
    for recent in ("_recent_views", "_recent_queries", "_view_inputs"):
        monkeypatch.setattr(cached, recent, type(getattr(cached, recent))())
    cached.clear()
    funding = registry.BY_SLUG["finansiering"].view
    with cached.script_run():
        old_version = cached.data_version()
        old_view = cached.view(funding, Selection(home="18"))
    # the same data published again: every answer alike
    second = serve.publish(data, link)
    with cached.script_run():
        assert cached.data_version() == old_version
    cached_thread = next(thread for thread in __import__("threading").enumerate() if thread.name == "regionstats-warm")
    cached_thread.join(60)
    with cached.script_run():
        assert cached.data_version() == db.shared_version(second)
        assert cached.view(funding, Selection(home="18")) is old_view  # kept, not built again
    # then the old file's entries are let go (memory holds one version)
    import time

    key = (funding.__name__, repr(Selection(home="18")), "", old_version)
    deadline = time.monotonic() + 20
    while key in cached._view_inputs and time.monotonic() < deadline:
        time.sleep(0.1)
    assert key not in cached._view_inputs
    assert cached._view(*key[:2], old_version, str(data), "", Selection(home="18"), None) is not old_view

    # a changed region name: the view that shows it is built anew and shows it
    regions = (data / "regions.csv").read_text(encoding="utf-8")
    assert "\n18,county,Örebro,Örebro," in regions
    (data / "regions.csv").write_text(regions.replace("\n18,county,Örebro,Örebro,", "\n18,county,Örebro nytt namn,Örebro,"),
                                      encoding="utf-8")
    third = serve.publish(data, link)
    with cached.script_run():
        cached.data_version()
    next(thread for thread in __import__("threading").enumerate() if thread.name == "regionstats-warm").join(60)
    with cached.script_run():
        assert cached.data_version() == db.shared_version(third)
        new_view = cached.view(funding, Selection(home="18"))
    assert new_view is not old_view
    assert "Örebro nytt namn" in repr(new_view) and "Örebro nytt namn" not in repr(old_view)
    cached.clear()
