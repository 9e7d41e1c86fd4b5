"""Peers measured beside us in the same run, where they install with pip.

- Agreement against ``krippendorff`` and statsmodels: HOOK. The exchange/agreement engineer owns the
  comparison (same data fed to both); when a module below exposes ``compare_with_peers(docs) ->
  {"rows": [{"what", "ours_s", "peer", "peer_s"}, ...]}`` its rows are printed. Until then the table
  says which hook it looked for.
- Label Studio 1.23.2: benchmarks/peers/labelstudio.py (its own venv, installed only when asked with
  ``--install``; never in CI). With ``--peers`` and that venv present, the bench runs it on the very
  files our CLI row used (the 100 k-character speech and its 2 000 spans).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

AGREEMENT_HOOKS = (("annotator.agreement.bench", "compare_with_peers"),
                   ("annotator.exchange.bench", "compare_with_peers"))
PEERS_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "peers"


def agreement_peers(units: int) -> dict:
    """Run in a child process (annotator/bench/child.py) so numpy and the peers weigh on no other figure.

    The agreement code's ``compare_with_peers(units=…)`` returns [{name, ours_seconds, peer_seconds, ratio,
    note?}]; each becomes a row (a missing peer says so instead of a ratio)."""
    for module_name, attr in AGREEMENT_HOOKS:
        try:
            compare = getattr(importlib.import_module(module_name), attr, None)
        except ImportError:
            continue
        if compare is None:
            continue
        try:
            entries = compare(units=units)
        except ImportError as exc:  # numpy / the peers are the bench extra
            return {"rows": [], "note": f"peers not installed ({exc}): pip install '.[bench]'"}
        rows, notes = [], []
        for entry in entries:
            if entry.get("peer_seconds"):
                rows.append({"what": entry["name"], "ours_s": entry["ours_seconds"], "peer": entry["name"].split(" vs ")[-1],
                             "peer_s": entry["peer_seconds"], "difference": entry.get("difference", 0.0)})
            else:
                notes.append(f"{entry['name']}: {entry.get('note', 'peer not run')}")
        return {"rows": rows, **({"note": "; ".join(notes)} if notes else {})}
    hooks = " or ".join(f"{m}.{a}" for m, a in AGREEMENT_HOOKS)
    return {"rows": [], "note": f"krippendorff/statsmodels comparison not available yet (hook: {hooks})"}


def labelstudio(cli: dict, folder: Path, *, enabled: bool, log) -> dict:
    script = PEERS_DIR / "labelstudio.py"
    if not enabled:
        return {"note": "pass --peers (after benchmarks/peers/labelstudio.py --install)"}
    if not script.exists():
        return {"note": f"{script} not found (run from a source checkout)"}
    log("peer: Label Studio (local server)")
    folder.mkdir(parents=True, exist_ok=True)
    files = cli["files"]
    # Our one-command import runs again before each of the peer's runs (interleaved: both see the same
    # machine from moment to moment; absolute times on a shared machine move 3× from day to day).
    ours = [sys.executable, "-m", "annotator", "import", "{project}", files["speech100k"], "--labels", files["spans"],
            "--labels-format", "doccano", "--annotator", "张三"]
    out = subprocess.run([sys.executable, str(script), "--measure", files["speech100k"], files["spans"],
                          "--runs", "5", "--workdir", str(folder), "--ours", *ours],
                         capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        return {"note": (out.stderr.strip().splitlines() or ["failed"])[-1][:120]}
    return json.loads(out.stdout.strip().splitlines()[-1])
