"""Twenty people at one meeting: simulated sessions changing filters on a local server, bounded in time.

Run: `.venv/bin/python bench/load.py [--sessions 20] [--seconds 60] [--data DIR]`. It starts its own
server on 127.0.0.1 (XSRF off, as no browser is involved), then each session opens a websocket as the
browser does, runs a page, and keeps changing the home region (a widget change, as a click sends it),
waiting for each rerun to finish before the next. It prints p50/p95/max per rerun, the reruns done,
and the server's resident memory before and after (and its peak). The target: p50 ≤ 1.5 s and flat
memory. A measurement, not a test: nothing here fails.
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


class Session:
    """One browser tab's worth of protocol: rerun requests out, deltas in, until the script finishes."""

    def __init__(self, url: str, page: str):
        self.url, self.page, self.home_id, self.ws = url, page, None, None

    async def open(self):
        import websockets

        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                           open_timeout=60, ping_interval=None)

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
                if element.WhichOneof("type") == "selectbox" and element.selectbox.id.endswith("-home"):
                    self.home_id = element.selectbox.id
            elif kind == "script_finished":
                return time.perf_counter() - start

    async def close(self):
        if self.ws is not None:
            await self.ws.close()


async def user(url: str, index: int, until: float, timings: list, errors: list, opened: list) -> None:
    rng = random.Random(index)
    session = Session(url, PAGES[index % len(PAGES)])
    try:
        await session.open()
        await session.rerun(page="")  # the first run (the overview): shell, catalogues, the widgets' ids
        await session.rerun()  # the session's own page
        opened.append(2)
        while time.perf_counter() < until:
            if session.home_id is None:
                raise RuntimeError("the home region's selectbox was not found")
            timings.append(await session.rerun(home=rng.choice(HOMES)))
            await asyncio.sleep(rng.uniform(0.2, 1.0))  # a person reading, then clicking again
    except Exception as error:  # noqa: BLE001 - reported, the others go on
        errors.append(f"session {index}: {type(error).__name__}: {error}"[:200])
    finally:
        await session.close()


async def run_load(url: str, sessions: int, seconds: float) -> tuple[list, list, int]:
    """(seconds per filter-change rerun, errors, the sessions' opening runs)."""
    timings, errors, opened = [], [], []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(user(url, i, until, timings, errors, opened) for i in range(sessions)))
    return timings, errors, sum(opened)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", help="data folder (default: the bundled data/)")
    args = parser.parse_args()
    sessions, seconds = min(args.sessions, 50), min(args.seconds, 300)  # bounded whatever is asked
    port = free_port()
    with tempfile.TemporaryDirectory() as cache:
        process = serve(port, cache, args.data, NO_BROWSER)
        try:
            url = f"ws://127.0.0.1:{port}/_stcore/stream"
            # warm: the warehouse is built; one person alone
            alone, alone_errors, _ = asyncio.run(run_load(url, 1, 20))
            before, cpu_before = rss_mb(process.pid), cpu_seconds(process.pid)
            timings, errors, opening_runs = asyncio.run(run_load(url, sessions, seconds))
            after, cpu = rss_mb(process.pid), cpu_seconds(process.pid) - cpu_before
            load = os.getloadavg()[0]
        finally:
            stop(process)
    print(f"{os.cpu_count()} CPUs; {sessions} sessions for {seconds:.0f} s on 127.0.0.1")
    if alone:
        print(f"one session alone: p50 {statistics.median(alone):.2f} s over {len(alone)} reruns")
    if timings:
        p50, p95 = statistics.median(timings), percentile(timings, 0.95)
        print(f"reruns: {len(timings)}; p50 {p50:.2f} s, p95 {p95:.2f} s, "
              f"max {max(timings):.2f} s (target p50 ≤ 1.5 s)")
    print(f"server memory: {before[0]:.0f} MB before, {after[0]:.0f} MB after (peak {after[1]:.0f} MB)")
    if timings:
        runs = len(timings) + opening_runs
        print(f"server CPU: {cpu:.1f} s for {runs} script runs ({opening_runs} opening the sessions) = "
              f"{cpu / runs * 1000:.0f} ms per run "
              f"(machine load average {load:.1f} on {os.cpu_count()} CPUs: the rest is waiting for a CPU)")
    for error in (alone_errors + errors)[:5]:
        print("error:", error)


if __name__ == "__main__":
    main()
