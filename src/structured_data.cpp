#include "aw/structured_data.hpp"

#include <cmark.h>

#include <nlohmann/json.hpp>

#include "aw/escape.hpp"

namespace aw {
namespace {

using nlohmann::json;

bool gated(const Article& a, bool spoiler, const RenderOptions& o) {
  return spoiler && a.spoiler_level != SpoilerLevel::None && !o.spoilers_in_metadata;
}

// Markdown → plain text (schema.org text fields are plain or minimal HTML; plain is safest).
std::string plain(const std::string& markdown) {
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  if (!doc) return {};
  std::string out;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) out += cmark_node_get_literal(n);
    else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) out += ' ';
    else if (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && !out.empty()) out += ' ';
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  // Footnote markers mean nothing outside the page.
  for (size_t at = out.find("[^"); at != std::string::npos; at = out.find("[^", at)) {
    size_t end = out.find(']', at);
    if (end == std::string::npos) break;
    out.erase(at, end + 1 - at);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

json people(const std::vector<Person>& list) {
  json out = json::array();
  for (const Person& p : list) {
    json person = {{"@type", "Person"}, {"name", p.name}};
    if (!p.role.empty()) person["jobTitle"] = p.role;
    if (!p.url.empty()) person["url"] = p.url;
    out.push_back(std::move(person));
  }
  return out;
}

std::string script_safe(const json& j) {
  std::string dumped = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  escape_json_for_script(out, dumped);
  return out;
}

}  // namespace

std::string article_description(const Article& a, const RenderOptions& o) {
  if (!a.dek.empty()) return a.dek;
  if (a.has_quick_answer && !gated(a, a.quick_answer.spoiler, o)) return plain(a.quick_answer.answer.text);
  return {};
}

std::string article_json_ld(const Article& a, const RenderOptions& o) {
  json article = {{"@context", "https://schema.org"}, {"@type", "Article"}, {"headline", a.title}, {"inLanguage", a.lang}};
  std::string description = article_description(a, o);
  if (!description.empty()) article["description"] = description;
  if (!a.authors.empty()) article["author"] = people(a.authors);
  if (!a.reviewers.empty()) article["reviewedBy"] = people(a.reviewers);  // schema.org WebPage/CreativeWork reviewer
  if (!a.published.empty()) article["datePublished"] = a.published;
  article["dateModified"] = a.updated.empty() ? a.published : a.updated;
  if (!o.publisher_name.empty()) {
    json pub = {{"@type", "Organization"}, {"name", o.publisher_name}};
    if (!o.publisher_url.empty()) pub["url"] = o.publisher_url;
    if (!o.publisher_logo.empty()) pub["logo"] = {{"@type", "ImageObject"}, {"url", o.publisher_logo}};
    article["publisher"] = std::move(pub);
  }
  if (!o.canonical_url.empty()) article["mainEntityOfPage"] = o.canonical_url;
  if (a.has_subject) {
    static const std::pair<const char*, const char*> kinds[] = {{"film", "Movie"}, {"series", "TVSeries"}, {"book", "Book"},
                                                                {"game", "VideoGame"}, {"album", "MusicAlbum"}};
    std::string type = "CreativeWork";
    for (const auto& k : kinds)
      if (a.subject.kind == k.first) type = k.second;
    json about = {{"@type", type}, {"name", a.subject.title}};
    if (a.subject.year) about["dateCreated"] = std::to_string(a.subject.year);
    article["about"] = std::move(about);
  }

  json graph = json::array({std::move(article)});
  json questions = json::array();
  for (const FaqItem& f : a.faq) {
    if (gated(a, f.spoiler, o)) continue;
    questions.push_back({{"@type", "Question"}, {"name", f.question}, {"acceptedAnswer", {{"@type", "Answer"}, {"text", plain(f.answer.text)}}}});
  }
  if (!questions.empty()) graph.push_back({{"@context", "https://schema.org"}, {"@type", "FAQPage"}, {"mainEntity", std::move(questions)}});
  return script_safe(graph.size() == 1 ? graph[0] : graph);
}

}  // namespace aw
