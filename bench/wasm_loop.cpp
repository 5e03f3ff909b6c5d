// The same work as w.render() / w.renderMarkdown(), looped inside wasm (no JS boundary), built
// with the product's compile flags and allocator: the difference to the public API's time is the
// boundary's cost. With --peak <name>, reads only that input and reports how far one render
// raises the heap's high-water mark (sbrk top; neither allocator gives memory back): the peak
// memory that article needs beyond the input and output buffers' own copies.
//   node --no-experimental-fetch build/bench-wasm/aw_wasm_loop.js <inputs-dir> [min-ms-per-round] [rounds]
//   node --no-experimental-fetch build/bench-wasm/aw_wasm_loop.js <inputs-dir> --peak <name>
// Prints one JSON object.
#include <emscripten.h>
#include <emscripten/heap.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <cmark.h>

#include "aw/api.hpp"
#include "bench_inputs.hpp"

namespace {

size_t heap_top() { return reinterpret_cast<size_t>(sbrk(0)); }

// What the binding does for render (wasm/bindings.cpp), minus the typed_memory_view.
void render_once(const aw_bench::Input& in, std::string& html, std::string& report) {
  std::vector<aw::Diagnostic> problems;
  aw::RenderOptions options = aw::parse_render_options(in.options, problems);
  aw::ArticleResult r = aw::render_article_json(in.json, options, true);
  html = std::move(r.html);
  report = aw::result_report_json(r, options);
}

void markdown_once(const aw_bench::Input& in, std::string& html) {
  std::vector<aw::Diagnostic> problems;
  aw::RenderOptions options = aw::parse_render_options(in.options, problems);
  html = aw::render_markdown_fragment(in.markdown, options);
}

template <class F>
std::vector<double> rounds_of(F&& f, double min_ms, int rounds) {
  double t0 = emscripten_get_now();
  int calls = 0;
  do {
    f();
    ++calls;
  } while (emscripten_get_now() - t0 < 200 || calls < 3);  // warm-up and calibration
  int per_round = std::max(1, static_cast<int>(min_ms / ((emscripten_get_now() - t0) / calls)));
  std::vector<double> us;
  for (int r = 0; r < rounds; ++r) {
    double s = emscripten_get_now();
    for (int i = 0; i < per_round; ++i) f();
    us.push_back((emscripten_get_now() - s) * 1000.0 / per_round);
  }
  return us;
}

std::string json_array(const std::vector<double>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: aw_wasm_loop <inputs-dir> [min-ms-per-round] [rounds]\n");
    return 2;
  }
  if (argc > 3 && std::string(argv[2]) == "--peak") {
    // Only this input is read, so the heap holds nothing else.
    std::vector<aw_bench::Input> inputs = aw_bench::read_inputs(argv[1], argv[3]);
    for (aw_bench::Input& in : inputs) {
      if (in.name != argv[3]) continue;
      aw_bench::Input only = std::move(in);
      std::string html, report;
      size_t before = heap_top();
      render_once(only, html, report);
      size_t first = heap_top();
      // From the second render on, the previous result is still held while the next one is made
      // (as in the bindings): the steady state; it must not move after that.
      render_once(only, html, report);
      size_t second = heap_top();
      // Where the heap ends after 3, 10, 100 and 300 renders: flat once the allocator has found
      // room for two results side by side.
      std::string marks;
      for (int i = 3; i <= 300; ++i) {
        render_once(only, html, report);
        if (i == 3 || i == 10 || i == 100 || i == 300) marks += (marks.empty() ? "" : ",") + std::to_string(heap_top() - before);
      }
      // brk: the address the heap ends at (static data, 1 MB stack and heap below it): the linear
      // memory this article needs.
      std::printf(
          "{\"name\":\"%s\",\"inputBytes\":%zu,\"htmlBytes\":%zu,\"brkBefore\":%zu,\"brkAfterFirst\":%zu,"
          "\"peakAboveInput\":%zu,\"steady\":%zu,\"after3_10_100_300\":[%s],\"memorySize\":%zu}\n",
          only.name.c_str(), only.json.size(), html.size(), before, first, first - before, second - before, marks.c_str(),
          static_cast<size_t>(emscripten_get_heap_size()));
      return 0;
    }
    std::fprintf(stderr, "no input named %s\n", argv[3]);
    return 1;
  }
  std::vector<aw_bench::Input> inputs = aw_bench::read_inputs(argv[1]);
  double min_ms = argc > 2 ? std::atof(argv[2]) : 60;
  int rounds = argc > 3 ? std::atoi(argv[3]) : 15;
  std::string out = "{\"inputs\":[";
  for (size_t k = 0; k < inputs.size(); ++k) {
    const aw_bench::Input& in = inputs[k];
    std::string html, report;
    std::vector<double> article = rounds_of([&] { render_once(in, html, report); }, min_ms, rounds);
    std::vector<double> markdown = rounds_of([&] { markdown_once(in, html); }, min_ms, rounds);
    // cmark's own renderer (html.c) on the same Markdown, in wasm: the Markdown floor here.
    std::vector<double> cmark =
        rounds_of([&] { std::free(cmark_markdown_to_html(in.markdown.data(), in.markdown.size(), CMARK_OPT_DEFAULT)); }, min_ms, rounds);
    out += std::string(k ? "," : "") + "{\"name\":\"" + in.name + "\",\"article\":" + json_array(article) +
           ",\"markdown\":" + json_array(markdown) + ",\"cmark\":" + json_array(cmark) + "}";
  }
  out += "]}";
  std::puts(out.c_str());
  return 0;
}
