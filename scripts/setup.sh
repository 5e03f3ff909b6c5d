#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently and quickly when nothing changed:
# Debian packages (Emscripten, nlohmann-json, Chromium, Firefox ESR, WebKitGTK, clang's sanitizer
# runtime, brotli),
# cmark's pinned source from Debian's source packages, and npm devDependencies from the lockfile.
# Nothing third-party is committed; everything lands under build/deps or node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."

CMARK_VERSION=0.30.2
CMARK_DEBIAN_VERSION=0.30.2-6
CMARK_SHA256=6c7d2bcaea1433d977d8fed0b55b71c9d045a7cdf616e3cd2dce9007da753db3
DEPS=build/deps
APT_PACKAGES=(emscripten nlohmann-json3-dev chromium brotli clang libclang-rt-14-dev clang-format clang-tidy cmake g++ make googletest libgtest-dev libbenchmark-dev)

command -v node >/dev/null && command -v npm >/dev/null || { echo "setup: node and npm are required (the machine image provides them)"; exit 1; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=0
apt_update_once() { [ $apt_updated -eq 1 ] || { $SUDO apt-get update -q >/dev/null; apt_updated=1; }; }

# The other two engines of the browser suite (Chromium is above): Firefox ESR, driven over
# WebDriver BiDi, and WebKitGTK's MiniBrowser with its WebDriver, in a virtual X display (xdotool
# gives its window input focus: there is no window manager). Without recommends: they would add a
# desktop's worth.
BROWSER_PACKAGES=(firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth xdotool)

# apt_install [apt-get options] -- package...: installs those not installed yet.
apt_install() {
  local opts=() missing=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "setup: installing Debian packages: ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${opts[@]}" "${missing[@]}" >/dev/null
}
apt_install -- "${APT_PACKAGES[@]}"
apt_install --no-install-recommends -- "${BROWSER_PACKAGES[@]}"

# cmark's source: Debian ships cmark-dev for x86 only, so the wasm build compiles the source.
# The deb-src entry is derived from the machine's own sources at run time (no host written here).
mkdir -p "$DEPS"
if [ ! -f "$DEPS/cmark-$CMARK_VERSION/src/blocks.c" ]; then
  tarball="$DEPS/cmark_$CMARK_VERSION.orig.tar.gz"
  if [ ! -f "$tarball" ]; then
    src_list=/etc/apt/sources.list.d/article-widget-src.sources
    if [ ! -f "$src_list" ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$src_list" >/dev/null
      apt_updated=0
    fi
    apt_update_once
    (cd "$DEPS" && apt-get source --download-only "cmark=$CMARK_DEBIAN_VERSION" >/dev/null 2>&1)
  fi
  echo "$CMARK_SHA256  $tarball" | sha256sum -c --quiet -
  tar xzf "$tarball" -C "$DEPS"
fi

# emcc must not see /usr/include (glibc headers would shadow the wasm sysroot): give it a folder
# that holds only nlohmann/.
mkdir -p "$DEPS/include"
[ -e "$DEPS/include/nlohmann" ] || ln -s /usr/include/nlohmann "$DEPS/include/nlohmann"

# npm devDependencies, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
