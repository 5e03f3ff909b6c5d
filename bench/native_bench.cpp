// The floor: the project's core and cmark's own HTML renderer, native, under Google Benchmark.
// Same inputs as the Node subjects (bench/run.js writes them to build/bench/inputs/ first).
//   build/bench/aw_bench --inputs build/bench/inputs [Google Benchmark flags]
// Benchmarks, per input:
//   article/<input>   what w.render() does: options JSON → render_article_json → report JSON
//   markdown/<input>  what w.renderMarkdown() does: render_markdown_fragment
//   cmark/<input>     cmark_markdown_to_html (cmark's html.c, default options): the parser's floor
//   stage/<stage>/<input>  the full pipeline's stages one by one (where the time goes):
//                     parse (JSON → nlohmann DOM with offsets), validate, render (article HTML,
//                     Markdown included), report (result → JSON); the rest of article/ is
//                     options, JSON-LD, the page shell and freeing
#include <benchmark/benchmark.h>
#include <cmark.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "aw/api.hpp"
#include "aw/json_source.hpp"
#include "aw/render.hpp"
#include "aw/validate.hpp"
#include "bench_inputs.hpp"

namespace {

std::vector<aw_bench::Input> g_inputs;

void article(benchmark::State& state, const aw_bench::Input* in) {
  for (auto _ : state) {
    std::vector<aw::Diagnostic> problems;
    aw::RenderOptions options = aw::parse_render_options(in->options, problems);
    aw::ArticleResult r = aw::render_article_json(in->json, options, true);
    std::string report = aw::result_report_json(r, options);
    benchmark::DoNotOptimize(r.html.data());
    benchmark::DoNotOptimize(report.data());
    if (!r.ok) state.SkipWithError("the article did not render");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->json.size()));
}

void markdown(benchmark::State& state, const aw_bench::Input* in) {
  std::vector<aw::Diagnostic> problems;
  aw::RenderOptions options = aw::parse_render_options(in->options, problems);
  for (auto _ : state) {
    std::vector<aw::Diagnostic> p;
    aw::RenderOptions o = aw::parse_render_options(in->options, p);  // as the binding does per call
    std::string html = aw::render_markdown_fragment(in->markdown, o);
    benchmark::DoNotOptimize(html.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->markdown.size()));
}

void cmark_html(benchmark::State& state, const aw_bench::Input* in) {
  for (auto _ : state) {
    char* html = cmark_markdown_to_html(in->markdown.data(), in->markdown.size(), CMARK_OPT_DEFAULT);
    benchmark::DoNotOptimize(html);
    free(html);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->markdown.size()));
}

aw::RenderOptions options_of(const aw_bench::Input& in) {
  std::vector<aw::Diagnostic> problems;
  return aw::parse_render_options(in.options, problems);
}

void stage_parse(benchmark::State& state, const aw_bench::Input* in) {
  aw::RenderOptions o = options_of(*in);
  for (auto _ : state) {
    aw::Diagnostics diags(in->json);
    aw::JsonDocument doc;
    benchmark::DoNotOptimize(aw::parse_json(in->json, o.limits, doc, diags));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in->json.size()));
}

void stage_validate(benchmark::State& state, const aw_bench::Input* in) {
  aw::RenderOptions o = options_of(*in);
  aw::Diagnostics diags(in->json);
  aw::JsonDocument doc;
  aw::parse_json(in->json, o.limits, doc, diags);
  for (auto _ : state) {
    aw::Diagnostics d(in->json);
    aw::Article a = aw::validate_article(doc, o.limits, d);
    benchmark::DoNotOptimize(a.id.data());
  }
}

void stage_render(benchmark::State& state, const aw_bench::Input* in) {
  aw::RenderOptions o = options_of(*in);
  aw::Diagnostics diags(in->json);
  aw::JsonDocument doc;
  aw::parse_json(in->json, o.limits, doc, diags);
  aw::Article a = aw::validate_article(doc, o.limits, diags);
  for (auto _ : state) {
    aw::Diagnostics d(in->json);
    aw::RenderedArticle r = aw::render_article(a, o, in->json, d);
    benchmark::DoNotOptimize(r.html.data());
  }
}

void stage_report(benchmark::State& state, const aw_bench::Input* in) {
  aw::RenderOptions o = options_of(*in);
  aw::ArticleResult r = aw::render_article_json(in->json, o, true);
  for (auto _ : state) {
    std::string report = aw::result_report_json(r, o);
    benchmark::DoNotOptimize(report.data());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = AW_SOURCE_DIR "/build/bench/inputs";
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--inputs") == 0 && i + 1 < argc)
      dir = argv[++i];
    else
      rest.push_back(argv[i]);
  }
  g_inputs = aw_bench::read_inputs(dir);
  if (g_inputs.empty()) {
    std::fprintf(stderr, "no inputs in %s: run `node bench/run.js --write-inputs` (make bench does)\n", dir.c_str());
    return 1;
  }
  for (const auto& in : g_inputs) {
    benchmark::RegisterBenchmark(("article/" + in.name).c_str(), article, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("markdown/" + in.name).c_str(), markdown, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("cmark/" + in.name).c_str(), cmark_html, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("stage/parse/" + in.name).c_str(), stage_parse, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("stage/validate/" + in.name).c_str(), stage_validate, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("stage/render/" + in.name).c_str(), stage_render, &in)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("stage/report/" + in.name).c_str(), stage_report, &in)->Unit(benchmark::kMicrosecond);
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
