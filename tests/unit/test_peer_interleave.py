"""benchmarks/peers/labelstudio.py --ours: our command, run between the peer's runs, gets a new project
path each time and its wall time and peak memory come back (Label Studio itself is not needed here)."""

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "peers" / "labelstudio.py"


def _module():
    spec = importlib.util.spec_from_file_location("ls_peer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_our_command_runs_on_a_fresh_project_path_each_time(tmp_path):
    peer = _module()
    template = [sys.executable, "-c", "import sys; open(sys.argv[1], 'w').write('x')", "{project}", "--index", "none"]
    for run in (0, 1):
        wall, rss = peer._ours_once(template, tmp_path, run)
        assert wall > 0 and (rss is None or rss > 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ours-0.annotator.db", "ours-1.annotator.db"]


def test_a_failing_command_stops_the_measurement_with_its_message(tmp_path):
    peer = _module()
    try:
        peer._ours_once([sys.executable, "-c", "import sys; sys.exit('boom {project}')", "--no-index"], tmp_path, 0)
    except SystemExit as exc:
        assert "boom" in str(exc)
    else:
        raise AssertionError("a failing command must not be timed")
