"""``python -m annotator.bench.child FIGURE ARGS_JSON``: one figure in a process of its own.

Why a process per figure: the peak RSS printed beside a figure must be that figure's, and a process's
high-water mark only ever grows (the parent holds the corpus). VmHWM from /proc is used on Linux (it
resets at exec, unlike ru_maxrss which a fork+exec child inherits); ru_maxrss elsewhere. Figures that
start processes of their own (GUI, CLI) also report their children's peak (RUSAGE_CHILDREN).
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def _peak_self_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _paths(args: dict) -> list[Path]:
    return [Path(p) for p in args["paths"]]


def _texts(args: dict) -> list[str]:
    from annotator.io.readers import read_file  # noqa: PLC0415

    return [read_file(p).text for p in _paths(args)]


def run(name: str, args: dict) -> dict:
    from annotator.bench import corpus, measure  # noqa: PLC0415

    folder = Path(args["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    if name == "ingest":
        return measure.ingest(_paths(args), folder, args["runs"])
    if name == "ingest_stages":
        return measure.ingest_stages(_paths(args), folder, args["runs"])
    if name.startswith("ingest_one_line_"):
        from annotator.bench import ingest_extra  # noqa: PLC0415

        return ingest_extra.one_line(folder, name[len("ingest_one_line_"):], args["bytes"])
    if name == "outline_linear":
        from annotator.bench import linear  # noqa: PLC0415

        return linear.outline(args["small_chars"], args["runs"])
    if name == "outline_hostile":
        from annotator.bench import outline_hostile  # noqa: PLC0415

        return outline_hostile.measure(args["small_chars"], args["runs"])
    if name == "integrity_linear":
        from annotator.bench import linear  # noqa: PLC0415

        return linear.integrity(folder, args["small_chars"], args["runs"])
    if name == "outline":
        return measure.outline_speed(_texts(args), args["runs"])
    if name == "outline_real":
        from annotator.bench import outline_real  # noqa: PLC0415

        return outline_real.measure(folder, args["runs"], args["cli_runs"])
    if name == "suggest":
        return measure.suggestions(corpus.load_pool(), args["docs"], args["runs"])
    if name == "export":
        return measure.export(args["spans"], args["runs"])
    if name == "agreement":
        return measure.agreement(_texts(args), args["runs"])
    if name == "agreement_peers":
        from annotator.bench import peers  # noqa: PLC0415

        return peers.agreement_peers(args["units"])
    if name == "memory":
        return measure.memory(folder, args["docs"], corpus.load_pool(), args["runs"])
    if name == "gui":
        # A process of its own: the harness never imports the GUI (import-linter layers, issue 15).
        import subprocess  # noqa: PLC0415

        out = subprocess.run([sys.executable, "-m", "annotator.gui.bench", "--json", "--folder", str(folder),
                              "--keys", str(args["keys"]), "--runs", str(args["runs"]),
                              "--cold-runs", str(args["cold_runs"])], capture_output=True, text=True, timeout=3600)
        if out.returncode != 0:
            raise RuntimeError(f"python -m annotator.gui.bench failed: {out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])
    if name == "gui_floor":
        from annotator.bench import qt_floor  # noqa: PLC0415

        return qt_floor.measure(folder, args["runs"])
    if name == "cli":
        from annotator.bench import cli_cold  # noqa: PLC0415

        return cli_cold.measure(folder, corpus.load_pool(), args["runs"])
    if name == "scale_build":
        from annotator.bench import scale  # noqa: PLC0415

        return scale.build(Path(args["project"]), args["docs"], corpus.load_pool())
    if name.startswith("scale_"):
        from annotator.bench import scale  # noqa: PLC0415

        return scale.figure(Path(args["project"]), name[len("scale_"):], args["runs"])
    raise SystemExit(f"unknown figure {name!r}")


def main() -> int:
    name, raw = sys.argv[1], sys.argv[2]
    result = run(name, json.loads(raw))
    result.setdefault("peak_rss_mb", _peak_self_mb())  # memory() reports its own open+list child
    result["children_peak_rss_mb"] = _peak_children_mb()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
