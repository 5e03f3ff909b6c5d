# article-widget — every entry point. `make demo` and `make test` set everything up first
# (scripts/setup.sh is idempotent and takes ~1 s when nothing is missing).
SHELL := /bin/bash
PORT ?= 8080
JOBS ?= 2
# Debian's emcc needs node to find acorn in /usr/share/nodejs.
export NODE_PATH := /usr/share/nodejs

.PHONY: all setup build native asan lint test test-native test-node test-browser demo clean fuzz-build fuzz fuzz-smoke bench size

all: build

setup:
	@bash scripts/setup.sh

# The browser/Node module: web/dist/article-widget-core.{mjs,wasm}.
build: setup
	@emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build/wasm -j$(JOBS)

native: setup
	@cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
	@cmake --build build/native -j$(JOBS)

# The same GoogleTest suite under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: setup
	@cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DAW_SANITIZE=ON >/dev/null
	@cmake --build build/asan -j$(JOBS)

# clang-format, clang-tidy and eslint (scripts/lint.sh; `scripts/lint.sh --fix` applies the formatters).
lint: native
	@bash scripts/lint.sh

test-native: native asan
	@build/native/aw_tests --gtest_brief=1
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/aw_tests --gtest_brief=1

# libFuzzer target (tests/fuzz/fuzz_article.cpp) with ASan + UBSan, built by clang. Seeds are
# generated (tests/fuzz/make-corpus.sh → build/fuzz/corpus); what the fuzzer finds new goes to
# build/fuzz/live (kept between runs), crashes to build/fuzz/artifacts/.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 25
FUZZ_FLAGS = -dict=tests/fuzz/article.dict -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1
fuzz-build: setup
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAW_FUZZ=ON -DAW_SANITIZE=ON -DAW_TESTS=OFF >/dev/null
	@cmake --build build/fuzz -j$(JOBS) --target aw_fuzz >/dev/null
	@bash tests/fuzz/make-corpus.sh build/fuzz/corpus
	@mkdir -p build/fuzz/live build/fuzz/artifacts

fuzz: fuzz-build
	build/fuzz/aw_fuzz build/fuzz/live build/fuzz/corpus $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS)

# The short run `make test` includes: the seeds plus a few seconds of mutation (from the seeds only,
# so its length does not depend on earlier runs); any finding fails.
fuzz-smoke: fuzz-build
	@echo "== fuzz smoke ($(FUZZ_SMOKE_SECONDS) s, ASan+UBSan)"
	@rm -rf build/fuzz/smoke && mkdir -p build/fuzz/smoke
	@build/fuzz/aw_fuzz build/fuzz/smoke build/fuzz/corpus $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SMOKE_SECONDS) >build/fuzz/smoke.log 2>&1 \
	  || { tail -60 build/fuzz/smoke.log; exit 1; }
	@grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' build/fuzz/smoke.log | tr '\n' ' '; echo

test-node: build
	@node --test tests/node/

# The browser suite runs in each engine named here (tests/browser/page.js): all three by default;
# `make test-browser AW_ENGINES=firefox` runs one.
export AW_ENGINES ?= chromium,firefox,webkit

test-browser: build
	@node --test tests/browser/

# Every suite; node's runner goes last so its summary closes the log.
test: build native asan
	@echo "== native (GoogleTest)"; build/native/aw_tests --gtest_brief=1
	@echo "== native under ASan+UBSan"; ASAN_OPTIONS=detect_leaks=1 build/asan/aw_tests --gtest_brief=1
	@$(MAKE) -s fuzz-smoke
	@bash scripts/lint.sh
	@echo "== wasm in Node, and in the browsers: $(AW_ENGINES) (node:test)"; node --test tests/node/ tests/browser/

# Benchmarks (bench/, docs/PERFORMANCE.md). `make bench`: the growth checks on hostile input first
# (bench/pathological.js and bench/hostile-articles.js --check: they fail make bench on super-linear
# growth, after the rest has run), then bench/run.js: every subject on the same inputs in one Node
# process, the native floor (Google Benchmark, build/bench), the core looped inside wasm
# (build/bench-wasm), memory, and the browsers (BENCH_BROWSER=0 skips them: warm render in Chromium,
# time to first render in Chromium, Firefox ESR and WebKitGTK, CPU ×4 latency); it ends with the
# Targets table of issue 16 and rewrites the generated block of docs/PERFORMANCE.md.
# `make size`: bytes a reader downloads vs the JS stack.
BENCH_BROWSER ?= 1
bench: build
	@cmake -S . -B build/bench -DAW_BENCH=ON -DAW_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build/bench -j$(JOBS) --target aw_bench >/dev/null
	@emcmake cmake -S . -B build/bench-wasm -DCMAKE_BUILD_TYPE=Release -DAW_BENCH=ON -DAW_DIST_DIR=$(CURDIR)/build/bench-wasm/dist >/dev/null
	@cmake --build build/bench-wasm -j$(JOBS) --target aw_wasm_loop >/dev/null
	@rm -f build/bench/pathological.json build/bench/hostile-articles.json
	@status=0; \
	echo "== growth on hostile Markdown (bench/pathological.js --check: fails if 10x input costs > 10.5x)"; \
	node bench/pathological.js --check --json build/bench/pathological.json || status=1; \
	echo "== whole hostile articles at the default limits (bench/hostile-articles.js --check: fails if one takes > 10x plain prose, or grows super-linearly)"; \
	node bench/hostile-articles.js --check --json build/bench/hostile-articles.json || status=1; \
	BENCH_BROWSER=$(BENCH_BROWSER) node bench/run.js || status=1; \
	exit $$status

size: build
	@cmake --build build/wasm -j$(JOBS) --target article-widget-core-names article-widget-reader >/dev/null
	@node bench/size.js --names build/wasm/names/article-widget-core-names.wasm --reader build/wasm/reader/article-widget-reader.wasm --doc

demo: build
	@node tools/serve.js --port $(PORT)

clean:
	rm -rf build/native build/asan build/wasm build/fuzz web/dist
