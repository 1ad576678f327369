"""People at one meeting: simulated sessions changing filters on local servers, bounded in count and time.

Run: `.venv/bin/python bench/load.py [--sessions 20] [--seconds 60] [--data DIR]`: one server of its own on
127.0.0.1 (XSRF off, as no browser is involved). Each session opens a websocket as the browser does, runs
a page, and keeps changing the home region (a widget change, as a click sends it), waiting for each rerun
to finish before the next. It prints p50/p95/max per rerun, the reruns done, errors (an exception or error
message in a rerun, a dropped connection) and the server's resident memory before and after (and its peak).

`--via-proxy [--processes 4] [--sessions 80]`: `deploy/serve.py`'s set-up instead (N processes over one
shared read-only warehouse behind HAProxy with sticky sessions); each session first asks the proxy for the
page, as a browser does, and keeps the RS_BACKEND cookie it is given for its websocket. Halfway through,
a new warehouse is published (built beside the served one and renamed over it); the report says, per
process, how many reruns it served after that and whether it has the new file open. Targets: p50 ≤ 1.5 s,
p95 ≤ 3 s, zero errors, memory flat. Loopback only; at most 100 sessions and 300 s. A measurement, not a
test: nothing here fails.
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import free_port, serve, stop  # noqa: E402
from regionstats.views import registry  # noqa: E402

PAGES = [page.slug for page in registry.TABLE]  # each session stays on one page (its rerun's page_name)
NO_BROWSER = ("--server.enableXsrfProtection=false", "--server.enableCORS=false")
HOMES = ["Stockholm", "Uppsala", "Östergötland", "Västerbotten", "Örebro"]  # the selectbox shows names


def rss_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) memory of a process in MB, from /proc."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sticky_cookie(http_url: str) -> str:
    """The page as a browser first asks for it through the proxy; the RS_BACKEND cookie the proxy sets."""
    import urllib.request

    with urllib.request.urlopen(http_url + "/", timeout=60) as answer:
        cookies = answer.headers.get_all("Set-Cookie") or []
    return next((c.split(";", 1)[0] for c in cookies if c.startswith("RS_BACKEND=")), "")


class Session:
    """One browser tab's worth of protocol: rerun requests out, deltas in, until the script finishes."""

    def __init__(self, url: str, page: str, http_url: str | None = None):
        self.url, self.page, self.home_id, self.ws = url, page, None, None
        self.http_url, self.cookie, self.problems = http_url, "", []

    @property
    def backend(self) -> str:
        return self.cookie.partition("=")[2] or "direct"

    async def open(self):
        import websockets

        headers = {}
        if self.http_url:
            self.cookie = await asyncio.to_thread(sticky_cookie, self.http_url)
            headers["Cookie"] = self.cookie
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                           open_timeout=60, ping_interval=None, additional_headers=headers)

    async def rerun(self, home: str | None = None, page: str | None = None, timeout: float = 120) -> float:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string = ""
        state.page_name = self.page if page is None else page
        if home is not None and self.home_id:
            widget = state.widget_states.widgets.add()
            widget.id = self.home_id
            widget.string_value = home
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        deadline = start + timeout
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, deadline - time.perf_counter()))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                shown = element.WhichOneof("type")
                if shown == "selectbox" and element.selectbox.id.endswith("-home"):
                    self.home_id = element.selectbox.id
                elif shown == "exception":
                    self.problems.append(f"exception: {element.exception.message}"[:200])
                elif shown == "alert" and element.alert.format == element.alert.ERROR:
                    self.problems.append(f"error shown: {element.alert.body}"[:200])
            elif kind == "script_finished":
                if self.problems:
                    raise RuntimeError("; ".join(self.problems))
                return time.perf_counter() - start

    async def close(self):
        if self.ws is not None:
            await self.ws.close()


THINK = (2.0, 10.0)  # seconds a person reads a page before the next click (uniform)


async def user(url: str, index: int, start_at: float, until: float, timings: list, errors: list, opened: list,
               http_url: str | None = None) -> None:
    """One person: opens the page at start_at (the ramp-up), then clicks, reads 2–10 s, clicks again.

    timings gets (moment the rerun finished, seconds, backend) per click; opened the opening runs' seconds."""
    rng = random.Random(index)
    session = Session(url, PAGES[index % len(PAGES)], http_url)
    try:
        await asyncio.sleep(max(0.0, start_at - time.perf_counter()))
        await session.open()
        began = time.perf_counter()
        await session.rerun(page="")  # the first run (the overview): shell, catalogues, the widgets' ids
        await session.rerun()  # the session's own page
        opened.append(time.perf_counter() - began)
        while time.perf_counter() < until:
            if session.home_id is None:
                raise RuntimeError("the home region's selectbox was not found")
            await asyncio.sleep(min(rng.uniform(*THINK), max(0.0, until - time.perf_counter())))
            if time.perf_counter() >= until:
                break
            took = await session.rerun(home=rng.choice(HOMES))
            timings.append((time.perf_counter(), took, session.backend))
    except Exception as error:  # noqa: BLE001 - reported, the others go on
        errors.append(f"session {index} ({session.backend}): {type(error).__name__}: {error}"[:240])
    finally:
        await session.close()


async def run_load(url: str, sessions: int, seconds: float, http_url: str | None = None, midway=None,
                   ramp: float = 0.0) -> tuple[list, list, list]:
    """(per click: (finished at, seconds, backend), errors, the sessions' opening runs in seconds); the
    sessions open one after another over the first ``ramp`` seconds; midway() runs in a thread halfway
    through."""
    timings, errors, opened = [], [], []
    began = time.perf_counter()
    until = began + seconds

    async def at_half_time():
        if midway is not None:
            await asyncio.sleep(seconds / 2)
            await asyncio.to_thread(midway)

    await asyncio.gather(at_half_time(), *(user(url, i, began + ramp * i / max(1, sessions), until, timings,
                                                errors, opened, http_url)
                                           for i in range(sessions)))
    return timings, errors, opened


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


RAMP = 10.0  # seconds over which the sessions open, one after another, as people arrive at a meeting


def counted(timings: list, began: float, warmup: float) -> list:
    """The clicks' seconds after the warm-up (the ramp-up, while the sessions still open, is not counted)."""
    return [took for moment, took, _ in timings if moment - began >= warmup]


def direct(args, sessions: int, seconds: float) -> None:
    """One server of its own, the sessions straight to it."""
    port = free_port()
    with tempfile.TemporaryDirectory() as cache:
        process = serve(port, cache, args.data, NO_BROWSER)
        try:
            url = f"ws://127.0.0.1:{port}/_stcore/stream"
            # warm: the warehouse is built; one person alone
            alone, alone_errors, _ = asyncio.run(run_load(url, 1, 20))
            before, cpu_before = rss_mb(process.pid), cpu_seconds(process.pid)
            began = time.perf_counter()
            timings, errors, opened = asyncio.run(run_load(url, sessions, seconds, ramp=RAMP))
            after, cpu = rss_mb(process.pid), cpu_seconds(process.pid) - cpu_before
            load = os.getloadavg()
        finally:
            stop(process)
    print(f"{os.cpu_count()} CPUs; {sessions} sessions for {seconds:.0f} s on 127.0.0.1 (opened over {RAMP:.0f} s, "
          f"{THINK[0]:.0f}–{THINK[1]:.0f} s between a session's clicks); load average {load[0]:.1f} {load[1]:.1f}")
    if alone:
        print(f"one session alone: p50 {statistics.median([t for _, t, _ in alone]):.2f} s over {len(alone)} reruns")
    print_timings(counted(timings, began, RAMP), errors, f"clicks after the first {RAMP:.0f} s")
    print_opened(opened)
    print(f"server memory: {before[0]:.0f} MB before, {after[0]:.0f} MB after (peak {after[1]:.0f} MB)")
    if timings:
        runs = len(timings) + 2 * len(opened)
        print(f"server CPU: {cpu:.1f} s for {runs} script runs ({2 * len(opened)} opening the sessions) = "
              f"{cpu / runs * 1000:.0f} ms per run "
              f"(machine load average {load[0]:.1f} on {os.cpu_count()} CPUs: the rest is waiting for a CPU)")
    for error in (alone_errors + errors)[:5]:
        print("error:", error)


def print_timings(timings: list, errors: list | None, what: str = "clicks") -> None:
    if timings:
        p50, p95 = statistics.median(timings), percentile(timings, 0.95)
        tail = "" if errors is None else (f"; errors: {len(errors)}   (targets p50 ≤ 1.5 s, p95 ≤ 3 s, no errors)")
        print(f"{what}: {len(timings)} reruns; p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(timings):.2f} s{tail}")
    else:
        print(f"{what}: no rerun finished" + ("" if errors is None else f"; errors: {len(errors)}"))


def print_opened(opened: list) -> None:
    if opened:
        print(f"opening a session (its first two runs): p50 {statistics.median(opened):.2f} s, "
              f"p95 {percentile(opened, 0.95):.2f} s over {len(opened)} sessions (not in the figures above)")


def open_inodes(pid: int) -> set:
    """The inodes of the files a process has open (to see which warehouse it reads)."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.add(os.stat(fd).st_ino)
        except OSError:
            pass
    return found


def switched_at(log: Path, target: Path) -> tuple[float | None, str]:
    """When (time.time()) a served process said it serves the published file (regionstats.cached logs it),
    and what it said."""
    if not log.exists():
        return None, ""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if "serving" in line and target.name in line:
            try:
                return float(line.rsplit(" at ", 1)[1].split()[0]), line.partition("; serving")[0]
            except (IndexError, ValueError):
                return None, line
    return None, ""


def via_proxy(args, sessions: int, seconds: float) -> None:
    """deploy/serve.py's processes behind HAProxy; a new warehouse published halfway."""
    from deploy import serve as deploy

    port = free_port()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REGIONSTATS_CACHE_DIR"] = cache  # the served warehouse and logs: deploy.run_dir()
        data = Path(args.data) if args.data else ROOT / "data"
        served = deploy.start(args.processes, port, data)
        pids = {f"st{i}": p.pid for i, p in enumerate(served.processes, 1)}
        logs = {f"st{i}": deploy.run_dir() / f"streamlit-{p}.log" for i, p in enumerate(served.backend_ports, 1)}
        swapped = {}

        def publish():
            swapped["memory"] = {name: rss_mb(pid)[0] for name, pid in pids.items()}
            swapped["at"], swapped["wall"] = time.perf_counter(), time.time()
            swapped["target"] = deploy.publish(data, served.database)
            swapped["seconds"] = time.perf_counter() - swapped["at"]
            swapped["inode"] = served.database.stat().st_ino

        try:
            url = served.url.replace("http://", "ws://") + "/_stcore/stream"
            # warm: every process's caches (a few sessions each, through the proxy, every page)
            asyncio.run(run_load(url, max(2 * len(pids), len(PAGES)), 15, served.url))
            before = {name: rss_mb(pid) for name, pid in pids.items()}
            proxy_before = rss_mb(served.proxy.pid)
            load_before = os.getloadavg()
            began, began_wall = time.perf_counter(), time.time()
            timings, errors, opened = asyncio.run(run_load(url, sessions, seconds, served.url, publish, RAMP))
            time.sleep(1)  # a process's log line is written as it switches
            after = {name: rss_mb(pid) for name, pid in pids.items()}
            proxy_after = rss_mb(served.proxy.pid)
            reading_new = {name: swapped.get("inode") in open_inodes(pid) for name, pid in pids.items()}
            said = {name: switched_at(logs[name], swapped["target"]) if "target" in swapped else (None, "")
                    for name in pids}
            switched = {name: moment for name, (moment, _) in said.items()}
            load = os.getloadavg()
        finally:
            deploy.stop(served)
    print(f"{os.cpu_count()} CPUs; {sessions} sessions for {seconds:.0f} s through HAProxy "
          f"({len(pids)} Streamlit processes, sticky cookie) on 127.0.0.1, opened over {RAMP:.0f} s, "
          f"{THINK[0]:.0f}–{THINK[1]:.0f} s between a session's clicks; load average {load_before[0]:.1f} at the "
          f"start, {load[0]:.1f} {load[1]:.1f} at the end")
    print_timings(counted(timings, began, RAMP), errors, f"clicks after the first {RAMP:.0f} s")
    if "at" in swapped:
        cut = swapped["at"]
        print_timings([t for m, t, _ in timings if RAMP <= m - began and m < cut], None, "  before the publish")
        print_timings([t for m, t, _ in timings if m >= cut], None, "  after the publish")
    print_opened(opened)
    print(f"new warehouse published after {seconds / 2:.0f} s (built and renamed in {swapped.get('seconds', 0):.1f} s)")
    print(f"  {'process':8} {'reruns':>7} {'served new':>11} {'after':>7} {'new file open':>14} "
          f"{'memory before':>14} {'at publish':>10} {'after':>7} {'peak':>7}")
    for name in pids:
        mine = [m for m, _, backend in timings if backend == name and m - began >= RAMP]
        moment = switched[name]
        since = (moment - swapped["wall"]) if moment is not None else None
        served_new = sum(1 for m in mine if moment is not None and began_wall + (m - began) >= moment)
        print(f"  {name:8} {len(mine):7} {served_new:11} {f'{since:.1f} s' if since is not None else 'never':>7} "
              f"{'yes' if reading_new[name] else 'NO':>14} {before[name][0]:11.0f} MB "
              f"{swapped.get('memory', {}).get(name, 0):7.0f} MB {after[name][0]:4.0f} MB "
              f"{after[name][1]:4.0f} MB")
    print(f"  haproxy  memory {proxy_before[0]:.0f} MB before, {proxy_after[0]:.0f} MB after "
          f"(peak {proxy_after[1]:.0f} MB)")
    for name, (_, line) in said.items():
        if line:
            print(f"  {name}: {line}")
    everyone = all(reading_new.values()) and all(v is not None for v in switched.values())
    print(f"every process picked up the new warehouse: {'yes' if everyone else 'NO'} "
          "('after': seconds from the publish to the process serving the new file, its caches warmed)")
    for error in errors[:8]:
        print("error:", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", help="data folder (default: the bundled data/)")
    parser.add_argument("--via-proxy", action="store_true", help="deploy/serve.py's processes behind HAProxy")
    parser.add_argument("--processes", type=int, default=4, help="with --via-proxy: Streamlit processes")
    args = parser.parse_args()
    sessions, seconds = min(args.sessions, 100), min(args.seconds, 300)  # bounded whatever is asked
    if args.via_proxy:
        via_proxy(args, sessions, seconds)
    else:
        direct(args, sessions, seconds)


if __name__ == "__main__":
    main()
