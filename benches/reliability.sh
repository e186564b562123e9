#!/usr/bin/env bash
# Reliability check of issue 8 — run by hand, not part of `cargo test`:
#
#   benches/reliability.sh            # uses target/debug/duban (built if missing)
#   DUBAN=target/release/duban KILLS=40 ITEMS=10000 benches/reliability.sh
#
# 1. `kill -9` during saves and backup rotations of a ~10 MB ledger (a loop of
#    `duban note`), aimed alternately at the save (a temp file in ledgers/) and at the
#    backup (a temp file in .backup/); after every kill `duban check` must find every
#    ledger and every backup readable, and no backup may be empty.
# 2. Six `duban import` at once into one workspace, each adding 2 new units: 12/12 kept.
# 3. A stopped lock holder (a `duban note` paused with SIGSTOP while it holds the lock):
#    `duban --wait 2 note` prints its waiting line within 1 s and exits 3 after ~2 s,
#    writing nothing.
#
# Prints the figures and exits non-zero on the first broken promise.
set -euo pipefail
set -m # background jobs get their own process group, so a kill reaches the whole loop

cd "$(dirname "$0")/.."
DUBAN=${DUBAN:-target/debug/duban}
KILLS=${KILLS:-20}
ITEMS=${ITEMS:-10000}
IMPORT_ROUNDS=${IMPORT_ROUNDS:-5}
if [ ! -x "$DUBAN" ]; then cargo build --quiet --bin duban; fi
DUBAN=$(realpath "$DUBAN")
WORK=$(mktemp -d)
T_START=$(date +%s)
STOPPED=""
cleanup() {
  if [ -n "$STOPPED" ]; then kill -CONT "$STOPPED" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }
duban() { "$DUBAN" --today 2024-06-03 "$@"; }

# ---------------------------------------------------------------- 1. kill -9
WS=$WORK/kill
duban --dir "$WS" gen --items "$ITEMS" --ledgers 1 --seed 8 >/dev/null
LEDGER=$WS/ledgers/gen-001.ron
size=$(stat -c %s "$LEDGER")
echo "1. kill -9 during saves: ledger $(( size / 1024 / 1024 )) MB ($size bytes), $KILLS kills"

# The temp files (of a running or an interrupted save of gen-001) now in folder $1.
temps() { compgen -G "$1/.gen-001.ron.*.tmp" || true; }

hits_save=0
hits_backup=0
for round in $(seq 1 "$KILLS"); do
  # Odd rounds aim at the save of the ledger, even rounds at the making of its backup.
  if (( round % 2 )); then aim=$WS/ledgers; else aim=$WS/.backup; fi
  # Temp files a previous kill left are not a save in progress; a new name is.
  old=$(temps "$aim")
  (
    i=0
    while :; do
      i=$((i + 1))
      "$DUBAN" --dir "$WS" --today 2024-06-03 note gen-001 $(( i % 5 + 1 )) "第${round}轮进展${i}" --author 测试 >/dev/null
    done
  ) &
  loop=$!
  t0=$(ms)
  while (( $(ms) - t0 < 120000 )); do
    new=$(comm -13 <(echo "$old") <(temps "$aim") | grep . || true)
    if [ -n "$new" ]; then break; fi
    sleep 0.005
  done
  # A random moment of that write, its fsync, the rotation or the renames.
  sleep "0.0$(( RANDOM % 10 ))"
  in_save=0; in_backup=0
  [ -n "$(comm -13 <(echo "$old") <(temps "$WS/ledgers") | grep . || true)" ] && in_save=1
  [ -n "$(comm -13 <(echo "$old") <(temps "$WS/.backup") | grep . || true)" ] && in_backup=1
  kill -KILL -- -"$loop" 2>/dev/null || true
  wait "$loop" 2>/dev/null || true
  hits_save=$((hits_save + in_save))
  hits_backup=$((hits_backup + in_backup))

  # The generated workspace has no problems, so anything but exit 0 is a broken file.
  report=$(duban --dir "$WS" check) && code=0 || code=$?
  if (( code != 0 )); then
    echo "$report" | grep '问题\|无法读取:' >&2 || true
    fail "round $round: duban check exit $code after the kill"
  fi
  for b in "$WS"/.backup/gen-001.ron.*; do
    [ -s "$b" ] || fail "round $round: empty backup $b"
  done
done
backups=$(find "$WS/.backup" -name 'gen-001.ron.[0-9]*' | wc -l)
echo "   kills while a new ledger temp file was on disk: $hits_save; while a new backup temp file was: $hits_backup"
echo "   after each of $KILLS kills: duban check clean, $backups backups all parse, none empty"

# ---------------------------------------------------------------- 2. parallel imports
echo "2. six parallel imports, $IMPORT_ROUNDS rounds"
for round in $(seq 1 "$IMPORT_ROUNDS"); do
  WS=$WORK/import$round
  mkdir -p "$WS"
  for n in 0 1 2 3 4 5; do
    printf '序号,工作任务,完成时间,责任部门\n1,任务甲,3月底前,单位%s甲\n2,任务乙,6月底前,单位%s乙\n' \
      "$n" "$n" >"$WORK/t$round-$n.csv"
  done
  printf '序号,工作任务,完成时间,责任部门\n1,已有任务,3月底前,办公室\n' >"$WORK/seed.csv"
  duban --dir "$WS" import "$WORK/seed.csv" --title 已有台账 --year 2024 --id seed >/dev/null 2>&1
  pids=()
  for n in 0 1 2 3 4 5; do
    duban --dir "$WS" import "$WORK/t$round-$n.csv" --title "导入$n" --year 2024 --id "t$n" >/dev/null 2>>"$WORK/import.err" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || fail "an import failed: $(cat "$WORK/import.err")"; done
  waited=$(grep -c 正在等待 "$WORK/import.err" || true)
  : >"$WORK/import.err"
  kept=0
  for n in 0 1 2 3 4 5; do
    for s in 甲 乙; do grep -q "\"单位$n$s\"" "$WS/duban.ron" && kept=$((kept + 1)); done
  done
  echo "   round $round: $kept/12 units kept ($waited imports said they waited for another)"
  (( kept == 12 )) || fail "parallel imports lost units"
done

# ---------------------------------------------------------------- 3. stopped holder
WS=$WORK/kill
echo "3. a stopped lock holder"
for attempt in $(seq 1 20); do
  "$DUBAN" --dir "$WS" --today 2024-06-03 note gen-001 1 "被暂停的进展" >/dev/null &
  holder=$!
  until grep -q "pid: *$holder\b" "$WS/.duban.lock" 2>/dev/null || ! kill -0 "$holder" 2>/dev/null; do
    sleep 0.005
  done
  kill -STOP "$holder" 2>/dev/null || true
  if grep -q "pid: *$holder\b" "$WS/.duban.lock" 2>/dev/null; then STOPPED=$holder; break; fi
  kill -CONT "$holder" 2>/dev/null || true
  wait "$holder" || true
done
[ -n "$STOPPED" ] || fail "could not stop a duban while it held the lock"
echo "   duban note (pid $STOPPED) stopped while holding the lock: $(tr -d '\n' <"$WS/.duban.lock")"
before=$(sha256sum "$LEDGER" | cut -d' ' -f1)
t0=$(ms)
"$DUBAN" --dir "$WS" --today 2024-06-03 --wait 2 note gen-001 2 "不该写入" >/dev/null 2>"$WORK/wait.err" &
waiter=$!
until [ -s "$WORK/wait.err" ] || ! kill -0 "$waiter" 2>/dev/null; do sleep 0.01; done
first_ms=$(( $(ms) - t0 ))
wait "$waiter" && code=0 || code=$?
total_ms=$(( $(ms) - t0 ))
echo "   waiting line after $(secs $first_ms) s: $(head -1 "$WORK/wait.err")"
echo "   exit code $code after $(secs $total_ms) s: $(tail -1 "$WORK/wait.err")"
after=$(sha256sum "$LEDGER" | cut -d' ' -f1)
(( first_ms < 1000 )) || fail "the waiting line came after 1 s"
(( code == 3 )) || fail "exit code $code, expected 3"
[ "$before" = "$after" ] || fail "the ledger changed although the writer gave up"
kill -CONT "$STOPPED"
wait "$STOPPED" || fail "the resumed holder failed"
STOPPED=""
grep -q "被暂停的进展" "$LEDGER" || fail "the resumed holder's note is missing"
echo "   resumed holder finished its save; ledger unchanged by the waiter"
echo "OK in $(( $(date +%s) - T_START )) s"
