// Renders one article N times through the core's JS entry point (aw::call_render), natively: a
// fixed amount of work whose instruction count callgrind measures exactly, whatever else the
// machine is doing (docs/PERFORMANCE.md). Built with -DAW_BENCH=ON as build/bench/aw_render_loop.
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null build/bench/aw_render_loop examples/la-la-land.json 50 [OPTIONS_JSON]
// (OPTIONS_JSON: the render options, "{}" by default; '{"mount":true}' is the browser widget's call)
// A file ending in .md is rendered as Markdown only (aw::call_render_markdown, w.renderMarkdown).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "aw/api.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: aw_render_loop ARTICLE.json [N] [OPTIONS_JSON]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const int n = argc > 2 ? std::atoi(argv[2]) : 100;
  const std::string options = argc > 3 ? argv[3] : "{}";
  const std::string path = argv[1];
  const bool markdown_only = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
  size_t bytes = 0;  // used, so the loop is not optimised away
  for (int i = 0; i < n; ++i) {
    const aw::CallOutput out = markdown_only ? aw::call_render_markdown(text.str(), options) : aw::call_render(text.str(), options, true);
    bytes += out.html.size() + out.report.size();
  }
  std::cout << n << " renders, " << bytes << " bytes out\n";
}
