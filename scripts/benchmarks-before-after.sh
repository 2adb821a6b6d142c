#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md, before and after a change, on one machine.
#
#   scripts/benchmarks-before-after.sh [options] BEFORE [AFTER]
#
#   BEFORE, AFTER   commits (AFTER defaults to HEAD; uncommitted changes are not measured)
#   --smoke         the smallest sizes, one run per side: checks that the script and every benchmark run (not a
#                   comparison; 19 minutes at load 10–14, less on a quiet machine)
#   --runs N        runs per side (default 3; --smoke: 1)
#   --only a,b      some of: search kaa plan progression intervention (default: all, in that order)
#   --out DIR       where logs, reports and the table go (default: target/benchmarks/before-after-<time>)
#
# Issue 21: scripts/benchmarks-before-after.sh 41047a6
#
# What it does: checks out BEFORE and AFTER into two git worktrees under /tmp (removed at the end), builds each once
# (./mvnw -o -q test-compile), then runs each benchmark with its documented command, ./mvnw -Pbenchmark exec:java
# -Dexec.mainClass=…, N times per side, INTERLEAVED (before, after, before, after, …) so that whatever else the
# machine does hits both sides alike. It prints a markdown table (also written to DIR/table.md): per benchmark and
# metric the N runs and their median for each side, after/before of the medians, and "ok" when the after median is
# no more than 10 % worse (issue 21's "no slower"). The metrics are those docs/benchmarks.md reports, read from the
# report each benchmark writes to target/benchmarks/*.md (kept in DIR/reports, with each run's log in DIR/logs).
#
# Sizes (lots.bench.* system properties; the benchmarks' defaults where not given). At full size one run of the five
# takes well over 40 minutes on 2 cores (the plan page alone 6–9 min of generation and 14 min of load), six runs
# four to five hours. These sizes make the whole comparison (two builds, 30 runs) about 30 minutes on the quiet
# 2-core machine — estimated from single runs at load 5–7, where it takes about 50 — so about 6 minutes per
# benchmark. What each keeps of its full size:
#
#   search        persons=100000 searches=1000 warmup=200 explain=false
#                 (full: 250 000 persons, 2 000 searches, EXPLAIN plans, 3½ min a run. 100 000 still gives the owner
#                 organisation 80 000 persons, so broad name parts take the >5 000-hits path; the plans are not a
#                 metric)
#   kaa           persons=50000 kaa-episodes=5000 requests=300 warmup=100
#                 (full: 250 000 persons, 1 000 pages after 200. The register keeps its full 5 000 open episodes,
#                 which is what the page's cost depends on; 50 000 persons are needed to have that many aged 16–19)
#   plan          persons=20000 plans=5000 steps=50000 events=200000 users=20 think-ms=1000 requests=15 warmup=3
#                 service-calls=250
#                 (the documented "quick" data set. Full: 250 000 persons, 1 000 000 steps, 5 000 000 events and
#                 100 users × 5 s think × 60 rounds. 20 users with 1 s think ask for about as many pages per
#                 second as 100 with 5 s, 16–20, and 18 rounds take a sixteenth of the time)
#   progression   persons=20000 requests=10 warmup=2
#                 (full: 250 000 participants, 20 rounds. Generation grows faster than the size — 30 s at 20 000,
#                 about 4 min at 50 000 on a busy machine — and every run generates)
#   intervention  (the full catalogue: 20 000 interventions, 2 000 providers) searches=1000 http-searches=200
#                 matrix-runs=50 clients=200 requests=25
#                 (full: 500 page searches, 100 matrix runs each, 200 clients × 50 requests to /katalog)
#
# --smoke: search persons=6000 (the least that gives the searching organisation persons without a personnummer),
# kaa persons=5000 kaa-episodes=200, plan persons=2000 plans=500, progression persons=2000, intervention 2 000
# interventions; each with a few requests.
#
# Data: every benchmark starts Lots on its own throw-away embedded PostgreSQL (BenchmarkApp: lots.db.ephemeral=true)
# and generates its data in the same run; none can run on a database made earlier (the generators add rows each
# time), so each run generates its own data, with its own side's code and migrations (after has V41–V44 that before
# lacks, so a database made by before would not fit after anyway). Generation is not in any metric.
#
# Entry points: the five main classes and their lots.bench.* properties are the same at 41047a6 and at 36b3bdb (when
# this was written); issue 21 changed only what the benchmark sources import (RegistryService.search became PersonSearch.search,
# so the search report's heading names one or the other). The metrics are therefore read from the tables' row labels,
# which both sides share, never from headings. A side that lacks a main class stops the script before any run.
#
# Noise: on 2 cores anything else running shows in the figures; each row "load average" gives the 1-minute load at
# the start of each run, and "run time" the seconds each run took. Compare on a quiet machine.
set -euo pipefail

BENCHMARKS=(search kaa plan progression intervention)

declare -A MAIN=(
    [search]=se.lots.benchmark.SearchBenchmark
    [kaa]=se.lots.benchmark.KaaWorklistBenchmark
    [plan]=se.lots.benchmark.PlanPageBenchmark
    [progression]=se.lots.benchmark.ProgressionReportBenchmark
    [intervention]=se.lots.benchmark.InterventionBenchmark
)

declare -A SIZE=(
    [search]="persons=100000 searches=1000 warmup=200 explain=false"
    [kaa]="persons=50000 kaa-episodes=5000 requests=300 warmup=100"
    [plan]="persons=20000 plans=5000 steps=50000 events=200000 users=20 think-ms=1000 requests=15 warmup=3 service-calls=250"
    [progression]="persons=20000 requests=10 warmup=2"
    [intervention]="searches=1000 http-searches=200 matrix-runs=50 clients=200 requests=25"
)

declare -A SMOKE_SIZE=(
    [search]="persons=6000 searches=100 warmup=20 explain=false"
    [kaa]="persons=5000 kaa-episodes=200 requests=30 warmup=10"
    [plan]="persons=2000 plans=500 steps=3000 events=5000 users=4 think-ms=50 requests=5 warmup=1 service-calls=20"
    [progression]="persons=2000 requests=3 warmup=1"
    [intervention]="interventions=2000 providers=200 searches=100 http-searches=20 matrix-runs=10 clients=10 requests=5 warmup=10"
)

usage() {
    (("${1:-0}" == 0)) || exec >&2
    sed -n '2,14s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

smoke=false
runs=""
only=""
out=""
positional=()
while (($#)); do
    case "$1" in
        --smoke) smoke=true ;;
        --runs) runs="$2"; shift ;;
        --only) only="$2"; shift ;;
        --out) out="$2"; shift ;;
        -h | --help) usage 0 ;;
        -*) echo "unknown option $1" >&2; usage 2 ;;
        *) positional+=("$1") ;;
    esac
    shift
done
((${#positional[@]} >= 1 && ${#positional[@]} <= 2)) || usage 2
runs=${runs:-$($smoke && echo 1 || echo 3)}
if [[ -n "$only" ]]; then
    IFS=, read -r -a BENCHMARKS <<<"$only"
fi
for b in "${BENCHMARKS[@]}"; do
    [[ -n "${MAIN[$b]:-}" ]] || { echo "unknown benchmark $b" >&2; usage 2; }
done

repo=$(git rev-parse --show-toplevel)
before=$(git -C "$repo" rev-parse --verify "${positional[0]}^{commit}")
after=$(git -C "$repo" rev-parse --verify "${positional[1]:-HEAD}^{commit}")
out=${out:-$repo/target/benchmarks/before-after-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out/logs" "$out/reports" "$out/values"
out=$(cd "$out" && pwd)

work=$(mktemp -d /tmp/lots-before-after.XXXXXX)
cleanup() {
    for side in before after; do
        [[ -d "$work/$side" ]] && git -C "$repo" worktree remove --force "$work/$side" 2>/dev/null
    done
    git -C "$repo" worktree prune
    rm -rf "$work"
}
trap cleanup EXIT

say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
started=$SECONDS

# --- build each side once ---------------------------------------------------------------------------------------
for side in before after; do
    sha=$([[ $side == before ]] && echo "$before" || echo "$after")
    say "$side: $(git -C "$repo" log -1 --format='%h %s' "$sha" | cut -c1-100)"
    git -C "$repo" worktree add --quiet --detach "$work/$side" "$sha"
    if ! (cd "$work/$side" && ./mvnw -o -q -Pbenchmark test-compile) >"$out/logs/build-$side.log" 2>&1; then
        echo "build of $side failed, see $out/logs/build-$side.log" >&2
        exit 1
    fi
    for b in "${BENCHMARKS[@]}"; do
        class="$work/$side/target/test-classes/$(tr . / <<<"${MAIN[$b]}").class"
        [[ -f "$class" ]] || { echo "$side has no ${MAIN[$b]}: give its entry point in MAIN" >&2; exit 1; }
    done
done
say "built both sides in $((SECONDS - started)) s"

# --- the metrics, read from a benchmark's report ----------------------------------------------------------------
# Each line: metric, direction (lower / higher is better; count: fewer is better; info: not judged), value.

# cell REPORT LABEL COLUMN: the first table row whose first cell is LABEL; columns of Latencies.row: 6 mean, 7 p50,
# 8 p95 (ms)
cell() {
    awk -F'|' -v label="$2" -v col="$3" '
        { first = $2; gsub(/^ +| +$/, "", first) }
        first == label { value = $col; gsub(/ /, "", value); print value; exit }' "$1"
}
# sentence REPORT SED_REGEX: the first number a sentence of the report gives (\1 of the regex)
# (a comma for a decimal point, should the JVM's locale write one, becomes a point)
sentence() { sed -n "s/$2/\\1/p" "$1" | head -1 | tr , .; }
metric() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}"; }

metrics_search() {
    metric "PersonSearch.search, all: p50 ms" lower "$(cell "$1" '**all**' 7)"
    metric "PersonSearch.search, all: p95 ms" lower "$(cell "$1" '**all**' 8)"
    metric "name part (surname): p95 ms" lower "$(cell "$1" 'name part, 3–6 letters of a surname' 8)"
    metric "first-name + surname part: p95 ms" lower "$(cell "$1" 'first-name part + surname part' 8)"
    metric "personnummer, 12 digits: p95 ms" lower "$(cell "$1" 'personnummer, 12 digits' 8)"
}

metrics_kaa() {
    metric "GET /kaa, all pages: p50 ms" lower "$(cell "$1" '**all**' 7)"
    metric "GET /kaa, all pages: p95 ms" lower "$(cell "$1" '**all**' 8)"
    metric "service calls: p95 ms" lower "$(sentence "$1" '^The service calls alone.* p95 \([0-9.]*\) ms.*')"
}

metrics_plan() {
    metric "GET /persons/{id}/plan: p50 ms" lower "$(cell "$1" 'GET /persons/{id}/plan' 7)"
    metric "GET /persons/{id}/plan: p95 ms" lower "$(cell "$1" 'GET /persons/{id}/plan' 8)"
    metric "GET /plan: p50 ms" lower "$(cell "$1" 'GET /plan' 7)"
    metric "GET /plan: p95 ms" lower "$(cell "$1" 'GET /plan' 8)"
    metric "a form opened: p95 ms" lower "$(cell "$1" 'GET /persons/{id}/plan/forms/{form} (options/form)' 8)"
    metric "service: PlanService.page + read: p95 ms" lower \
        "$(cell "$1" 'service: PlanService.page + RegistryService.read' 8)"
    metric "service: CaseWorklist.page: p95 ms" lower "$(cell "$1" 'service: CaseWorklist.page' 8)"
    metric "JVM CPU per page ms" lower "$(sentence "$1" '.* used \([0-9.]*\) ms of CPU per page.*')"
}

# the means, as the issue-21 table in docs/benchmarks.md (a p95 of 10 rounds is their maximum)
metrics_progression() {
    metric "report: mean ms" lower "$(cell "$1" 'FunderReportService.report (whole report, 6 tables + 6 goals)' 6)"
    metric "hand-written aggregate: mean ms" lower \
        "$(cell "$1" 'hand-written SQL aggregate of the main table (same cells)' 6)"
    metric "report ÷ aggregate (mean)" lower "$(sentence "$1" '^Report ÷ aggregate: mean \([0-9.]*\)×.*')"
    metric "goals, whole time, first view: mean ms" lower \
        "$(cell "$1" 'goals page (measure, 6 goals), whole time: first view, from every unit' 6)"
    metric "goals, whole time, nothing changed: mean ms" lower \
        "$(cell "$1" 'goals page, whole time: nothing changed since the last view' 6)"
    metric "goals, whole time, one contact since: mean ms" lower \
        "$(cell "$1" 'goals page, whole time: one contact recorded since the last view' 6)"
    metric "goals, whole time, 50 contacts since: mean ms" lower \
        "$(cell "$1" 'goals page, whole time: 50 contacts recorded since the last view' 6)"
    metric "goals, year so far, first view: mean ms" lower \
        "$(cell "$1" 'goals page, the year so far (default): first view, from every unit' 6)"
    metric "goals, year so far, one contact since: mean ms" lower \
        "$(cell "$1" 'goals page, the year so far: one contact recorded since the last view' 6)"
    metric "PlanService.recordContact: mean ms" lower \
        "$(cell "$1" 'PlanService.recordContact (the write, with its triggers)' 6)"
}

metrics_intervention() {
    metric "CatalogueService.search, all: p95 ms" lower "$(cell "$1" '**all**' 8)"
    metric "search, facets only: p95 ms" lower "$(cell "$1" 'facets only' 8)"
    metric "search, facets + free text: p95 ms" lower "$(cell "$1" 'facets + free text' 8)"
    metric "GET /insatser?…: p95 ms" lower "$(cell "$1" 'GET /insatser' 8)"
    metric "coverage matrix, no filter: p95 ms" lower "$(cell "$1" 'no filter' 8)"
    metric "GET /insatser/karta: p95 ms" lower "$(cell "$1" 'GET /insatser/karta (page)' 8)"
    metric "/katalog: requests/s" higher "$(sentence "$1" '.*Throughput: \([0-9.]*\) requests\/s.*')"
    metric "/katalog: p95 ms" lower "$(cell "$1" 'GET /katalog (80 %), /katalog?need=… (20 %)' 8)"
    metric "/katalog: errors" count "$(sentence "$1" '^Errors: \([0-9]*\) of.*')"
}

# --- run: benchmark by benchmark, the sides interleaved ---------------------------------------------------------
failures=0
run() { # benchmark side n
    local b=$1 side=$2 n=$3 wt="$work/$2" name="$1-$2-$3" props=() t0 load
    for p in $($smoke && echo "${SMOKE_SIZE[$b]}" || echo "${SIZE[$b]}"); do
        props+=("-Dlots.bench.$p")
    done
    rm -rf "$wt/target/benchmarks"
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$SECONDS
    say "$b, $side, run $n of $runs (load $load)"
    if (cd "$wt" && ./mvnw -o -q -Pbenchmark exec:java -Dexec.mainClass="${MAIN[$b]}" "${props[@]}") \
        >"$out/logs/$name.log" 2>&1 && cp "$wt"/target/benchmarks/*.md "$out/reports/$name.md"; then
        "metrics_$b" "$out/reports/$name.md" >"$out/values/$name.tsv"
    else
        say "  FAILED, see $out/logs/$name.log"
        failures=$((failures + 1))
        : >"$out/values/$name.tsv"
    fi
    metric "load average at start (1 min)" info "$load" >>"$out/values/$name.tsv"
    metric "run time s" info "$((SECONDS - t0))" >>"$out/values/$name.tsv"
    say "  $((SECONDS - t0)) s"
}

for b in "${BENCHMARKS[@]}"; do
    for ((n = 1; n <= runs; n++)); do
        run "$b" before "$n"
        run "$b" after "$n"
    done
done

# --- the table --------------------------------------------------------------------------------------------------
# values/<benchmark>-<side>-<n>.tsv → one row per benchmark and metric (in the order the first run gave them)
table() {
    echo "Before: $(git -C "$repo" log -1 --format='%h %s' "$before" | cut -c1-110)"
    echo "After:  $(git -C "$repo" log -1 --format='%h %s' "$after" | cut -c1-110)"
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs run(s) per side," \
        "interleaved; $($smoke && echo 'SMOKE sizes (not for comparison)' || echo 'sizes in the script header')."
    echo
    local head="| benchmark | metric |" rule="|---|---|"
    for side in before after; do
        for ((n = 1; n <= runs; n++)); do head+=" $side $n |"; rule+="---:|"; done
        head+=" **$side median** |"; rule+="---:|"
    done
    echo "$head after/before | no slower? |"
    echo "$rule---:|---|"
    for b in "${BENCHMARKS[@]}"; do
        for ((n = 1; n <= runs; n++)); do
            for side in before after; do
                awk -F'\t' -v b="$b" -v side="$side" -v n="$n" '{ print b "\t" side "\t" n "\t" $0 }' \
                    "$out/values/$b-$side-$n.tsv"
            done
        done
    done | awk -F'\t' -v runs="$runs" '
        function median(list,    v, k, i, j, t, m) {
            m = split(list, v, " ")
            if (m == 0) return ""
            for (i = 2; i <= m; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
            return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
        }
        {
            key = $1 SUBSEP $4
            if (!(key in direction)) { order[++rows] = key; direction[key] = $5 }
            value[key, $2, $3] = $6
            if ($6 != "") list[key, $2] = list[key, $2] " " $6
        }
        END {
            for (r = 1; r <= rows; r++) {
                key = order[r]; split(key, part, SUBSEP)
                line = "| " part[1] " | " part[2] " |"
                for (s = 1; s <= 2; s++) {
                    side = s == 1 ? "before" : "after"
                    for (n = 1; n <= runs; n++) line = line " " ((key, side, n) in value && value[key, side, n] != "" ? value[key, side, n] : "–") " |"
                    med[side] = median(list[key, side])
                    line = line " **" (med[side] == "" ? "–" : med[side]) "** |"
                }
                ratio = ""; verdict = ""
                if (med["before"] != "" && med["after"] != "" && direction[key] != "info") {
                    if (direction[key] == "count") verdict = med["after"] <= med["before"] ? "ok" : "MORE"
                    else if (med["before"] + 0 > 0) {
                        ratio = sprintf("%.2f", med["after"] / med["before"])
                        if (direction[key] == "lower") verdict = ratio + 0 <= 1.10 ? "ok" : "SLOWER"
                        else verdict = ratio + 0 >= 0.90 ? "ok" : "SLOWER"
                    }
                } else if (direction[key] != "info") verdict = "?"
                print line " " (ratio == "" ? "" : ratio "×") " | " verdict " |"
            }
        }'
    echo
    echo "Medians of the runs; after/before of the medians; \"ok\" = after at most 10 % worse (higher-is-better figures:" \
        "at least 90 % of before). Took $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s." \
        "Reports and logs: $out"
    ((failures == 0)) || echo "$failures run(s) FAILED: see the logs."
}
table | tee "$out/table.md"
((failures == 0))
