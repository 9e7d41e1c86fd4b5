"""Build the release artefacts: wheel + sdist (python -m build) and the PyInstaller one-folder app.

    .venv/bin/pip install -e ".[package]"        # pyinstaller, build (once)
    .venv/bin/python packaging/build.py          # everything → dist/
    .venv/bin/python packaging/build.py --frozen-only --no-check

Outputs: dist/speech_structure_annotator-<v>-py3-none-any.whl, dist/speech_structure_annotator-<v>.tar.gz,
dist/annotator/ (the app folder: annotator[.exe], annotator-cli.exe on Windows; on macOS also
dist/Speech Structure Annotator.app). Runs on Linux, Windows and macOS with the interpreter that runs it
(PyInstaller does not cross-compile: build each platform on that platform, on the oldest OS version
you support — the bundled system libraries come from the build machine).
After the build it runs `annotator --version` and `annotator selfcheck` from the folder (headless) and
prints the folder size, unless --no-check.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"


def version() -> str:
    text = (REPO / "annotator" / "__init__.py").read_text("utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M)[1]


def sync_version_info(ver: str) -> None:
    """Keep the Windows version resource in step with annotator.__version__."""
    path = PACKAGING / "windows" / "version_info.txt"
    numbers = [int(n) for n in re.findall(r"\d+", ver)[:4]]
    numbers += [0] * (4 - len(numbers))
    tuple_text = "(" + ", ".join(str(n) for n in numbers) + ")"
    text = path.read_text("utf-8")
    new = re.sub(r"(filevers|prodvers)=\([^)]*\)", lambda m: f"{m[1]}={tuple_text}", text)
    new = re.sub(r"StringStruct\('(FileVersion|ProductVersion)', '[^']*'\)",
                 lambda m: f"StringStruct('{m[1]}', '{ver}')", new)
    if new != text:
        path.write_text(new, "utf-8")
        print(f"updated {path.relative_to(REPO)} to {ver}")


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def build_python_dists(dist: Path, isolation: bool) -> None:
    # No --sdist/--wheel: build makes the sdist and then the wheel from the unpacked sdist, which proves
    # the sdist is complete (resources/ included) rather than building both from the checkout.
    cmd = [sys.executable, "-m", "build", "--outdir", str(dist)]
    if not isolation:
        cmd.append("--no-isolation")  # offline: needs setuptools>=68 and wheel in this environment
    run(cmd, cwd=REPO)


def build_frozen(dist: Path, work: Path) -> Path:
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "annotator.spec")], cwd=REPO)
    return dist / "annotator"


def check_frozen(folder: Path) -> None:
    exe = folder / ("annotator-cli.exe" if sys.platform == "win32" else "annotator")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for args in (["--version"], ["selfcheck"]):
        t0 = time.perf_counter()
        done = subprocess.run([str(exe), *args], env=env, cwd=folder.parent, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
        took = time.perf_counter() - t0
        print(done.stdout.rstrip())
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            raise SystemExit(f"{exe.name} {' '.join(args)} failed with exit code {done.returncode}")
        print(f"  ({exe.name} {' '.join(args)}: {took:.2f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller",
                        help="PyInstaller work folder (default: build/pyinstaller)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--frozen-only", action="store_true", help="only the PyInstaller folder")
    which.add_argument("--python-only", action="store_true", help="only the wheel and sdist")
    parser.add_argument("--no-isolation", action="store_true", help="pass --no-isolation to python -m build")
    parser.add_argument("--no-check", action="store_true", help="do not run the built app")
    parser.add_argument("--icons", action="store_true",
                        help="re-render packaging/icons from annotator.svg first (needs Pillow)")
    args = parser.parse_args()

    ver = version()
    print(f"Speech Structure Annotator {ver} on {sys.platform}, Python {sys.version.split()[0]}")
    if args.icons:
        run([sys.executable, str(PACKAGING / "icons" / "render_icons.py")])
    sync_version_info(ver)
    args.dist.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if not args.frozen_only:
        build_python_dists(args.dist, isolation=not args.no_isolation)
    if not args.python_only:
        folder = args.dist / "annotator"
        if folder.exists():
            shutil.rmtree(folder)
        folder = build_frozen(args.dist, args.work)
        if not args.no_check:
            check_frozen(folder)
        print(f"app folder: {folder}  {folder_size(folder) / 2**20:.1f} MB")
    print(f"build finished in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
