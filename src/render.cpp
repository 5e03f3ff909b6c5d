#include "aw/render.hpp"

#include <map>
#include <set>

#include "aw/escape.hpp"
#include "aw/json_source.hpp"
#include "aw/labels.hpp"
#include "aw/markdown.hpp"

namespace aw {
namespace {

constexpr int kWordsPerMinute = 230;

std::string esc(std::string_view s) {
  std::string out;
  escape_html(out, s);
  return out;
}

class ArticleWriter {
 public:
  ArticleWriter(const Article& a, const RenderOptions& o, std::string_view json_text, Diagnostics& diags)
      : a_(a), o_(o), json_(json_text), diags_(diags), L_(with_overrides(labels_for(a.lang), o.labels)), P_(esc(o.id_prefix)) {
    collect_anchors(a.sections);
    for (const FaqItem& f : a.faq) anchors_.insert(f.id);
    used_ids_ = anchors_;
    for (const Source& s : a.sources) source_index_[s.id] = &s;
  }

  RenderedArticle run() {
    RenderedArticle r;
    r.dir = !a_.dir.empty() ? a_.dir : is_rtl_language(a_.lang) ? "rtl" : "ltr";
    r.reading_minutes = a_.reading_minutes > 0 ? a_.reading_minutes : computed_minutes();
    std::string& h = out_;
    h += "<article class=\"aw-article\" lang=\"" + esc(a_.lang) + "\" dir=\"" + r.dir + "\" data-aw-article=\"" +
         esc(a_.id) + "\" data-aw-prefix=\"" + P_ + "\" data-aw-labels=\"" + esc(shim_labels_json(L_)) + "\"";
    if (gating()) h += " data-aw-spoilers=\"" + std::string(a_.spoiler_level == SpoilerLevel::Major ? "major" : "minor") + "\"";
    h += ">\n";
    header(r.reading_minutes);
    spoiler_warning();
    quick_answer();
    toc(r.toc);
    for (const Section& s : a_.sections) section(s, false);
    related();
    faq();
    endnotes();
    h += "</article>\n";
    r.html = std::move(out_);
    return r;
  }

 private:
  bool gating() const { return a_.spoiler_level != SpoilerLevel::None && !o_.reveal_spoilers; }

  void collect_anchors(const std::vector<Section>& sections) {
    for (const Section& s : sections) {
      anchors_.insert(s.id);
      collect_anchors(s.sections);
    }
  }

  int computed_minutes() const {
    size_t words = count_words(a_.title) + count_words(a_.dek);
    if (a_.has_quick_answer) words += count_words(a_.quick_answer.question) + count_words(a_.quick_answer.answer.text);
    std::vector<const std::vector<Section>*> stack{&a_.sections};
    while (!stack.empty()) {
      const auto* list = stack.back();
      stack.pop_back();
      for (const Section& s : *list) {
        words += count_words(s.heading) + count_words(s.body.text) + count_words(s.conclusion.text);
        stack.push_back(&s.sections);
      }
    }
    for (const FaqItem& f : a_.faq) words += count_words(f.question) + count_words(f.answer.text);
    int minutes = static_cast<int>((words + kWordsPerMinute - 1) / kWordsPerMinute);
    return minutes < 1 ? 1 : minutes;
  }

  // Markdown of one field, citations numbered in page order, problems located in the JSON.
  std::string markdown(const MarkdownField& field, int heading_shift) {
    std::string html;
    if (field.empty()) return html;
    MarkdownOptions mo;
    mo.id_prefix = o_.id_prefix;
    mo.allow_remote_images = o_.allow_remote_images;
    mo.max_nesting = o_.limits.max_markdown_nesting;
    mo.heading_shift = heading_shift;
    mo.citation_label = L_.source_n;
    mo.anchors = &anchors_;
    mo.used_ids = &used_ids_;
    mo.cite = [this](std::string_view source, std::string& ref_id) { return cite(source, ref_id); };
    mo.report = [this, &field](Code code, size_t index, std::string message) {
      diags_.report(code, field.pointer, string_literal_offset(json_, field.offset, index), std::move(message));
    };
    render_markdown(html, field.text, mo);
    return html;
  }

  int cite(std::string_view source, std::string& ref_id) {
    std::string id(source);
    if (!source_index_.count(id)) return 0;
    auto it = numbers_.find(id);
    if (it == numbers_.end()) {
      it = numbers_.emplace(id, static_cast<int>(cited_order_.size()) + 1).first;
      cited_order_.push_back(id);
    }
    int k = ++citation_counts_[id];
    ref_id = "_ref_" + id + "_" + std::to_string(k);
    return it->second;
  }

  void time_element(std::string_view iso, bool month_only) {
    out_ += "<time datetime=\"" + esc(iso) + "\">" + esc(format_date(L_, iso, month_only)) + "</time>";
  }

  void header(int minutes) {
    std::string& h = out_;
    h += "<header class=\"aw-header\">\n<p class=\"aw-topline\">";
    if (!a_.kicker.empty()) h += "<span class=\"aw-kicker\">" + esc(a_.kicker) + "</span> ";
    if (!a_.updated.empty()) {
      h += "<span class=\"aw-updated\">" + esc(L_.updated) + " ";
      time_element(a_.updated, true);
      h += "</span> ";
    }
    h += "<span class=\"aw-reading-time\">" + esc(fill(L_.reading_time, "n", std::to_string(minutes))) + "</span></p>\n";
    h += "<h1 class=\"aw-title\" id=\"" + P_ + "_title\">" + esc(a_.title) + "</h1>\n";
    if (!a_.dek.empty()) h += "<p class=\"aw-dek\">" + esc(a_.dek) + "</p>\n";
    h += "<p class=\"aw-byline\">";
    people(L_.by, a_.authors);
    if (!a_.reviewers.empty()) {
      h += " <span class=\"aw-sep\" aria-hidden=\"true\">·</span> ";
      people(L_.reviewed_by, a_.reviewers);
    }
    if (!a_.published.empty()) {
      h += " <span class=\"aw-sep\" aria-hidden=\"true\">·</span> " + esc(L_.published) + " ";
      time_element(a_.published, false);
    }
    h += "</p>\n</header>\n";
  }

  void people(std::string_view lead, const std::vector<Person>& list) {
    std::vector<std::string> names;
    for (const Person& p : list) {
      std::string n;
      if (!p.url.empty()) n += "<a class=\"aw-person\" href=\"" + href(p.url) + "\">" + esc(p.name) + "</a>";
      else n += "<span class=\"aw-person\">" + esc(p.name) + "</span>";
      if (!p.role.empty()) n += ", <span class=\"aw-role\">" + esc(p.role) + "</span>";
      names.push_back(std::move(n));
    }
    out_ += esc(lead) + " " + join_list(L_, names);
  }

  static std::string href(std::string_view url) {
    std::string out;
    escape_href(out, url);
    return out;
  }

  void spoiler_warning() {
    if (a_.spoiler_level == SpoilerLevel::None) return;
    std::string text = a_.spoiler_warning;
    if (text.empty()) {
      std::string level(a_.spoiler_level == SpoilerLevel::Major ? L_.level_major : L_.level_minor);
      if (a_.has_subject) {
        std::string subject = a_.subject.title + (a_.subject.year ? " (" + std::to_string(a_.subject.year) + ")" : "");
        text = fill(fill(L_.spoiler_default, "level", level), "subject", subject);
      } else {
        text = fill(L_.spoiler_default_nosubject, "level", level);
      }
    }
    std::string& h = out_;
    h += "<aside class=\"aw-spoiler-warning\" aria-labelledby=\"" + P_ + "_spoilers\">\n";
    h += "<h2 class=\"aw-spoiler-warning-title\" id=\"" + P_ + "_spoilers\">" + esc(L_.spoiler_warning) + "</h2>\n";
    h += "<p class=\"aw-spoiler-warning-text\">" + esc(text) + "</p>\n";
    if (gating())
      h += "<p class=\"aw-spoiler-actions\" data-aw-js hidden><button type=\"button\" class=\"aw-button\" "
           "data-aw-action=\"reveal-all\">" + esc(L_.reveal_all) + "</button></p>\n";
    h += "</aside>\n";
  }

  // GATED-OR-PLAIN in docs/HTML.md.
  void gated(bool spoiler, const std::string& part, std::string_view notice, const std::string& inner) {
    if (!spoiler || !gating()) {
      out_ += inner;
      return;
    }
    std::string& h = out_;
    h += "<div class=\"aw-gate\" data-aw-gate=\"" + esc(part) + "\">\n<p class=\"aw-gate-text\">" + esc(notice) +
         "</p>\n<button type=\"button\" class=\"aw-button\" data-aw-action=\"reveal\" aria-controls=\"" + P_ + esc(part) +
         "_content\" data-aw-js hidden>" + esc(L_.reveal_one) + "</button>\n</div>\n";
    h += "<div class=\"aw-gated\" id=\"" + P_ + esc(part) + "_content\" data-aw-gated=\"" + esc(part) + "\" hidden>\n" + inner + "</div>\n";
  }

  void quick_answer() {
    if (!a_.has_quick_answer) return;
    std::string& h = out_;
    h += "<aside class=\"aw-quick-answer\" aria-labelledby=\"" + P_ + "_quick-answer\">\n";
    h += "<h2 class=\"aw-quick-answer-label\" id=\"" + P_ + "_quick-answer\">" + esc(L_.quick_answer) + "</h2>\n";
    if (!a_.quick_answer.question.empty())
      h += "<p class=\"aw-quick-answer-question\">" + esc(a_.quick_answer.question) + "</p>\n";
    std::string body = "<div class=\"aw-body\">\n" + markdown(a_.quick_answer.answer, 2) + "</div>\n";
    gated(a_.quick_answer.spoiler, "_quick-answer", L_.gated_answer, body);
    h += "</aside>\n";
  }

  void toc(std::vector<TocEntry>& entries) {
    std::vector<const Section*> order;
    for (const Section& s : a_.sections) {
      entries.push_back({s.id, o_.id_prefix + s.id, s.heading, 1});
      for (const Section& sub : s.sections) entries.push_back({sub.id, o_.id_prefix + sub.id, sub.heading, 2});
    }
    if (!a_.faq.empty()) entries.push_back({"", o_.id_prefix + "_faq", std::string(L_.faq), 1});
    if (a_.sections.size() + (a_.faq.empty() ? 0 : 1) < 3) return;  // short articles need no contents list
    std::string& h = out_;
    h += "<nav class=\"aw-toc\" aria-labelledby=\"" + P_ + "_toc\">\n<h2 class=\"aw-toc-title\" id=\"" + P_ + "_toc\">" +
         esc(L_.contents) + "</h2>\n<ol>\n";
    bool open_sub = false;
    for (size_t i = 0; i < entries.size(); ++i) {
      const TocEntry& e = entries[i];
      if (e.level == 1) {
        if (i > 0) h += open_sub ? "</ol></li>\n" : "</li>\n";
        open_sub = false;
        h += "<li><a href=\"#" + esc(e.anchor) + "\">" + esc(e.title) + "</a>";
      } else {
        if (!open_sub) h += "<ol>";
        open_sub = true;
        h += "<li><a href=\"#" + esc(e.anchor) + "\">" + esc(e.title) + "</a></li>";
      }
    }
    h += open_sub ? "</ol></li>\n" : "</li>\n";
    h += "</ol>\n</nav>\n";
  }

  void section(const Section& s, bool inside_gate) {
    std::string tag = "h" + std::to_string(s.level + 1);
    std::string id = P_ + esc(s.id);
    std::string& h = out_;
    h += "<section class=\"aw-section\" id=\"" + id + "\" aria-labelledby=\"" + id + "_title\" data-aw-level=\"" +
         std::to_string(s.level) + "\">\n";
    h += "<" + tag + " class=\"aw-section-title\" id=\"" + id + "_title\">" + esc(s.heading) + "</" + tag + ">\n";
    bool gate_here = s.spoiler && !inside_gate;
    // The content is rendered into its own buffer so a gate can wrap it.
    std::string saved = std::move(out_);
    out_.clear();
    if (!s.sources.empty()) {
      std::vector<std::string> items;
      for (const std::string& src : s.sources) {
        auto it = source_index_.find(src);
        if (it == source_index_.end()) continue;  // reported by the validator
        listed_.insert(src);
        items.push_back("<a href=\"#" + P_ + "_fn_" + esc(src) + "\">" + esc(it->second->label) + "</a>");
      }
      if (!items.empty()) out_ += "<p class=\"aw-drawing-on\">" + esc(L_.drawing_on) + " " + join_list(L_, items) + ".</p>\n";
    }
    if (!s.body.empty()) out_ += "<div class=\"aw-body\">\n" + markdown(s.body, s.level + 1) + "</div>\n";
    for (const Section& sub : s.sections) section(sub, inside_gate || (gate_here && gating()));
    if (!s.conclusion.empty()) out_ += "<div class=\"aw-body aw-conclusion\">\n" + markdown(s.conclusion, s.level + 1) + "</div>\n";
    std::string inner = std::move(out_);
    out_ = std::move(saved);
    gated(gate_here, s.id, L_.gated_section, inner);
    out_ += "</section>\n";
  }

  void related() {
    if (a_.related.empty()) return;
    std::string label(a_.related[0].label.empty() ? std::string(L_.continue_reading) : a_.related[0].label);
    std::string& h = out_;
    h += "<aside class=\"aw-related\" aria-labelledby=\"" + P_ + "_related\">\n<h2 class=\"aw-related-label\" id=\"" + P_ +
         "_related\">" + esc(label) + "</h2>\n<ul class=\"aw-related-list\">\n";
    for (const RelatedLink& r : a_.related) {
      h += "<li><a class=\"aw-related-card\" href=\"" + href(r.url) + "\"><span class=\"aw-related-title\">" + esc(r.title) + "</span>";
      if (!r.summary.empty()) h += "<span class=\"aw-related-summary\">" + esc(r.summary) + "</span>";
      h += "<span class=\"aw-related-cta\">" + esc(r.cta.empty() ? L_.open : std::string_view(r.cta)) +
           " <span aria-hidden=\"true\">→</span></span></a></li>\n";
    }
    h += "</ul>\n</aside>\n";
  }

  void faq() {
    if (a_.faq.empty()) return;
    std::string& h = out_;
    h += "<section class=\"aw-faq\" id=\"" + P_ + "_faq\" aria-labelledby=\"" + P_ + "_faq_title\">\n<h2 class=\"aw-faq-title\" id=\"" +
         P_ + "_faq_title\">" + esc(L_.faq) + "</h2>\n";
    for (const FaqItem& f : a_.faq) {
      h += "<details class=\"aw-faq-item\" id=\"" + P_ + esc(f.id) + "\">\n<summary class=\"aw-faq-question\">" + esc(f.question) +
           "</summary>\n<div class=\"aw-faq-answer\">\n";
      std::string body = "<div class=\"aw-body\">\n" + markdown(f.answer, 3) + "</div>\n";
      gated(f.spoiler, f.id, L_.gated_answer, body);
      h += "</div>\n</details>\n";
    }
    h += "</section>\n";
  }

  void endnotes() {
    // Cited sources in citation order, then the ones only listed in "Drawing on" lines.
    std::vector<const Source*> order;
    for (const std::string& id : cited_order_) order.push_back(source_index_[id]);
    for (const Source& s : a_.sources) {
      if (numbers_.count(s.id)) continue;
      if (!listed_.count(s.id))
        diags_.report(Code::UnusedSource, s.pointer, s.offset,
                      "The source \"" + s.id + "\" is neither cited nor listed in any section's \"sources\".");
      order.push_back(&s);
    }
    if (order.empty()) return;
    std::string& h = out_;
    h += "<footer class=\"aw-endnotes\" aria-labelledby=\"" + P_ + "_sources\">\n<h2 class=\"aw-endnotes-title\" id=\"" + P_ +
         "_sources\">" + esc(L_.sources) + "</h2>\n<ol class=\"aw-endnote-list\">\n";
    for (size_t i = 0; i < order.size(); ++i) {
      const Source& s = *order[i];
      h += "<li class=\"aw-endnote\" id=\"" + P_ + "_fn_" + esc(s.id) + "\" data-aw-source=\"" + esc(s.id) + "\"><span class=\"aw-endnote-text\">";
      if (!s.author.empty()) h += esc(s.author) + ", ";
      std::string title = "“" + esc(s.title) + "”";
      if (!s.url.empty()) h += "<a href=\"" + href(s.url) + "\" rel=\"noopener noreferrer\">" + title + "</a>";
      else h += title;
      if (!s.publisher.empty()) h += ", <cite>" + esc(s.publisher) + "</cite>";
      if (!s.date.empty()) {
        h += ", ";
        time_element(s.date, false);
      }
      h += ".</span>";
      int refs = citation_counts_.count(s.id) ? citation_counts_[s.id] : 0;
      for (int k = 1; k <= refs; ++k) {
        std::string n = std::to_string(i + 1) + (refs > 1 ? "." + std::to_string(k) : "");
        h += " <a class=\"aw-backref\" href=\"#" + P_ + "_ref_" + esc(s.id) + "_" + std::to_string(k) + "\" aria-label=\"" +
             esc(fill(L_.back_to_citation, "n", n)) + "\">↩<sup>" + (refs > 1 ? std::to_string(k) : "") + "</sup></a>";
      }
      h += "</li>\n";
    }
    h += "</ol>\n</footer>\n";
  }

  const Article& a_;
  const RenderOptions& o_;
  std::string_view json_;
  Diagnostics& diags_;
  const Labels L_;
  std::string P_;  // escaped id prefix
  std::string out_;
  std::set<std::string> anchors_, used_ids_, listed_;
  std::map<std::string, const Source*> source_index_;
  std::map<std::string, int> numbers_, citation_counts_;
  std::vector<std::string> cited_order_;
};

}  // namespace

bool is_valid_id_prefix(std::string_view p) {
  if (p.empty() || p.size() > 32) return false;
  if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'))) return false;
  for (char c : p)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

RenderedArticle render_article(const Article& article, const RenderOptions& options, std::string_view json_text,
                               Diagnostics& diags) {
  return ArticleWriter(article, options, json_text, diags).run();
}

}  // namespace aw
