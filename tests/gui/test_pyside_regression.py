"""PySide6 6.12.0 on Python 3.11 aborts ("Fatal Python error: none_dealloc") after a few thousand calls
of any method returning None. We pin <6.12 on Python < 3.12; these tests fail if that protection goes."""

from __future__ import annotations

import subprocess
import sys

import PySide6


def test_pinned_version_for_this_python():
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), f"PySide6 {PySide6.__version__} aborts on Python 3.11"


def test_many_none_returning_calls_do_not_abort():
    # In a child process: the failure mode is an abort that would take the whole test run down.
    code = (
        "import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from PySide6.QtGui import QTextCursor\n"
        "app = QApplication([]); label = QLabel()\n"
        "for i in range(30000):\n"
        "    label.setToolTip(str(i)); label.setObjectName('x')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr[-2000:]
