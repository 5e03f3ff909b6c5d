#!/usr/bin/env bash
# The linters `make test` runs (`make lint` alone): clang-format over every C++ file (.clang-format;
# `scripts/lint.sh --fix` rewrites them), clang-tidy over the core (.clang-tidy; needs
# build/native's compile_commands.json, which `make native` writes), and eslint over the
# JavaScript (eslint.config.js). Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t cxx < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${cxx[@]}"
  npx eslint --fix .
  exit 0
fi
echo "== clang-format (${#cxx[@]} files)"
clang-format --dry-run --Werror "${cxx[@]}"
echo "== clang-tidy (src/, 2 at a time)"
# clang-tidy prints "N warnings generated" for what it suppressed in system headers: only findings matter.
git ls-files 'src/*.cpp' | xargs -P 2 -n 1 clang-tidy -p build/native --quiet 2> >(grep -v 'warnings generated' >&2)
echo "== eslint"
npx eslint .
