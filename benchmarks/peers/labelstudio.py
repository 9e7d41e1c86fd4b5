"""Label Studio 1.23.2 beside us, on the same files: "import the document, then its spans".

    python benchmarks/peers/labelstudio.py --install          # once: its own venv (never in CI)
    python benchmarks/peers/labelstudio.py --measure SPEECH.txt SPANS.doccano.jsonl [--runs 7]
    python -m annotator.bench --peers                          # runs --measure on the bench's own files

--install creates ``benchmarks/peers/.venv-labelstudio`` (or $LS_PEER_VENV) and pip-installs
label-studio==1.23.2 into it (~1 GB, minutes); nothing else ever installs it. --measure starts a local
server from that venv in a temporary data folder (SQLite, a throwaway user with a legacy API token),
waits for /health, then per run: creates a project with a Labels config for our two labels, imports
the document as one task (POST /api/projects/{id}/import) and then its spans as one annotation
(POST /api/tasks/{id}/annotations), timing the two requests, like our ``import`` + ``import-labels``.
The server's start-up is not counted (ours is: our row is cold processes), which favours the peer.
Prints one JSON line: {"peer_s": median seconds, "doc_s", "spans_s", "runs", "version"}.

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


def measure(speech: Path, spans_file: Path, runs: int, workdir: Path | None) -> dict:
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
        doc_times, span_times = [], []
        for run in range(runs + 1):  # the first run warms the server's caches; not counted
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
        totals = [d + s for d, s in zip(doc_times, span_times)]
        return {"peer_s": statistics.median(totals), "doc_s": statistics.median(doc_times),
                "spans_s": statistics.median(span_times), "runs": runs, "version": VERSION, "server_start_s": start_s,
                "chars": len(text), "spans": len(result)}
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
    args = parser.parse_args()
    if args.install:
        install()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.runs, args.workdir)))
    if not (args.install or args.measure):
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
