#include "aw/structured_data.hpp"

#include "aw/markdown.hpp"

#include <cmark.h>

#include "aw/escape.hpp"

namespace aw {
namespace {

bool gated(const Article& a, bool spoiler, const RenderOptions& o) {
  return spoiler && a.spoiler_level != SpoilerLevel::None && !o.spoilers_in_metadata;
}

// Markdown → plain text (schema.org text fields are plain or minimal HTML; plain is safest).
// Inline spoilers are left out, whatever the options: a description or a search snippet has no
// control to reveal them.
std::string plain(const std::string& markdown) {
  const MarkdownDoc parsed = parse_markdown(markdown, CMARK_OPT_DEFAULT);
  cmark_node* doc = parsed.get();
  if (!doc) return {};
  std::string out;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  int in_spoiler = 0;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_CUSTOM_INLINE) in_spoiler += ev == CMARK_EVENT_ENTER ? 1 : -1;
    if (in_spoiler) continue;
    if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) out += cmark_node_get_literal(n);
    // A line break, or the end of a paragraph or heading, is a space between words.
    else if ((ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) ||
             (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && !out.empty()))
      out += ' ';
  }
  cmark_iter_free(it);
  // Footnote markers mean nothing outside the page.
  for (size_t at = out.find("[^"); at != std::string::npos; at = out.find("[^", at)) {
    size_t end = out.find(']', at);
    if (end == std::string::npos) break;
    out.erase(at, end + 1 - at);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The JSON-LD is written straight to text (no DOM), members in key order like every JSON object
// the widget writes. One "key":"value" member:
void str(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  escape_json_string(out, value);
}

void people(std::string& out, const std::vector<Person>& list) {
  out += '[';
  for (size_t i = 0; i < list.size(); ++i) {
    const Person& p = list[i];
    out += i ? ",{" : "{";
    str(out, "@type", "Person");
    if (!p.role.empty()) str(out += ',', "jobTitle", p.role);
    str(out += ',', "name", p.name);
    if (!p.url.empty()) str(out += ',', "url", p.url);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string hero_image_url(const Article& a, const RenderOptions& o) {
  if (!a.has_hero || !image_url_allowed(a.hero.src, o.allow_remote_images, o.image_origins)) return {};
  return url_resolve(o.canonical_url, a.hero.src);
}

std::string article_description(const Article& a, const RenderOptions& o) {
  if (!a.dek.empty()) return a.dek;
  if (a.has_quick_answer && !gated(a, a.quick_answer.spoiler, o)) return plain(a.quick_answer.answer.text);
  return {};
}

std::string article_json_ld(const Article& a, const RenderOptions& o) {
  std::vector<const FaqItem*> questions;
  for (const FaqItem& f : a.faq)
    if (!gated(a, f.spoiler, o)) questions.push_back(&f);
  std::string j = questions.empty() ? "{" : "[{";
  str(j, "@context", "https://schema.org");
  str(j += ',', "@type", "Article");
  if (a.has_subject) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"film", "Movie"}, {"series", "TVSeries"}, {"book", "Book"}, {"game", "VideoGame"}, {"album", "MusicAlbum"}};
    std::string_view type = "CreativeWork";
    for (const auto& k : kinds)
      if (a.subject.kind == k.first) type = k.second;
    j += ",\"about\":{";
    str(j, "@type", type);
    if (a.subject.year) str(j += ',', "dateCreated", std::to_string(a.subject.year));
    str(j += ',', "name", a.subject.title);
    j += '}';
  }
  if (!a.authors.empty()) people(j += ",\"author\":", a.authors);
  str(j += ',', "dateModified", a.updated.empty() ? a.published : a.updated);
  if (!a.published.empty()) str(j += ',', "datePublished", a.published);
  std::string description = article_description(a, o);
  if (!description.empty()) str(j += ',', "description", description);
  str(j += ',', "headline", a.title);
  if (const std::string image = hero_image_url(a, o); !image.empty()) {
    j += ",\"image\":{";
    str(j, "@type", "ImageObject");
    j += ",\"height\":" + std::to_string(a.hero.height);
    str(j += ',', "url", image);
    j += ",\"width\":" + std::to_string(a.hero.width) + "}";
  }
  str(j += ',', "inLanguage", a.lang);
  if (!o.canonical_url.empty()) str(j += ',', "mainEntityOfPage", o.canonical_url);
  if (!o.publisher_name.empty()) {
    j += ",\"publisher\":{";
    str(j, "@type", "Organization");
    if (!o.publisher_logo.empty()) {
      j += ",\"logo\":{";
      str(j, "@type", "ImageObject");
      str(j += ',', "url", o.publisher_logo);
      j += '}';
    }
    str(j += ',', "name", o.publisher_name);
    if (!o.publisher_url.empty()) str(j += ',', "url", o.publisher_url);
    j += '}';
  }
  if (!a.reviewers.empty()) people(j += ",\"reviewedBy\":", a.reviewers);  // schema.org WebPage/CreativeWork reviewer
  j += '}';
  if (!questions.empty()) {
    j += ",{";
    str(j, "@context", "https://schema.org");
    str(j += ',', "@type", "FAQPage");
    j += ",\"mainEntity\":[";
    for (size_t i = 0; i < questions.size(); ++i) {
      j += i ? ",{" : "{";
      str(j, "@type", "Question");
      j += ",\"acceptedAnswer\":{";
      str(j, "@type", "Answer");
      str(j += ',', "text", plain(questions[i]->answer.text));
      j += '}';
      str(j += ',', "name", questions[i]->question);
      j += '}';
    }
    j += "]}]";
  }
  std::string out;
  out.reserve(j.size() + 32);
  escape_json_for_script(out, j);
  return out;
}

}  // namespace aw
