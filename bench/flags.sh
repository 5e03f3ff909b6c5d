#!/usr/bin/env bash
# Rebuilds the wasm module with each flag set below into build/flags/<name>/ and measures it:
# wasm and glue bytes (raw, brotli -q 11) and µs per render through the public API (all builds
# timed in one Node process, rounds interleaved: bench/flags-time.js). Prints a Markdown table
# (docs/PERFORMANCE.md, "Build flags"). Slow: one full LTO build per row (~1–2 min each).
#   bash bench/flags.sh [name…]         # all rows, or only the named ones
#   MEASURE_ONLY=1 bash bench/flags.sh  # re-time the builds already in build/flags/ (no rebuild)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-2}

# name | cmake -D arguments. Every row also gets what CMakeLists.txt always adds (-sSUPPORT_LONGJMP=0,
# -sTEXTDECODER=2, the esbuild-minified glue unless AW_WASM_MINIFY_GLUE=OFF).
VARIANTS=(
  "O3-before|-DAW_WASM_OPT=-O3 -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=OFF -DAW_WASM_MALLOC=dlmalloc -DAW_WASM_MINIFY_GLUE=OFF"
  "O3-lto|-DAW_WASM_OPT=-O3 -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=dlmalloc"
  "O2-lto|-DAW_WASM_OPT=-O2 -DAW_WASM_LINK_OPT=-O2 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=dlmalloc"
  "Os-lto|-DAW_WASM_OPT=-Os -DAW_WASM_LINK_OPT=-Os -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=dlmalloc"
  "Oz|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-Oz -DAW_WASM_LTO=OFF -DAW_WASM_MALLOC=dlmalloc"
  "Oz-lto|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-Oz -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=dlmalloc"
  "Oz-lto-emmalloc|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-Oz -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "O3-lto-emmalloc|-DAW_WASM_OPT=-O3 -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "O2-lto-emmalloc|-DAW_WASM_OPT=-O2 -DAW_WASM_LINK_OPT=-O2 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Os-lto-cmarkO2|-DAW_WASM_OPT=-Os -DAW_WASM_CMARK_OPT=-O2 -DAW_WASM_LINK_OPT=-Os -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Oz-lto-emmalloc-evalctors|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-Oz -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc -DAW_WASM_EXTRA_LINK=-sEVAL_CTORS=1"
  "O3-compile-Oz-link|-DAW_WASM_OPT=-O3 -DAW_WASM_LINK_OPT=-Oz -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Oz-compile-O2-link|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-O2 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Os-compile-O3-link|-DAW_WASM_OPT=-Os -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Oz-compile-O3-link-dlmalloc|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=dlmalloc"
  "Oz-compile-O3-link-cmarkO3|-DAW_WASM_OPT=-Oz -DAW_WASM_CMARK_OPT=-O3 -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
  "Oz-compile-O3-link|-DAW_WASM_OPT=-Oz -DAW_WASM_LINK_OPT=-O3 -DAW_WASM_LTO=ON -DAW_WASM_MALLOC=emmalloc"
)
[ -n "${VARIANTS_OVERRIDE:-}" ] && mapfile -t VARIANTS <<<"$VARIANTS_OVERRIDE"

br() { brotli -q 11 -c "$1" | wc -c; }
rows=()
builds=()
for v in "${VARIANTS[@]}"; do
  name=${v%%|*}
  args=${v#*|}
  if (($#)) && [[ " $* " != *" $name "* ]]; then continue; fi
  dir=build/flags/$name
  mkdir -p "$dir/web"
  cp web/index.js "$dir/web/index.js"
  if [ -z "${MEASURE_ONLY:-}" ]; then
    echo "building $name" >&2
    # shellcheck disable=SC2086
    emcmake cmake -S . -B "$dir/build" -DCMAKE_BUILD_TYPE=Release -DAW_DIST_DIR="$PWD/$dir/web/dist" $args >/dev/null
    cmake --build "$dir/build" -j"$JOBS" --target article-widget-core >/dev/null
  fi
  wasm=$dir/web/dist/article-widget-core.wasm
  glue=$dir/web/dist/article-widget-core.mjs
  rows+=("$name|$args|$(wc -c <"$wasm")|$(br "$wasm")|$(br "$glue")")
  builds+=("$name=$dir/web")
done
echo "timing ${#builds[@]} builds in one process" >&2
times=$(node bench/flags-time.js "${builds[@]}")
echo "| flag set | cmake arguments | wasm bytes | wasm brotli KB | glue brotli KB | seed render µs | seed Markdown µs | 1 MB render ms |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for r in "${rows[@]}"; do
  IFS='|' read -r name args raw wbr gbr <<<"$r"
  t=$(node -e 'const t=JSON.parse(process.argv[1])[process.argv[2]];console.log(`${t.render} | ${t.renderMarkdown} | ${(t.render1mb/1000).toFixed(1)}`)' "$times" "$name")
  echo "| $name | \`${args}\` | $raw | $(node -e "console.log(($wbr/1024).toFixed(1))") | $(node -e "console.log(($gbr/1024).toFixed(1))") | $t |"
done
