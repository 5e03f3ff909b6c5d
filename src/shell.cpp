#include "aw/shell.hpp"

#include "aw/escape.hpp"

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

std::string element(const ShellInput& in, const RenderOptions& o) {
  std::string h = "<article-widget";
  if (!o.src.empty()) h += " src=\"" + url(o.src) + "\"";
  h += " data-aw-ssr>\n<template shadowrootmode=\"open\">\n";
  if (!o.stylesheet_href.empty()) h += "<link rel=\"stylesheet\" href=\"" + url(o.stylesheet_href) + "\">\n";
  if (!o.stylesheet_text.empty()) h += "<style>" + style_text(o.stylesheet_text) + "</style>\n";
  h += in.article_html;
  h += "</template>\n</article-widget>\n";
  return h;
}

}  // namespace

std::string wrap_in_shell(ShellInput in, const RenderOptions& o) {
  if (o.shell == "element") return element(in, o);
  if (o.shell != "page") return std::move(in.article_html);
  std::string h = "<!doctype html>\n<html lang=\"" + attr(in.lang) + "\" dir=\"" + attr(in.dir) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + attr(in.title) + "</title>\n";
  if (!in.description.empty()) h += "<meta name=\"description\" content=\"" + attr(in.description) + "\">\n";
  if (!in.image.empty()) {
    h += "<meta property=\"og:image\" content=\"" + url(in.image) + "\">\n<meta property=\"og:image:width\" content=\"" +
         std::to_string(in.image_width) + "\">\n<meta property=\"og:image:height\" content=\"" + std::to_string(in.image_height) +
         "\">\n";
    if (!in.image_alt.empty()) h += "<meta property=\"og:image:alt\" content=\"" + attr(in.image_alt) + "\">\n";
  }
  if (!in.json_ld.empty()) h.append("<script type=\"application/ld+json\">").append(in.json_ld).append("</script>\n");
  if (!o.canonical_url.empty()) h += "<link rel=\"canonical\" href=\"" + url(o.canonical_url) + "\">\n";
  if (!o.script_src.empty()) h += "<script type=\"module\" src=\"" + url(o.script_src) + "\"></script>\n";
  h += "</head>\n<body>\n" + element(in, o) + "</body>\n</html>\n";
  return h;
}

}  // namespace aw
