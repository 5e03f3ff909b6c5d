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

// Pieces of HTML appended straight to the output, no temporaries: put(out, "<p>", Esc{text}, "</p>").
struct Esc {  // text or an attribute value, escaped
  std::string_view s;
};
struct Href {  // a URL that passed url_is_safe()
  std::string_view s;
};
void piece(std::string& out, std::string_view s) { out.append(s); }
void piece(std::string& out, Esc e) { escape_html(out, e.s); }
void piece(std::string& out, Href u) { escape_href(out, u.s); }
template <typename... T>
void put(std::string& out, const T&... parts) {
  (piece(out, parts), ...);
}

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
    used_ids_ = UniqueIds(anchors_);
    budget_.limit = budget_.elements_left = o.limits.max_markdown_elements;
    for (const Source& s : a.sources) {
      source_index_[s.id] = &s;
      source_names_.push_back(s.id);
    }
  }

  RenderedArticle run() {
    RenderedArticle r;
    r.dir = !a_.dir.empty() ? a_.dir : is_rtl_language(a_.lang) ? "rtl" : "ltr";
    r.reading_minutes = a_.reading_minutes > 0 ? a_.reading_minutes : computed_minutes();
    out_.reserve(json_.size() * 2);  // the HTML is 1.1–1.9× its JSON: one allocation, no regrowth
    put(out_, "<article class=\"aw-article\" lang=\"", Esc{a_.lang}, "\" dir=\"", r.dir, "\" data-aw-article=\"", Esc{a_.id},
        "\" data-aw-prefix=\"", P_, "\" data-aw-labels=\"", Esc{shim_labels_json(L_)}, "\"");
    if (gating()) put(out_, " data-aw-spoilers=\"", a_.spoiler_level == SpoilerLevel::Major ? "major" : "minor", "\"");
    // What a reader's "show all" is remembered under when the publisher opts into per-subject
    // memory (remember-spoilers="subject"): the subject's title and year, as a slug.
    if (a_.has_subject && !slugify(a_.subject.title).empty())
      put(out_, " data-aw-subject=\"", Esc{slugify(a_.subject.title) + (a_.subject.year ? "-" + std::to_string(a_.subject.year) : "")}, "\"");
    out_ += ">\n";
    header(r.reading_minutes);
    spoiler_warning();
    quick_answer();
    toc(r.toc);
    for (const Section& s : a_.sections) section(s, false);
    related();
    faq();
    endnotes();
    out_ += "</article>\n";
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

  // Markdown of one field in a <div class="…">, citations numbered in page order, problems
  // located in the JSON.
  void markdown(std::string_view div_class, const MarkdownField& field, int heading_shift) {
    put(out_, "<div class=\"", div_class, "\">\n");
    if (!field.empty()) {
      MarkdownOptions mo;
      mo.id_prefix = o_.id_prefix;
      mo.allow_remote_images = o_.allow_remote_images;
      mo.max_nesting = o_.limits.max_markdown_nesting;
      mo.heading_shift = heading_shift;
      mo.valid_utf8 = true;  // an Article's text came through the JSON parser
      mo.citation_label = L_.source_n;
      mo.anchors = &anchors_;
      mo.used_ids = &used_ids_;
      mo.budget = &budget_;
      mo.source_ids = &source_names_;
      mo.suggestions_left = &suggestions_left_;
      mo.reveal_spoilers = o_.reveal_spoilers;
      mo.spoiler_label = L_.inline_spoiler;
      mo.inline_spoilers = &inline_spoilers_;
      mo.cite = [this](std::string_view source, std::string& ref_id) { return cite(source, ref_id); };
      StringLiteralCursor literal(json_, field.offset);
      mo.report = [this, &field, &literal](Code code, size_t index, std::string message) {
        diags_.report(code, field.pointer, literal.offset_of(index), std::move(message));
      };
      render_markdown(out_, field.text, mo);
      check_html_budget(field.pointer, field.offset);
    }
    out_ += "</div>\n";
  }

  // The other half of the work budget: Markdown's output can be far larger than its input (each
  // citation of a source adds a back-link to its endnote), so the HTML is bounded too.
  void check_html_budget(const std::string& pointer, size_t offset) {
    if (budget_.stopped || out_.size() <= o_.limits.max_html_bytes) return;
    budget_.stopped = true;
    diags_.report(Code::RenderBudgetExceeded, pointer, offset,
                  "The article's HTML passes " + std::to_string(o_.limits.max_html_bytes) +
                      " bytes here (limit: maxHtmlBytes); rendering stopped.");
  }

  int cite(std::string_view id, std::string& ref_id) {
    auto source = source_index_.find(id);
    if (source == source_index_.end()) return 0;
    auto it = cited_.find(id);
    if (it == cited_.end()) {
      it = cited_.emplace(std::string(id), Cited{static_cast<int>(cited_order_.size()) + 1, 0}).first;
      cited_order_.push_back(source->second);
    }
    int k = ++it->second.refs;
    ref_id = "_ref_";
    ref_id.append(id).append("_").append(std::to_string(k));
    return it->second.number;
  }

  void time_element(std::string_view iso, bool month_only) {
    put(out_, "<time datetime=\"", Esc{iso}, "\">", Esc{format_date(L_, iso, month_only)}, "</time>");
  }

  void header(int minutes) {
    std::string& h = out_;
    h += "<header class=\"aw-header\">\n<p class=\"aw-topline\">";
    if (!a_.kicker.empty()) put(h, "<span class=\"aw-kicker\">", Esc{a_.kicker}, "</span> ");
    if (!a_.updated.empty()) {
      put(h, "<span class=\"aw-updated\">", Esc{L_.updated}, " ");
      time_element(a_.updated, true);
      h += "</span> ";
    }
    put(h, "<span class=\"aw-reading-time\">", Esc{fill(L_.reading_time, "n", std::to_string(minutes))}, "</span></p>\n");
    put(h, "<h1 class=\"aw-title\" id=\"", P_, "_title\">", Esc{a_.title}, "</h1>\n");
    if (!a_.dek.empty()) put(h, "<p class=\"aw-dek\">", Esc{a_.dek}, "</p>\n");
    h += "<p class=\"aw-byline\">";
    people(L_.by, a_.authors);
    if (!a_.reviewers.empty()) {
      h += " <span class=\"aw-sep\" aria-hidden=\"true\">·</span> ";
      people(L_.reviewed_by, a_.reviewers);
    }
    if (!a_.published.empty()) {
      put(h, " <span class=\"aw-sep\" aria-hidden=\"true\">·</span> ", Esc{L_.published}, " ");
      time_element(a_.published, false);
    }
    h += "</p>\n</header>\n";
  }

  void people(std::string_view lead, const std::vector<Person>& list) {
    std::vector<std::string> names;
    for (const Person& p : list) {
      std::string n;
      if (!p.url.empty()) put(n, "<a class=\"aw-person\" href=\"", Href{p.url}, "\">", Esc{p.name}, "</a>");
      else put(n, "<span class=\"aw-person\">", Esc{p.name}, "</span>");
      if (!p.role.empty()) put(n, ", <span class=\"aw-role\">", Esc{p.role}, "</span>");
      names.push_back(std::move(n));
    }
    put(out_, Esc{lead}, " ", join_list(L_, names));
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
    put(h, "<aside class=\"aw-spoiler-warning\" aria-labelledby=\"", P_, "_spoilers\">\n");
    put(h, "<h2 class=\"aw-spoiler-warning-title\" id=\"", P_, "_spoilers\">", Esc{L_.spoiler_warning}, "</h2>\n");
    put(h, "<p class=\"aw-spoiler-warning-text\">", Esc{text}, "</p>\n");
    if (gating())
      put(h, "<p class=\"aw-spoiler-actions\" data-aw-js><button type=\"button\" class=\"aw-button\" "
             "data-aw-action=\"reveal-all\">", Esc{L_.reveal_all}, "</button></p>\n");
    h += "</aside>\n";
  }

  // GATED-OR-PLAIN in docs/HTML.md: the gate and the opening of the gated part, when `spoiler`
  // parts are gated; returns whether gate_close() must follow the content.
  bool gate_open(bool spoiler, std::string_view part, std::string_view notice) {
    if (!spoiler || !gating()) return false;
    put(out_, "<div class=\"aw-gate\" data-aw-gate=\"", Esc{part}, "\">\n<p class=\"aw-gate-text\">", Esc{notice},
        "</p>\n<button type=\"button\" class=\"aw-button\" data-aw-action=\"reveal\" aria-controls=\"", P_, Esc{part},
        "_content\" data-aw-js>", Esc{L_.reveal_one}, "</button>\n</div>\n");
    put(out_, "<div class=\"aw-gated\" id=\"", P_, Esc{part}, "_content\" data-aw-gated=\"", Esc{part}, "\" hidden>\n");
    return true;
  }
  void gate_close(bool open) {
    if (open) out_ += "</div>\n";
  }

  void quick_answer() {
    if (!a_.has_quick_answer) return;
    std::string& h = out_;
    put(h, "<aside class=\"aw-quick-answer\" aria-labelledby=\"", P_, "_quick-answer\">\n");
    put(h, "<h2 class=\"aw-quick-answer-label\" id=\"", P_, "_quick-answer\">", Esc{L_.quick_answer}, "</h2>\n");
    if (!a_.quick_answer.question.empty())
      put(h, "<p class=\"aw-quick-answer-question\">", Esc{a_.quick_answer.question}, "</p>\n");
    bool gate = gate_open(a_.quick_answer.spoiler, "_quick-answer", L_.gated_answer);
    markdown("aw-body", a_.quick_answer.answer, 2);
    gate_close(gate);
    h += "</aside>\n";
  }

  // A gated part's words, kept apart until its reveal: `safe` is shown until then (if there is
  // one), `real` only after (hidden, so not rendered, not read out, not found by find-in-page).
  // The shim toggles both with the part (docs/HTML.md "Gating").
  void until_reveal(std::string_view part, std::string_view safe, std::string_view real) {
    if (safe.empty()) {
      out_.append(esc(real));
      return;
    }
    put(out_, "<span data-aw-until-reveal=\"", Esc{part}, "\">", Esc{safe}, "</span><span data-aw-after-reveal=\"", Esc{part},
        "\" hidden>", Esc{real}, "</span>");
  }
  bool gated(const Section& s) const { return s.spoiler && gating(); }

  // Contents: top-level sections and their sub-sections. A gated section is listed by its safe
  // heading; its sub-sections join the list only when it is revealed (meta.toc never has them).
  void toc(std::vector<TocEntry>& entries) {
    for (const Section& s : a_.sections) {
      entries.push_back({s.id, o_.id_prefix + s.id, gated(s) && !s.safe_heading.empty() ? s.safe_heading : s.heading, 1});
      if (!gated(s))
        for (const Section& sub : s.sections) entries.push_back({sub.id, o_.id_prefix + sub.id, sub.heading, 2});
    }
    if (!a_.faq.empty()) entries.push_back({"", o_.id_prefix + "_faq", std::string(L_.faq), 1});
    if (a_.sections.size() + (a_.faq.empty() ? 0 : 1) < 3) return;  // short articles need no contents list
    std::string& h = out_;
    put(h, "<nav class=\"aw-toc\" aria-labelledby=\"", P_, "_toc\">\n<h2 class=\"aw-toc-title\" id=\"", P_, "_toc\">",
        Esc{L_.contents}, "</h2>\n<ol>\n");
    auto link = [&](const Section& s, std::string_view safe) {
      put(h, "<a href=\"#", P_, Esc{s.id}, "\">");
      until_reveal(s.id, safe, s.heading);
      h += "</a>";
    };
    for (const Section& s : a_.sections) {
      h += "<li>";
      link(s, gated(s) ? std::string_view(s.safe_heading) : std::string_view());
      if (!s.sections.empty()) {
        if (gated(s)) put(h, "<ol data-aw-after-reveal=\"", Esc{s.id}, "\" hidden>");
        else h += "<ol>";
        for (const Section& sub : s.sections) {
          h += "<li>";
          link(sub, {});
          h += "</li>";
        }
        h += "</ol>";
      }
      h += "</li>\n";
    }
    if (!a_.faq.empty()) put(h, "<li><a href=\"#", P_, "_faq\">", Esc{L_.faq}, "</a></li>\n");
    h += "</ol>\n</nav>\n";
  }

  void section(const Section& s, bool inside_gate) {
    std::string tag = "h" + std::to_string(s.level + 1);
    std::string& h = out_;
    put(h, "<section class=\"aw-section\" id=\"", P_, Esc{s.id}, "\" aria-labelledby=\"", P_, Esc{s.id},
        "_title\" data-aw-level=\"", std::to_string(s.level), "\">\n");
    put(h, "<", tag, " class=\"aw-section-title\" id=\"", P_, Esc{s.id}, "_title\">");
    const bool gates_here = s.spoiler && !inside_gate;
    until_reveal(s.id, gates_here && gating() ? std::string_view(s.safe_heading) : std::string_view(), s.heading);
    put(h, "</", tag, ">\n");
    bool gate = gate_open(gates_here, s.id, L_.gated_section);
    if (!s.sources.empty()) {
      std::vector<std::string> items;
      for (const std::string& src : s.sources) {
        auto it = source_index_.find(src);
        if (it == source_index_.end()) continue;  // reported by the validator
        listed_.insert(src);
        std::string item;
        put(item, "<a href=\"#", P_, "_fn_", Esc{src}, "\">", Esc{it->second->label}, "</a>");
        items.push_back(std::move(item));
      }
      if (!items.empty()) put(h, "<p class=\"aw-drawing-on\">", Esc{L_.drawing_on}, " ", join_list(L_, items), ".</p>\n");
    }
    if (!s.body.empty()) markdown("aw-body", s.body, s.level + 1);
    for (const Section& sub : s.sections) section(sub, inside_gate || gate);
    if (!s.conclusion.empty()) markdown("aw-body aw-conclusion", s.conclusion, s.level + 1);
    gate_close(gate);
    h += "</section>\n";
  }

  void related() {
    if (a_.related.empty()) return;
    std::string_view label = a_.related[0].label.empty() ? L_.continue_reading : std::string_view(a_.related[0].label);
    std::string& h = out_;
    put(h, "<aside class=\"aw-related\" aria-labelledby=\"", P_, "_related\">\n<h2 class=\"aw-related-label\" id=\"", P_,
        "_related\">", Esc{label}, "</h2>\n<ul class=\"aw-related-list\">\n");
    for (const RelatedLink& r : a_.related) {
      put(h, "<li><a class=\"aw-related-card\" href=\"", Href{r.url}, "\"><span class=\"aw-related-title\">", Esc{r.title}, "</span>");
      if (!r.summary.empty()) put(h, "<span class=\"aw-related-summary\">", Esc{r.summary}, "</span>");
      put(h, "<span class=\"aw-related-cta\">", Esc{r.cta.empty() ? L_.open : std::string_view(r.cta)},
          " <span aria-hidden=\"true\">→</span></span></a></li>\n");
    }
    h += "</ul>\n</aside>\n";
  }

  void faq() {
    if (a_.faq.empty()) return;
    std::string& h = out_;
    put(h, "<section class=\"aw-faq\" id=\"", P_, "_faq\" aria-labelledby=\"", P_, "_faq_title\">\n<h2 class=\"aw-faq-title\" id=\"",
        P_, "_faq_title\">", Esc{L_.faq}, "</h2>\n");
    for (const FaqItem& f : a_.faq) {
      put(h, "<details class=\"aw-faq-item\" id=\"", P_, Esc{f.id}, "\">\n<summary class=\"aw-faq-question\" id=\"", P_, Esc{f.id}, "_question\">");
      until_reveal(f.id, f.spoiler && gating() ? std::string_view(f.safe_question) : std::string_view(), f.question);
      h += "</summary>\n<div class=\"aw-faq-answer\">\n";
      bool gate = gate_open(f.spoiler, f.id, L_.gated_answer);
      markdown("aw-body", f.answer, 3);
      gate_close(gate);
      h += "</div>\n</details>\n";
    }
    h += "</section>\n";
  }

  void endnotes() {
    // Cited sources in citation order, then the ones only listed in "Drawing on" lines.
    std::vector<const Source*> order = cited_order_;
    for (const Source& s : a_.sources) {
      if (cited_.count(s.id)) continue;
      if (!listed_.count(s.id))
        diags_.report(Code::UnusedSource, s.pointer, s.offset,
                      "The source \"" + s.id + "\" is neither cited nor listed in any section's \"sources\".");
      order.push_back(&s);
    }
    if (order.empty()) return;
    std::string& h = out_;
    put(h, "<footer class=\"aw-endnotes\" aria-labelledby=\"", P_, "_sources\">\n<h2 class=\"aw-endnotes-title\" id=\"", P_,
        "_sources\">", Esc{L_.sources}, "</h2>\n<ol class=\"aw-endnote-list\">\n");
    for (size_t i = 0; i < order.size(); ++i) {
      const Source& s = *order[i];
      put(h, "<li class=\"aw-endnote\" id=\"", P_, "_fn_", Esc{s.id}, "\" data-aw-source=\"", Esc{s.id},
          "\"><span class=\"aw-endnote-text\">");
      if (!s.author.empty()) put(h, Esc{s.author}, ", ");
      if (!s.url.empty()) put(h, "<a href=\"", Href{s.url}, "\" rel=\"noopener noreferrer\">“", Esc{s.title}, "”</a>");
      else put(h, "“", Esc{s.title}, "”");
      if (!s.publisher.empty()) put(h, ", <cite>", Esc{s.publisher}, "</cite>");
      if (!s.date.empty()) {
        h += ", ";
        time_element(s.date, false);
      }
      h += ".</span>";
      auto cited = cited_.find(s.id);
      int refs = cited != cited_.end() ? cited->second.refs : 0;
      for (int k = 1; k <= refs; ++k) {
        std::string n = std::to_string(i + 1) + (refs > 1 ? "." + std::to_string(k) : "");
        put(h, " <a class=\"aw-backref\" href=\"#", P_, "_ref_", Esc{s.id}, "_", std::to_string(k), "\" aria-label=\"",
            Esc{fill(L_.back_to_citation, "n", n)}, "\">↩<sup>", refs > 1 ? std::to_string(k) : "", "</sup></a>");
      }
      h += "</li>\n";
    }
    h += "</ol>\n</footer>\n";
    check_html_budget("/sources", a_.sources.empty() ? 0 : a_.sources.front().offset);
  }

  const Article& a_;
  const RenderOptions& o_;
  std::string_view json_;
  Diagnostics& diags_;
  const Labels L_;
  std::string P_;  // escaped id prefix
  std::string out_;
  std::set<std::string> anchors_, listed_;
  UniqueIds used_ids_;
  MarkdownBudget budget_;
  size_t inline_spoilers_ = 0;
  std::vector<std::string_view> source_names_;
  size_t suggestions_left_ = Diagnostics::kMaxSuggestions;
  std::map<std::string, const Source*, std::less<>> source_index_;
  struct Cited {
    int number;  // in citation order, from 1
    int refs;    // citations so far
  };
  std::map<std::string, Cited, std::less<>> cited_;
  std::vector<const Source*> cited_order_;
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
