#include "aw/shell.hpp"

#include <nlohmann/json.hpp>

#include "aw/escape.hpp"
#include "aw/json_source.hpp"
#include "aw/labels.hpp"

namespace aw {
namespace {

std::string attr(std::string_view s) {
  std::string out;
  escape_html(out, s);
  return out;
}

std::string url(std::string_view s) {
  std::string out;
  escape_href(out, s);
  return out;
}

// A stylesheet inside <style>: only "</style" could end it early; "<\/style" means the same to CSS.
std::string style_text(std::string_view css) {
  std::string out;
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '<' && i + 1 < css.size() && css[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += css[i];
    }
  }
  return out;
}

// integrity="…" crossorigin="anonymous" (a checked file must be fetched in CORS mode), or nothing.
std::string integrity(const std::string& sri) {
  return sri.empty() ? std::string() : " integrity=\"" + attr(sri) + "\" crossorigin=\"anonymous\"";
}

std::string element(const ShellInput& in, const RenderOptions& o) {
  const bool light = o.dom == "light";
  std::string h = "<article-widget";
  if (!o.src.empty()) h += " src=\"" + url(o.src) + "\"";
  h += light ? " dom=\"light\" data-aw-ssr>\n" : " data-aw-ssr>\n<template shadowrootmode=\"open\">\n";
  if (!o.stylesheet_href.empty())
    h += "<link rel=\"stylesheet\" href=\"" + url(o.stylesheet_href) + "\"" + integrity(o.stylesheet_integrity) + ">\n";
  if (!o.stylesheet_text.empty()) h += "<style>" + style_text(o.stylesheet_text) + "</style>\n";
  h += in.article_html;
  h += light ? "</article-widget>\n" : "</template>\n</article-widget>\n";
  return h;
}

std::string page_head(std::string_view lang, std::string_view dir, std::string_view title) {
  return "<!doctype html>\n<html lang=\"" + attr(lang) + "\" dir=\"" + attr(dir) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         attr(title) + "</title>\n";
}

// <meta property|name="key" content="value">, for a value that is there.
void meta(std::string& h, const char* kind, const char* key, std::string_view value) {
  if (!value.empty()) h.append("<meta ").append(kind).append("=\"").append(key).append("\" content=\"").append(attr(value)).append("\">\n");
}

}  // namespace

std::string wrap_in_shell(ShellInput in, const RenderOptions& o) {
  if (o.shell == "element") return element(in, o);
  if (o.shell != "page") return std::move(in.article_html);
  std::string h = page_head(in.lang, in.dir, in.title);
  meta(h, "name", "description", in.description);
  // Link previews (Open Graph, read by most sites and apps; Twitter/X cards): the same title and
  // description, so no gated text reaches them unless spoilersInMetadata lets it into both.
  meta(h, "property", "og:type", "article");
  meta(h, "property", "og:title", in.title);
  meta(h, "property", "og:description", in.description);
  if (!o.canonical_url.empty()) meta(h, "property", "og:url", o.canonical_url);
  meta(h, "property", "og:site_name", o.publisher_name);
  meta(h, "property", "article:published_time", in.published);
  meta(h, "property", "article:modified_time", in.updated);
  for (std::string_view author : in.authors) meta(h, "property", "article:author", author);
  if (!in.image.empty()) {
    h += "<meta property=\"og:image\" content=\"" + url(in.image) + "\">\n<meta property=\"og:image:width\" content=\"" +
         std::to_string(in.image_width) + "\">\n<meta property=\"og:image:height\" content=\"" + std::to_string(in.image_height) + "\">\n";
    if (!in.image_alt.empty()) h += "<meta property=\"og:image:alt\" content=\"" + attr(in.image_alt) + "\">\n";
  }
  meta(h, "name", "twitter:card", in.image.empty() ? "summary" : "summary_large_image");
  meta(h, "name", "twitter:title", in.title);
  meta(h, "name", "twitter:description", in.description);
  if (!in.json_ld.empty()) h.append("<script type=\"application/ld+json\">").append(in.json_ld).append("</script>\n");
  if (!o.canonical_url.empty()) h += "<link rel=\"canonical\" href=\"" + url(o.canonical_url) + "\">\n";
  if (!o.script_src.empty())
    h += "<script type=\"module\" src=\"" + url(o.script_src) + "\"" + integrity(o.script_integrity) + "></script>\n";
  h += "</head>\n<body>\n" + element(in, o) + "</body>\n</html>\n";
  return h;
}

IndexResult render_index_page(std::string_view index_json, const RenderOptions& o) {
  using nlohmann::json;
  IndexResult result;
  Diagnostics diags(index_json);
  json j = parse_json_value(index_json);
  auto text = [&](const json& obj, const char* key, const std::string& path, bool required) -> std::string {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
    if (required || it != obj.end())
      diags.report(Code::InvalidValue, path + "/" + key, 0, std::string("\"") + key + "\" must be a non-empty string.");
    return "";
  };
  if (!j.is_object() || !j.contains("articles") || !j["articles"].is_array()) {
    diags.report(Code::InvalidValue, "", 0, "An index is an object with an \"articles\" array.");
  } else {
    const std::string lang = text(j, "lang", "", true);
    const Labels& labels = labels_for(lang);
    const std::string title = text(j, "title", "", true);
    std::string body;
    const json& articles = j["articles"];
    for (size_t i = 0; i < articles.size(); ++i) {
      const std::string path = "/articles/" + std::to_string(i);
      const json& a = articles[i];
      if (!a.is_object()) {
        diags.report(Code::InvalidValue, path, 0, "An index entry is an object.");
        continue;
      }
      const std::string href = text(a, "href", path, true);
      if (!href.empty() && !(url_is_safe(href, UrlUse::Link) && url_is_well_formed(href)))
        diags.report(Code::InvalidValue, path + "/href", 0, "\"href\" must be an http(s) or relative URL.");
      const std::string heading = text(a, "title", path, true), kicker = text(a, "kicker", path, false),
                        description = text(a, "description", path, false), published = text(a, "published", path, false);
      // An entry in another language than the page's says so (screen readers switch voice; a
      // right-to-left title runs right to left).
      const std::string entry_lang = text(a, "lang", path, false), entry_dir = text(a, "dir", path, false);
      body += "<li><article";
      if (!entry_lang.empty() && entry_lang != lang) body += " lang=\"" + attr(entry_lang) + "\"";
      if (entry_dir == "rtl" || (entry_dir == "ltr" && !entry_lang.empty() && entry_lang != lang)) body += " dir=\"" + entry_dir + "\"";
      body += ">\n";
      if (!kicker.empty()) body += "<p class=\"kicker\">" + attr(kicker) + "</p>\n";
      body += "<h2><a href=\"" + url(href) + "\">" + attr(heading) + "</a></h2>\n";
      if (!description.empty()) body += "<p>" + attr(description) + "</p>\n";
      std::string line;
      if (!published.empty()) line = "<time datetime=\"" + attr(published) + "\">" + attr(format_date(labels, published)) + "</time>";
      if (auto m = a.find("readingMinutes"); m != a.end() && m->is_number_unsigned() && m->get<unsigned>() > 0)
        line += (line.empty() ? "" : " · ") + attr(fill(labels.reading_time, "n", std::to_string(m->get<unsigned>())));
      if (!line.empty()) body += "<p>" + line + "</p>\n";
      body += "</article></li>\n";
    }
    if (!diags.has_errors()) {
      result.html = page_head(lang, "ltr", title);
      if (!o.canonical_url.empty()) result.html += "<link rel=\"canonical\" href=\"" + url(o.canonical_url) + "\">\n";
      if (!o.stylesheet_href.empty())
        result.html += "<link rel=\"stylesheet\" href=\"" + url(o.stylesheet_href) + "\"" + integrity(o.stylesheet_integrity) + ">\n";
      result.html += "</head>\n<body>\n<main>\n<h1>" + attr(title) + "</h1>\n<ul>\n" + body + "</ul>\n</main>\n</body>\n</html>\n";
    }
  }
  result.ok = !diags.has_errors();
  result.diagnostics = diags.all();
  return result;
}

}  // namespace aw
