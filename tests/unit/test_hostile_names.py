"""File names that would rewrite the messages naming them: a line break in a name forged a line of the
import summary ("x\\nimported 99 …"), a terminal escape or bidi control changed what the terminal shows.
Names are shown escaped, one name on one line; the files are still read by their real names."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotator.io.errors import ReadError
from annotator.io.readers import read_file
from annotator.paths import display_path

FORGED = "evil\nimported 99, updated 0, skipped as duplicate 0, failed 0\x1b[2J\u202e.txt"


def test_control_characters_in_a_name_are_shown_escaped():
    assert display_path("/tmp/a\nb\r\t\x1b[31m\u202e\x7f.txt") == "/tmp/a\\nb\\r\\t\\x1b[31m\\u202e\\x7f.txt"
    assert display_path(b"/tmp/\xff\n.txt") == "/tmp/\ufffd\\n.txt"
    assert display_path("/tmp/讲话 2024（一）.txt") == "/tmp/讲话 2024（一）.txt"  # ordinary names unchanged


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names cannot hold line breaks")
def test_a_bad_file_with_a_forged_name_fails_on_one_line_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / FORGED).write_bytes(b"")
    (folder / "good.txt").write_text("同志们：一是要加强基层建设，二是要提高服务效率。\n", "utf-8")
    with pytest.raises(ReadError) as err:
        read_file(folder / FORGED)  # opened by its real name, named escaped
    assert "\n" not in str(err.value) and "evil\\nimported 99" in str(err.value)
    env = {**os.environ, "PYTHONPATH": os.getcwd() + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run([sys.executable, "-m", "annotator", "import", "--index", "none", str(tmp_path / "p.db"),
                          str(folder)], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 1, run.stderr
    output = run.stdout + run.stderr
    assert "imported 1, updated 0, skipped as duplicate 0, failed 1" in output
    assert "imported 99" not in output.replace("evil\\nimported 99", "")  # only inside the escaped name
    failed = [line for line in output.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and failed[0].endswith("\\u202e.txt: empty file") and "\x1b" not in output
