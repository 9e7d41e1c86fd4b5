"""Run a probe script in a fresh interpreter (the caches under test install at start) and read the JSON
it prints last. Shared by the tests of regex_cache and code_cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_probe(probe: str, env_extra: dict, cwd: Path) -> dict:
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root), **env_extra)
    done = subprocess.run([sys.executable, "-c", probe], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
