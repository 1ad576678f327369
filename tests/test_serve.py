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


def test_a_published_warehouse_is_opened_anew_by_the_next_connection(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for table in (ROOT / "data").glob("*.csv"):
        (data / table.name).write_bytes(table.read_bytes())
    link = tmp_path / "serve" / "warehouse.duckdb"
    first = serve.publish(data, link)
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
