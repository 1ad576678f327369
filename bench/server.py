"""A Streamlit server of the dashboard on 127.0.0.1 for the benchmarks: a free port, started, healthy."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int, cache: str, data: str | None = None, flags: tuple = (), timeout: float = 90,
          script: str = "dashboard.py") -> subprocess.Popen:
    """Start `streamlit run dashboard.py` (or another script) with its own cache folder (and data folder, if
    given) and return once /_stcore/health answers; the caller terminates it."""
    env = {**os.environ, "REGIONSTATS_CACHE_DIR": cache}
    if data:
        env["REGIONSTATS_DATA_DIR"] = data
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", *flags],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1).read() == b"ok":
                return process
        except OSError:
            time.sleep(0.25)
    process.terminate()
    process.wait(10)
    raise TimeoutError("streamlit did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(10)
