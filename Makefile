# article-widget — every entry point. `make demo` and `make test` set everything up first
# (scripts/setup.sh is idempotent and takes ~1 s when nothing is missing).
SHELL := /bin/bash
PORT ?= 8080
JOBS ?= 2
# Debian's emcc needs node to find acorn in /usr/share/nodejs.
export NODE_PATH := /usr/share/nodejs

.PHONY: all setup build native asan test test-native test-node test-browser demo clean

all: build

setup:
	@bash scripts/setup.sh

# The browser/Node module: web/dist/article-widget-core.{mjs,wasm}.
build: setup
	@emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build/wasm -j$(JOBS)

native: setup
	@cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build/native -j$(JOBS)

# The same GoogleTest suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: setup
	@cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DAW_SANITIZE=ON >/dev/null
	@cmake --build build/asan -j$(JOBS)

test-native: native asan
	@build/native/aw_tests --gtest_brief=1
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/aw_tests --gtest_brief=1

test-node: build
	@node --test tests/node/

test-browser: build
	@node --test tests/browser/

# Every suite; node's runner goes last so its summary closes the log.
test: build native asan
	@echo "== native (GoogleTest)"; build/native/aw_tests --gtest_brief=1
	@echo "== native under ASan+UBSan"; ASAN_OPTIONS=detect_leaks=1 build/asan/aw_tests --gtest_brief=1
	@echo "== wasm in Node and in Chromium (node:test)"; node --test tests/node/ tests/browser/

demo: build
	@node tools/serve.js --port $(PORT)

clean:
	rm -rf build/native build/asan build/wasm web/dist
