#!/usr/bin/env python3
"""Render terminal captures (`tmux capture-pane -e -p`) to one PNG.

    render.py OUT.png COLS ROWS CAPTION=CAPTURE.ansi [CAPTION=CAPTURE.ansi ...]

The ANSI escapes become HTML with ansi2html (xterm's 16-colour palette on black); headless
Chromium draws the page and takes the screenshot. Several captures are set side by side,
each under its caption (an empty caption: none; the caption ends at the last `=`).

Cell widths are the terminal's: DejaVu Sans Mono draws Latin text, box drawing and the
characters terminals show one cell wide (· … “ ” →), and Noto Sans Mono CJK SC draws CJK
scaled so that one character is exactly two cells; the line height is DejaVu's, so box
lines join as in a terminal.
"""

import html
import os
import shutil
import subprocess
import sys
import tempfile

from ansi2html import Ansi2HTMLConverter

# DejaVu Sans Mono advances 1233/2048 em; the font size makes a cell exactly 9 px wide, so
# blocks and lines meet on whole pixels (no seams between cells).
CELL_PX = 9
CELL = 1233 / 2048
FONT_SIZE = CELL_PX / CELL  # px, about 14.95
# A CJK character (1 em in Noto) takes exactly two cells.
CJK_SCALE = 2 * CELL
# 18 px: DejaVu's ascent + descent (1.164 em) rounded up, so vertical box lines join.
LINE_PX = 18
PAD = 10  # px around each terminal
CAPTION = 26  # px above a captioned terminal
GAP = 16  # px between terminals side by side
CJK_RANGES = (
    "U+1100-11FF, U+2E80-303F, U+3040-33FF, U+3400-4DBF, U+4E00-9FFF, U+A960-A97F, "
    "U+AC00-D7FF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FF60, U+FFE0-FFE6, U+20000-2FFFF"
)

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
{headers}
<style>
@font-face {{ font-family: "TermCJK"; src: local("Noto Sans Mono CJK SC");
  size-adjust: {scale:.4%}; unicode-range: {ranges}; }}
@font-face {{ font-family: "TermCJK"; src: local("Noto Sans Mono CJK SC Bold"); font-weight: bold;
  size-adjust: {scale:.4%}; unicode-range: {ranges}; }}
html, body {{ margin: 0; background: #202020; }}
body {{ display: flex; gap: {gap}px; padding: 0; }}
figure {{ margin: 0; }}
figcaption {{ height: {caption}px; line-height: {caption}px; color: #e5e5e5; padding-left: {pad}px;
  font: 15px "Noto Sans CJK SC", sans-serif; }}
pre.ansi2html-content {{ display: block; margin: 0; padding: {pad}px; background: #000000;
  width: {width}px; height: {height}px; overflow: hidden;
  font-family: "TermCJK", "DejaVu Sans Mono"; font-size: {size:.4f}px; line-height: {line}px; }}
</style></head>
<body>{panels}</body></html>
"""


def main():
    out, cols, rows, *shots = sys.argv[1:]
    cols, rows = int(cols), int(rows)
    converter = Ansi2HTMLConverter(dark_bg=True, scheme="xterm", line_wrap=False)
    panels = []
    captioned = False
    for shot in shots:
        caption, path = shot.rsplit("=", 1)
        with open(path, encoding="utf-8") as f:
            body = converter.convert(f.read(), full=False)
        head = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        captioned |= bool(caption)
        panels.append(
            f'<figure>{head}<pre class="ansi2html-content body_foreground">{body}</pre></figure>'
        )
    width = cols * CELL_PX
    height = rows * LINE_PX
    page = PAGE.format(
        headers=converter.produce_headers(),
        scale=CJK_SCALE,
        ranges=CJK_RANGES,
        gap=GAP,
        caption=CAPTION,
        pad=PAD,
        width=width,
        height=height,
        size=FONT_SIZE,
        line=LINE_PX,
        panels="".join(panels),
    )
    window_w = len(shots) * (width + 2 * PAD) + (len(shots) - 1) * GAP
    window_h = height + 2 * PAD + (CAPTION if captioned else 0)
    scratch = tempfile.mkdtemp(prefix="duban-shot-")
    try:
        page_path = os.path.join(scratch, "page.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={os.path.join(scratch, 'profile')}",
                f"--screenshot={os.path.abspath(out)}",
                f"--window-size={window_w},{window_h}",
                "file://" + page_path,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
