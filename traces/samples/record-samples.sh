#!/usr/bin/env bash
# Re-records bpsim's bundled sample traces (traces/samples/*.champsimtrace.xz) with `bpsim record`
# and rewrites MANIFEST.md. Needs Debian 12 (bookworm) x86-64 with: qemu-user, gcc, gzip, xz-utils,
# cpp-12 (cc1), python3.11-minimal, perl, sqlite3, grep, coreutils, perl-modules-5.36, base-files.
# Usage: traces/samples/record-samples.sh [NAME...]   (default: all samples)
#        traces/samples/record-samples.sh --manifest-only
# Takes a few minutes per sample: xz-compressing the records dominates.
set -euo pipefail
samples="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$samples/../.." && pwd)"
cd "$root"

allkeys=/usr/share/perl/5.36.0/Unicode/Collate/allkeys.txt   # perl-modules-5.36
gpl3=/usr/share/common-licenses/GPL-3                        # base-files
textwrap=/usr/lib/python3.11/textwrap.py                     # libpython3.11-minimal
cc1=/usr/lib/gcc/x86_64-linux-gnu/12/cc1

# name | instructions skipped | instructions recorded | input file | program and arguments
workloads=(
  "gzip|50000000|4000000|$allkeys|/bin/gzip -9 -c $allkeys"
  "xz|100000000|4000000|$allkeys|/usr/bin/xz -6 -c $allkeys"
  "cc1|150000000|3000000|traces/samples/inputs/cc1-input.c|$cc1 -quiet -imultiarch x86_64-linux-gnu -O2 traces/samples/inputs/cc1-input.c -o /dev/null"
  "python3|100000000|4000000|$textwrap|/usr/bin/python3.11 -P -m tokenize $textwrap"
  "perl|10000000|4000000|$gpl3|/usr/bin/perl traces/samples/inputs/wordfreq.pl $gpl3"
  "sqlite3|200000000|4000000|traces/samples/inputs/queries.sql|/usr/bin/sqlite3 :memory: '.read traces/samples/inputs/queries.sql'"
  "grep|10000000|4000000|$allkeys|/bin/grep -E -o '[A-Z]+ [A-Z]+ WITH [A-Z]+' $allkeys"
  "sort|30000000|4000000|$allkeys|/usr/bin/sort --parallel=1 -k3 $allkeys"
)

for tool in qemu-x86_64 gcc sha256sum dpkg-query; do
  command -v "$tool" >/dev/null || { echo "record-samples: $tool is missing" >&2; exit 1; }
done
./bpsim --version >/dev/null   # builds the jar if needed
# Program output goes to a scratch file, not /dev/null: grep, for one, stops at its first match
# when it sees its output discarded. The jar is copied there too, so that a rebuild while this
# runs cannot change the recorder half-way.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp simulator/cli/target/bpsim.jar "$scratch/bpsim.jar"
bpsim() {
  java -Dbpsim.home="$root" -jar "$scratch/bpsim.jar" "$@"
}

package_of() {  # the Debian package owning a file, with its version
  local package
  package="$(dpkg-query -S "$(readlink -f "$1")" 2>/dev/null | head -1 | cut -d: -f1)" || true
  if [ -z "$package" ]; then package="$(dpkg-query -S "$1" 2>/dev/null | head -1 | cut -d: -f1)" || true; fi
  if [ -z "$package" ]; then echo "(the bpsim repository)"; return; fi
  echo "$package $(dpkg-query -W -f='${Version}' "$package")"
}

grouped() {  # 1234567 -> 1,234,567, whatever the locale
  sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"
}

quoted() {  # the command as one would type it
  local out="" arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=+-]+$ ]]; then out+="$arg "; else out+="'$arg' "; fi
  done
  echo "${out% }"
}

wanted=("$@")
if [ "${1:-}" = --manifest-only ]; then workloads_to_record=(); else workloads_to_record=("${workloads[@]}"); fi
for workload in ${workloads_to_record[@]+"${workloads_to_record[@]}"}; do
  IFS='|' read -r name skip max input command <<<"$workload"
  if [ ${#wanted[@]} -gt 0 ] && [[ " ${wanted[*]} " != *" $name "* ]]; then continue; fi
  eval "argv=($command)"
  echo "record-samples: $name: ${argv[*]}" >&2
  # Interpreters seed their hash tables at random unless told otherwise.
  bpsim record --clean-environment --env PYTHONHASHSEED=0 --env PERL_HASH_SEED=0 \
    --env PERL_PERTURB_KEYS=0 --skip "$skip" --max-instructions "$max" --program-output "$scratch/$name.out" \
    -o "traces/samples/$name.champsimtrace.xz" -- "${argv[@]}"
done

{
  echo "# bpsim sample traces"
  echo
  echo "Recorded by \`traces/samples/record-samples.sh\` with \`bpsim record\` (QEMU user-mode emulation,"
  echo "$(qemu-x86_64 --version | head -1), and bpsim's plugin) from Debian's programs on real inputs."
  echo "Each trace is an xz-compressed ChampSim trace of one contiguous window of the program's execution:"
  echo "\`--skip\` instructions are executed first (start-up), then the next instructions are recorded."
  echo "The project's own inputs are in \`inputs/\`. These are the default traces of \`./bpsim run\`."
  echo
  echo "Every program ran with \`--clean-environment --env PYTHONHASHSEED=0 --env PERL_HASH_SEED=0"
  echo "--env PERL_PERTURB_KEYS=0\` (only PATH and LC_ALL=C set, interpreters' hash seeds fixed), from the"
  echo "repository's root, so that re-recording on the same Debian package versions gives byte-identical"
  echo "traces (checked when these were made). Instructions are counted as QEMU executes them: each"
  echo "iteration of a \`rep\`-prefixed string instruction counts as one."
  echo
  echo "Every record carries its instruction's registers (docs/pipeline.md, \"Registers of recorded"
  echo "traces\"). Python runs with \`-P\`: \`python3 -m\` would otherwise put the working directory on its"
  echo "module path, and its run would depend on the checkout's directory listing."
  echo "cc1's start-up depends on the checkout's path too: re-recorded elsewhere, its window began two"
  echo "instructions later, with the same counts."
  echo
  echo "| trace | program (Debian package version) | command | input (package or sha256) | skipped | instructions | conditional branches | bytes | sha256 |"
  echo "|---|---|---|---|---:|---:|---:|---:|---|"
  for workload in "${workloads[@]}"; do
    IFS='|' read -r name skip max input command <<<"$workload"
    trace="traces/samples/$name.champsimtrace.xz"
    [ -f "$trace" ] || continue
    eval "argv=($command)"
    info="$(bpsim info "$trace")"
    instructions="$(awk '/^instructions:/ {print $2}' <<<"$info")"
    conditional="$(awk '/^  conditional:/ {print $2}' <<<"$info")"
    input_origin="$(package_of "$input")"
    if [ "$input_origin" = "(the bpsim repository)" ]; then
      input_origin="$(sha256sum "$input" | cut -c1-16)…"
    fi
    printf '| %s | %s (%s) | `%s` | %s (%s) | %s | %s | %s | %s | %s |\n' \
      "$name.champsimtrace.xz" "${argv[0]}" "$(package_of "${argv[0]}")" "$(quoted "${argv[@]}")" \
      "$input" "$input_origin" "$(grouped "$skip")" "$instructions" "$conditional" \
      "$(stat -c %s "$trace")" "$(sha256sum "$trace" | cut -d' ' -f1)"
  done
} >traces/samples/MANIFEST.md
echo "record-samples: wrote traces/samples/MANIFEST.md" >&2
