#!/usr/bin/env python3
"""Play a unit filling in a sheet exported by `duban export`, with openpyxl.

Usage: edit_returned.py IN.xlsx OUT.xlsx
On the first sheet: item 2 gets a new 最近进展 text, item 1's 状态 becomes 推进中, and item 3's
title (工作任务) is changed, which a unit must not do (merge-sheet reports it, never applies it).
"""
import sys

from openpyxl import load_workbook


def main(src, dst):
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[2]]
    col = {name: i + 1 for i, name in enumerate(headers)}
    for row in range(3, ws.max_row + 1):
        item = str(ws.cell(row, col["序号"]).value)
        if item == "1":
            ws.cell(row, col["状态"]).value = "推进中"
        elif item == "2":
            ws.cell(row, col["最近进展"]).value = "档案室已完成制度送审稿"
        elif item == "3":
            ws.cell(row, col["工作任务"]).value = "建立督办工作规则(改)"
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
