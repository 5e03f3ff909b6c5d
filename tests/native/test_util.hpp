// Shared helpers for the native suite: a minimal valid article to mutate, and shortcuts that
// run the whole pipeline and pick out diagnostics.
#pragma once
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "aw/api.hpp"

namespace aw::test {

inline nlohmann::json minimal_article() {
  return nlohmann::json::parse(R"({
    "id": "test-article",
    "lang": "en",
    "title": "A title",
    "authors": [{"name": "Ada", "role": "Editor"}],
    "published": "2026-05-18",
    "sections": [{"id": "intro", "heading": "Intro", "body": "Hello *world*."}]
  })");
}

inline ArticleResult run(const std::string& text, const RenderOptions& options = {}) { return render_article_json(text, options); }

inline ArticleResult run(const nlohmann::json& article, const RenderOptions& options = {}) {
  return render_article_json(article.dump(2), options);
}

// The diagnostics with this code.
inline std::vector<Diagnostic> with_code(const ArticleResult& r, Code code) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(d);
  return out;
}

inline std::string codes(const ArticleResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += std::string(code_name(d.code)) + "@" + d.path + " ";
  return s;
}

inline bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string source_path(const std::string& relative) { return std::string(AW_SOURCE_DIR) + "/" + relative; }

}  // namespace aw::test
