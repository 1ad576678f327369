"""N Streamlit processes over one read-only warehouse behind HAProxy with sticky sessions: `make serve N=4`.

Run: `.venv/bin/python deploy/serve.py [--processes 4] [--port 8501] [--data DIR]`. It builds the warehouse
once from the data folder into `.cache/serve/warehouse.duckdb`, starts the processes on 127.0.0.1 (ports
port+1 … port+N, each with REGIONSTATS_DATABASE pointing at that file, so none reads the CSVs), writes
deploy/haproxy.cfg filled in to `.cache/serve/haproxy.cfg`, checks it and starts HAProxy on 127.0.0.1:port.
Ctrl-C (or SIGTERM) stops them all.

New data while it runs: `.venv/bin/python deploy/serve.py --publish [--data DIR]` builds a new warehouse
under a name of its own beside the served one and swaps the `warehouse.duckdb` symlink to it (one atomic
rename); every process sees the file's new identity on its next script run (``db.data_version``) and opens
it, while runs already under way finish on the old one. Nothing is restarted.
"""

import argparse
import os
import shutil
import signal
import string
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regionstats import config, db  # noqa: E402

TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg"


def run_dir() -> Path:
    return config.cache_dir() / "serve"


def warehouse_path() -> Path:
    return run_dir() / "warehouse.duckdb"


def haproxy_config(port: int, backend_ports: list[int]) -> str:
    """deploy/haproxy.cfg with the address to listen on (loopback only) and one server per process."""
    servers = "\n".join(f"    server st{i} 127.0.0.1:{p} cookie st{i}" for i, p in enumerate(backend_ports, 1))
    return string.Template(TEMPLATE.read_text(encoding="utf-8")).substitute(bind=f"127.0.0.1:{port}",
                                                                            servers=servers)


def haproxy_binary() -> str:
    found = shutil.which("haproxy")
    if found is None:
        raise SystemExit("HAProxy is not installed: `make proxy` installs Debian's package")
    return found


def check_config(path: Path) -> None:
    """`haproxy -c`: the filled-in config is valid (exits with HAProxy's own message if not)."""
    done = subprocess.run([haproxy_binary(), "-c", "-q", "-f", str(path)], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{path}: {(done.stderr or done.stdout).strip()}")


# A served process watches no files: the code does not change under it, and new data arrives as a published
# warehouse (db.data_version), not as an edited file. Streamlit's watcher otherwise walks every imported
# module's file for changes, CPU that serves no one.
SERVED_FLAGS = ("--server.fileWatcherType=none", "--server.runOnSave=false")

KEEP = 3  # published files kept: a process may still be reading an older one until its next script run


def publish(data_dir: Path, link: Path) -> Path:
    """Build the warehouse of data_dir under a name of its own and swap the symlink ``link`` to it (atomic).

    A new name, not a rename over the old file: DuckDB keeps one instance per path in a process, so only a
    new path makes the processes open the new file (``db.connect`` opens the link's target). The
    published files before the last KEEP are removed (a process still reading one keeps its open file).
    """
    link.parent.mkdir(parents=True, exist_ok=True)
    target = link.with_name(f"{link.stem}-{time.time_ns()}{link.suffix}")
    db.build_database(Path(data_dir), target)
    staged = link.with_name(link.name + ".swap")
    staged.unlink(missing_ok=True)
    staged.symlink_to(target.name)
    os.replace(staged, link)
    for old in sorted(link.parent.glob(f"{link.stem}-*{link.suffix}"))[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


@dataclass
class Served:
    proxy_port: int
    backend_ports: list[int]
    database: Path
    processes: list[subprocess.Popen] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended (exit {process.returncode})")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer /_stcore/health within {timeout:.0f} s")


def start(processes: int, port: int, data_dir: Path, flags: tuple = (), timeout: float = 120) -> Served:
    """Build the shared warehouse, start the processes and the proxy, and return once all answer."""
    folder = run_dir()
    folder.mkdir(parents=True, exist_ok=True)
    publish(data_dir, warehouse_path())
    served = Served(port, [port + i for i in range(1, processes + 1)], warehouse_path())
    config_path = folder / "haproxy.cfg"
    config_path.write_text(haproxy_config(port, served.backend_ports), encoding="utf-8")
    check_config(config_path)
    env = {**os.environ, db.SHARED_DATABASE: str(served.database),
           "REGIONSTATS_CACHE_DIR": str(folder / "cache")}
    try:
        for backend in served.backend_ports:
            log = (folder / f"streamlit-{backend}.log").open("wb")
            served.processes.append(subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless=true",
                 f"--server.port={backend}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
                 *SERVED_FLAGS, *flags], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        for backend, process in zip(served.backend_ports, served.processes):
            _wait_healthy(f"http://127.0.0.1:{backend}", process, timeout)
        log = (folder / "haproxy.log").open("wb")
        served.proxy = subprocess.Popen([haproxy_binary(), "-W", "-db", "-f", str(config_path)],
                                        stdout=log, stderr=subprocess.STDOUT)
        _wait_healthy(served.url, served.proxy, 30)
    except BaseException:
        stop(served)
        raise
    return served


def stop(served: Served) -> None:
    """Stop the proxy, then every process (each by its own id)."""
    for process in ([served.proxy] if served.proxy else []) + served.processes:
        if process.poll() is None:
            process.terminate()
    for process in ([served.proxy] if served.proxy else []) + served.processes:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--port", type=int, default=8501, help="the proxy's port (the processes take the next N)")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: REGIONSTATS_DATA_DIR or data/)")
    parser.add_argument("--publish", action="store_true", help="build a new warehouse and swap it in, then exit")
    args = parser.parse_args()
    data_dir = args.data or config.data_dir()
    if args.publish:
        print(f"published {publish(data_dir, warehouse_path())}")
        return
    served = start(max(1, args.processes), args.port, data_dir)
    print(f"{len(served.processes)} Streamlit processes (ports {served.backend_ports[0]}–{served.backend_ports[-1]}) "
          f"over {served.database}, behind HAProxy: open {served.url}   (Ctrl-C stops them all)", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while all(p.poll() is None for p in served.processes + [served.proxy]):
            time.sleep(1)
        print("a process ended; stopping the others", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        stop(served)


if __name__ == "__main__":
    main()
