"""Render annotator.svg into the PNG sizes, the Windows .ico and the macOS .icns.

    python packaging/icons/render_icons.py          # uses the venv's PySide6 (QtSvg) and Pillow

The outputs are committed (a few KB each) so a build needs neither step; rerun after editing the SVG.
QSvgRenderer ships in PySide6-Essentials; Pillow is only needed here (pip install pillow), not by the app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "annotator.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage/QPainter need it
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot parse {SVG}")
    paths = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = HERE / f"annotator-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        paths.append(path)
    return paths


def write_ico_icns() -> None:
    from PIL import Image

    images = {size: Image.open(HERE / f"annotator-{size}.png").convert("RGBA") for size in SIZES}
    # Windows uses 16–256 (256 stored as PNG inside the .ico); each size is our own rendering, not a
    # downscale of the largest, so the small ones stay crisp.
    ico_sizes = [s for s in SIZES if s <= 256]
    images[256].save(HERE / "annotator.ico", format="ICO", sizes=[(s, s) for s in ico_sizes],
                     append_images=[images[s] for s in ico_sizes if s != 256])
    images[512].save(HERE / "annotator.icns", format="ICNS",
                     append_images=[images[s] for s in SIZES if s != 512])


if __name__ == "__main__":
    for png in render_pngs():
        print(png.name, png.stat().st_size)
    write_ico_icns()
    for name in ("annotator.ico", "annotator.icns"):
        print(name, (HERE / name).stat().st_size)
