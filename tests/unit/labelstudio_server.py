"""A throw-away local Label Studio server for the real-import test, used only when the ``label_studio``
package is installed (CI does not install it) or ``LABEL_STUDIO_PYTHON`` names an interpreter that has
it (Label Studio pins its own Django stack, so it usually lives in a venv of its own).

The server runs in its own data folder with a known user and API token, on a free port; the test
creates a project with our labelling config and posts the exported file to the project's import
endpoint, exactly what a user does with "Import" in the web UI. Label Studio's import answers 201 with
counts, or 400 with the validation error (e.g. the "completed_by=… is not a valid annotator's email
or ID" we used to trigger).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Iterator

STARTUP_SECONDS = 900  # the first start runs all Django migrations (minutes on a busy machine)


def interpreter() -> str | None:
    """The Python that can run Label Studio, or None."""
    if os.environ.get("LABEL_STUDIO_URL"):
        return sys.executable  # a running server is given: nothing to start
    configured = os.environ.get("LABEL_STUDIO_PYTHON")
    if configured:
        return configured
    try:
        import label_studio  # noqa: F401, PLC0415
    except ImportError:
        return None
    return sys.executable


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token

    def _call(self, method: str, path: str, body: bytes | None = None, content_type: str = "application/json"):
        request = urllib.request.Request(self.url + path, data=body, method=method,
                                         headers={"Authorization": f"Token {self.token}",
                                                  "Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"Label Studio refused {method} {path}: {exc.code} {exc.read()[:2000]!r}") from None

    def import_tasks(self, config: str, file: Path) -> dict:
        project = self._call("POST", "/api/projects", json.dumps({"title": "exchange", "label_config": config}).encode())
        return self._call("POST", f"/api/projects/{project['id']}/import", file.read_bytes())


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """A server started for the test; or the one ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_TOKEN`` name."""
    if os.environ.get("LABEL_STUDIO_URL"):
        yield Server(os.environ["LABEL_STUDIO_URL"].rstrip("/"), os.environ["LABEL_STUDIO_TOKEN"])
        return
    port, token = _free_port(), uuid.uuid4().hex
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=data, LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true")
        process = subprocess.Popen(
            [interpreter() or sys.executable, "-c", "import sys; from label_studio.server import main; sys.exit(main())",
             "start", "--no-browser", "--port", str(port), "--data-dir", data, "--username", "test@example.org",
             "--password", "exchange-test", "--user-token", token, "--enable-legacy-api-token"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                try:
                    with urllib.request.urlopen(url + "/health", timeout=5):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the Label Studio server did not start") from None
                    time.sleep(1)
            yield Server(url, token)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
