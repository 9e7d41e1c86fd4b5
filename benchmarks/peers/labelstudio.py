"""Label Studio 1.23.2 beside us, on the same files: "import the document, then its spans".

    python benchmarks/peers/labelstudio.py --install          # once: its own venv (never in CI)
    python benchmarks/peers/labelstudio.py --measure SPEECH.txt SPANS.doccano.jsonl [--runs 7]
    python -m annotator.bench --peers                          # runs --measure on the bench's own files
    python benchmarks/peers/labelstudio.py --measure S.txt S.jsonl --runs 7 --ours python -m annotator import \
        {project} S.txt --labels S.jsonl --labels-format doccano --annotator 张三   # ours and the peer interleaved

--install creates ``benchmarks/peers/.venv-labelstudio`` (or $LS_PEER_VENV) and pip-installs
label-studio==1.23.2 into it (~1 GB, minutes); nothing else ever installs it. --measure starts a local
server from that venv in a temporary data folder (SQLite, a throwaway user with a legacy API token),
waits for /health, then per run: creates a project with a Labels config for our two labels, imports
the document as one task (POST /api/projects/{id}/import) and then its spans as one annotation
(POST /api/tasks/{id}/annotations), timing the two requests, like our ``import`` + ``import-labels``.
The server's start-up is not counted (ours is: our row is cold processes), which favours the peer.
Prints one JSON line: {"peer_s": median seconds, "doc_s", "spans_s", "runs", "version",
"peer_server_peak_rss_mb": the server's process tree at its peak during the runs (Linux; sampled)}.

Only the standard library is used on this side, so it runs from the annotator's own Python.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

VERSION = "1.23.2"
HERE = Path(__file__).resolve().parent
VENV = Path(os.environ.get("LS_PEER_VENV") or HERE / ".venv-labelstudio")
TOKEN = "annotator-bench-peer-token"
CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="directive"/><Label value="statistic"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>"""


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def install() -> None:
    if not _bin("python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(_bin("python")), "-m", "pip", "install", f"label-studio=={VERSION}"], check=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(base: str, method: str, path: str, body=None) -> dict | list:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        raw = response.read()
    return json.loads(raw) if raw else {}


def _wait_healthy(base: str, server: subprocess.Popen, patience: float = 1200) -> float:
    """Seconds until the server answered /health. Its first start migrates a new database (Django): ~1 min
    on an idle core, more than 5 minutes was seen on a busy shared machine."""
    started = time.monotonic()
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"label-studio exited with {server.returncode} while starting")
        try:
            with urllib.request.urlopen(base + "/health", timeout=5):
                return time.monotonic() - started
        except OSError:
            time.sleep(1)
    raise SystemExit(f"label-studio did not answer /health in {patience:.0f} s")


def _tree_rss_mb(root: int) -> float | None:
    """Resident memory of ``root`` and all its descendants now (Linux /proc; None elsewhere)."""
    proc = Path("/proc")
    if not (proc / str(root)).exists():
        return None
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


class _PeakSampler:
    """The peak of the server's whole process tree (workers included), sampled every 0.1 s while the
    peer's runs go on: the server side of Label Studio's memory (its browser tab is not measured here)."""

    def __init__(self, pid: int) -> None:
        import threading  # noqa: PLC0415

        self.pid, self.peak, self._stop = pid, None, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            now = _tree_rss_mb(self.pid)
            if now is not None:
                self.peak = max(self.peak or 0.0, now)

    def stop(self) -> float | None:
        self._stop.set()
        self._thread.join()
        return self.peak


def _ours_once(template: list[str], workdir: Path, run: int) -> tuple[float, float | None]:
    """One cold run of our command (``{project}`` in ``template`` → a new project file in ``workdir``):
    wall seconds until it exits, and its peak RSS in MB where the OS says."""
    project = workdir / f"ours-{run}.annotator.db"
    for leftover in workdir.glob(project.name + "*"):
        leftover.unlink()
    args = [arg.replace("{project}", str(project)) for arg in template]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as an installed app: .pyc kept
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        wall, code = time.perf_counter() - started, os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:
        code, wall, rss = proc.wait(), time.perf_counter() - started, None
    if code != 0:
        raise SystemExit(f"our command failed ({code}): {proc.stderr.read().decode(errors='replace')[-500:]}")
    proc.stderr.close()
    if "--no-index" not in args and "none" not in args:
        _wait_word_index(project)  # the detached indexer our import starts must not run beside the peer's run
    return wall, rss


def _wait_word_index(project: Path, patience: float = 300) -> None:
    """Until every document of our project is in its word index (or the project has no such table)."""
    import sqlite3  # noqa: PLC0415 - the harness reads the file our command made

    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                words, docs = conn.execute("SELECT (SELECT count(*) FROM documents_words),"
                                           " (SELECT count(*) FROM documents)").fetchone()
            finally:
                conn.close()
            if words >= docs:
                return
        except sqlite3.OperationalError:
            return
        time.sleep(0.05)


def measure(speech: Path, spans_file: Path, runs: int, workdir: Path | None, ours: list[str] | None = None) -> dict:
    if not _bin("label-studio").exists():
        raise SystemExit(f"Label Studio is not installed in {VENV}: run with --install first")
    record = json.loads(spans_file.read_text(encoding="utf-8").splitlines()[0])
    text, labels = record["text"], record["label"]
    result = [{"from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": s, "end": e, "text": text[s:e], "labels": [lab]}} for s, e, lab in labels]
    data_dir = Path(tempfile.mkdtemp(prefix="ls-peer-", dir=workdir))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir), "DJANGO_DB": "sqlite"}
    server = subprocess.Popen(
        [str(_bin("label-studio")), "start", "--no-browser", "--port", str(port), "--data-dir", str(data_dir),
         "--username", "bench@example.com", "--password", "bench-peer-password", "--user-token", TOKEN,
         "--enable-legacy-api-token"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start_s = _wait_healthy(base, server)
        sampler = _PeakSampler(server.pid)
        doc_times, span_times, ours_times, ours_rss = [], [], [], []
        for run in range(runs + 1):  # the first run warms the server's caches; not counted
            if ours:  # interleaved: our cold command just before each of the peer's runs, same machine state
                wall, rss = _ours_once(ours, data_dir, run)
                if run:
                    ours_times.append(wall)
                    ours_rss += [rss] if rss is not None else []
            project = _request(base, "POST", "/api/projects", {"title": f"bench {run}", "label_config": CONFIG})
            started = time.perf_counter()
            _request(base, "POST", f"/api/projects/{project['id']}/import", [{"data": {"text": text}}])
            doc_s = time.perf_counter() - started
            tasks = _request(base, "GET", f"/api/tasks?project={project['id']}")
            task_id = (tasks["tasks"] if isinstance(tasks, dict) else tasks)[0]["id"]
            started = time.perf_counter()
            _request(base, "POST", f"/api/tasks/{task_id}/annotations", {"result": result})
            spans_s = time.perf_counter() - started
            if run:
                doc_times.append(doc_s)
                span_times.append(spans_s)
        peer_peak = sampler.stop()
        totals = [d + s for d, s in zip(doc_times, span_times)]
        report = {"peer_s": statistics.median(totals), "doc_s": statistics.median(doc_times),
                  "spans_s": statistics.median(span_times), "runs": runs, "version": VERSION,
                  "server_start_s": start_s, "chars": len(text), "spans": len(result),
                  "peer_runs_s": [round(t, 4) for t in totals],
                  "peer_server_peak_rss_mb": round(peer_peak, 1) if peer_peak is not None else None}
        if ours_times:
            report.update(ours_s=statistics.median(ours_times), ours_runs_s=[round(t, 4) for t in ours_times],
                          ours_peak_rss_mb=max(ours_rss) if ours_rss else None, ours_command=" ".join(ours))
        return report
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--install", action="store_true", help=f"pip-install label-studio=={VERSION} into {VENV}")
    parser.add_argument("--measure", nargs=2, type=Path, metavar=("SPEECH", "SPANS_DOCCANO"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--ours", nargs=argparse.REMAINDER, default=None, metavar="COMMAND …",
                        help="our cold command, run before each of the peer's runs (interleaved); {project} in it "
                        "becomes a new project file, e.g. --ours python -m annotator import {project} SPEECH "
                        "--labels SPANS --labels-format doccano --annotator 张三 (last option)")
    args = parser.parse_args()
    if args.install:
        install()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.runs, args.workdir, args.ours)))
    if not (args.install or args.measure):
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
