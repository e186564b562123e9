#!/usr/bin/env python3
"""Read a notice .docx written by `duban notices --format docx` with python-docx (a reader
independent of the writer) and check its title, number, recipient and item rows.

Usage: check_notice.py FILE --title T --number N --recipient R --rows ID[,ID...]
Exit 0 when everything is there; 1 with a line per problem otherwise.
"""

import argparse
import sys

import docx


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--title", required=True)
    parser.add_argument("--number", required=True)
    parser.add_argument("--recipient", required=True)
    parser.add_argument("--rows", required=True, help="item ids expected in the table, in order")
    args = parser.parse_args()

    document = docx.Document(args.file)
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    problems = []
    if not paragraphs or paragraphs[0] != args.title:
        problems.append(f"title: expected {args.title!r}, first paragraph is {paragraphs[:1]!r}")
    if len(paragraphs) < 2 or paragraphs[1] != args.number:
        problems.append(f"number: expected {args.number!r} under the title, found {paragraphs[1:2]!r}")
    if f"{args.recipient}:" not in paragraphs:
        problems.append(f"recipient line {args.recipient}: missing")
    if len(document.tables) != 1:
        problems.append(f"expected one table, found {len(document.tables)}")
    else:
        rows = document.tables[0].rows
        header = [c.text for c in rows[0].cells]
        if header[:3] != ["序号", "台账", "编号"]:
            problems.append(f"table header: {header!r}")
        ids = [row.cells[2].text for row in rows[1:]]
        expected = args.rows.split(",")
        if ids != expected:
            problems.append(f"item rows: expected ids {expected!r}, found {ids!r}")
    for problem in problems:
        print(f"check_notice: {args.file}: {problem}")
    if not problems:
        print(f"check_notice: {args.file}: title, number, recipient and {len(args.rows.split(','))} item rows ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
