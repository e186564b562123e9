#!/usr/bin/env python3
"""Check a workbook written by `duban export` with an independent reader (openpyxl).

Usage: check_export.py FILE.xlsx
Run by `.ci/run` on a workbook exported from the bundled sample workspace. Exits non-zero
with a message when a cell, fill, the frozen pane, the autofilter or a width is wrong.
"""
import sys

from openpyxl import load_workbook

FILLS = {"红": "FFFF0000", "黄": "FFFFD700", "蓝": "FF0070C0", "黑": "FF000000"}
ADDED = ["预警", "原因", "状态", "最近进展", "延期"]


def fail(message):
    print("check_export: " + message, file=sys.stderr)
    sys.exit(1)


def width(text):
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def main(path):
    wb = load_workbook(path)
    names = wb.sheetnames
    if len(names) < 2 or names[-1] != "进展记录":
        fail(f"sheets {names}: expected ledgers then 进展记录")
    seen = set()
    for ws in wb.worksheets[:-1]:
        title = ws.cell(1, 1).value or ""
        if "截至" not in title:
            fail(f"{ws.title}: title row {title!r} has no as-of date")
        headers = [c.value for c in ws[2]]
        if headers[0] != "序号" or headers[-5:] != ADDED:
            fail(f"{ws.title}: headers {headers}")
        if ws.freeze_panes != "A3":
            fail(f"{ws.title}: frozen pane {ws.freeze_panes!r}, expected A3")
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A2:"):
            fail(f"{ws.title}: autofilter {ws.auto_filter.ref!r}")
        warn = headers.index("预警") + 1
        for row in range(3, ws.max_row + 1):
            cell = ws.cell(row, warn)
            label = cell.value or ""
            if label:
                seen.add(label)
                rgb = cell.fill.fgColor.rgb
                if cell.fill.fill_type != "solid" or rgb != FILLS[label]:
                    fail(f"{ws.title}!{cell.coordinate}: {label} filled {cell.fill.fill_type} {rgb}")
        for col, header in enumerate(headers, start=1):
            letter = ws.cell(2, col).column_letter
            got = ws.column_dimensions[letter].width
            if got is None or got < min(width(header) + 2, 50):
                fail(f"{ws.title}: column {header} width {got} too narrow")
    if not seen:
        fail("no warning cell is filled in any sheet")
    log = wb["进展记录"]
    if [c.value for c in log[1]] != ["工作表", "序号", "日期", "记录人", "进展内容"]:
        fail("进展记录 headers")
    print(f"check_export: ok ({len(names) - 1} ledger sheets, colours {sorted(seen)}, {log.max_row - 1} progress rows)")


if __name__ == "__main__":
    main(sys.argv[1])
