#!/usr/bin/env bash
# A bounded libFuzzer run over the scenario fuzzer (tests/fuzz), with
# AddressSanitizer and UBSan. Works on a copy of the seed corpus so the
# repository is not changed. FUZZ_SECONDS sets the budget (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/fuzz
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DGOMAP_FUZZ=ON -DGOMAP_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" >/dev/null
fi
cmake --build "$dir" --target scenario_fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/fuzz/corpus/* "$work/"
"$dir/tests/fuzz/scenario_fuzz" -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=1 \
  -artifact_prefix="$dir/crash-" "$work" 2>&1 | grep -E "^#|Done|ERROR|fuzz:|SUMMARY|stat::number_of_executed_units" | tail -8
