#!/usr/bin/env bash
# Issue a 督办通知单 on a copy of the sample workspace and read it back with python-docx.
# Run by .ci/run; needs python3 with python-docx (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r data "$work/ws"
mkdir "$work/out"
cargo run -q -- --dir "$work/ws" notices --unit 机关党办 --kind 督办 --format docx --out "$work/out"
python3 tests/docx/check_notice.py "$work/out/督办通知单-机关党办-督〔2023〕1号.docx" \
    --title 《督办通知单》 --number 督〔2023〕1号 --recipient 机关党办 --rows 1,2,3
