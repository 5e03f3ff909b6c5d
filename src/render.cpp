#include "aw/render.hpp"

#include <map>
#include <set>

#include "aw/escape.hpp"
#include "aw/json_source.hpp"
#include "aw/labels.hpp"
#include "aw/markdown.hpp"
#include "aw/validate.hpp"

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
    for (const Note& n : a.notes) {
      note_index_.emplace(n.id, &n);
      source_names_.push_back(n.id);
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
      put(out_, " data-aw-subject=\"", Esc{slugify(a_.subject.title) + (a_.subject.year ? "-" + std::to_string(a_.subject.year) : "")},
          "\"");
    out_ += ">\n";
    header(r.reading_minutes);
    if (a_.has_hero) figure(a_.hero, true);
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
    markdown_to(out_, field, heading_shift);
    out_ += "</div>\n";
  }

  // The Markdown of `field` appended to `out`; with `inline_only`, a field that is one paragraph
  // (a caption) is written without <p>, and the result says whether it was.
  bool markdown_to(std::string& out, const MarkdownField& field, int heading_shift, bool inline_only = false) {
    if (field.empty()) return true;
    bool was_inline = true;
    MarkdownOptions mo;
    mo.id_prefix = o_.id_prefix;
    mo.allow_remote_images = o_.allow_remote_images;
    mo.image_origins = &o_.image_origins;
    mo.inline_only = inline_only;
    mo.max_nesting = o_.limits.max_markdown_nesting;
    mo.heading_shift = heading_shift;
    mo.valid_utf8 = true;  // an Article's text came through the JSON parser
    mo.anchors = &anchors_;
    mo.used_ids = &used_ids_;
    mo.budget = &budget_;
    mo.suggestions_left = &suggestions_left_;
    mo.reveal_spoilers = o_.reveal_spoilers;
    mo.spoiler_label = L_.inline_spoiler;
    mo.inline_spoilers = &inline_spoilers_;
    mo.cite = [this](std::string_view id, std::string_view locator, Citation& c) { return cite(id, locator, c); };
    StringLiteralCursor literal(json_, field.offset);
    mo.report = [this, &field, &literal, &was_inline](Code code, size_t index, std::string message) {
      if (code == Code::NotInline) was_inline = false;
      diags_.report(code, field.pointer, literal.offset_of(index), std::move(message));
    };
    const size_t from = out.size();
    render_markdown(out, field.text, mo);
    if (inline_only)
      while (out.size() > from && out.back() == '\n') out.pop_back();
    check_html_budget(field.pointer, field.offset);
    return was_inline;
  }

  // The other half of the work budget: Markdown's output can be far larger than its input (each
  // citation of a source adds a back-link to its endnote), so the HTML is bounded too.
  void check_html_budget(const std::string& pointer, size_t offset) {
    if (budget_.stopped || out_.size() <= o_.limits.max_html_bytes) return;
    budget_.stopped = true;
    diags_.report(
        Code::RenderBudgetExceeded, pointer, offset,
        "The article's HTML passes " + std::to_string(o_.limits.max_html_bytes) + " bytes here (limit: maxHtmlBytes); rendering stopped.");
  }

  // One citation of a source or a note: numbered in the article's one sequence at its first
  // citation; "" or the problem's message.
  std::string cite(std::string_view id, std::string_view locator, Citation& c) {
    auto source = source_index_.find(id);
    auto note = source != source_index_.end() ? note_index_.end() : note_index_.find(id);  // a source first
    if (source == source_index_.end() && note == note_index_.end())
      return "The citation [^" + std::string(id) + "] names no source in \"sources\"" +
             (a_.notes.empty() ? "" : " and no note in \"notes\"") + "." +
             (suggestions_left_ ? (--suggestions_left_, did_you_mean(id, source_names_)) : std::string());
    const bool is_note = note != note_index_.end() && source == source_index_.end();
    if (is_note && in_note_) return "A note cannot cite another note ([^" + std::string(id) + "]): say it in this note's text.";
    // The innermost gate the citation is in: an inline spoiler's, else its part's.
    const std::string& gate = !c.inline_part.empty() ? c.inline_part : gate_part_;
    auto it = cited_.find(id);
    if (it == cited_.end()) {
      it = cited_.emplace(std::string(id), Cited{static_cast<int>(cited_order_.size()) + 1, {}, gate, false}).first;
      cited_order_.push_back({is_note ? nullptr : source->second, is_note ? note->second : nullptr});
    }
    it->second.locators.emplace_back(locator);
    if (gate.empty() && !in_note_) it->second.ungated = true;
    c.number = it->second.number;
    c.note = is_note;
    c.label = is_note ? L_.note_n : L_.source_n;
    c.ref_id = "_ref_";
    c.ref_id.append(id).append("_").append(std::to_string(it->second.locators.size()));
    return {};
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
      if (!p.url.empty())
        put(n, "<a class=\"aw-person\" href=\"", Href{p.url}, "\">", Esc{p.name}, "</a>");
      else
        put(n, "<span class=\"aw-person\">", Esc{p.name}, "</span>");
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
      put(h,
          "<p class=\"aw-spoiler-actions\" data-aw-js><button type=\"button\" class=\"aw-button\" "
          "data-aw-action=\"reveal-all\">",
          Esc{L_.reveal_all}, "</button></p>\n");
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
    gate_part_ = part;
    return true;
  }
  void gate_close(bool open) {
    if (!open) return;
    out_ += "</div>\n";
    gate_part_.clear();
  }

  void quick_answer() {
    if (!a_.has_quick_answer) return;
    std::string& h = out_;
    put(h, "<aside class=\"aw-quick-answer\" aria-labelledby=\"", P_, "_quick-answer\">\n");
    put(h, "<h2 class=\"aw-quick-answer-label\" id=\"", P_, "_quick-answer\">", Esc{L_.quick_answer}, "</h2>\n");
    if (!a_.quick_answer.question.empty()) put(h, "<p class=\"aw-quick-answer-question\">", Esc{a_.quick_answer.question}, "</p>\n");
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
    put(out_, "<span data-aw-until-reveal=\"", Esc{part}, "\">", Esc{safe}, "</span><span data-aw-after-reveal=\"", Esc{part}, "\" hidden>",
        Esc{real}, "</span>");
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
    put(h, "<nav class=\"aw-toc\" aria-labelledby=\"", P_, "_toc\">\n<h2 class=\"aw-toc-title\" id=\"", P_, "_toc\">", Esc{L_.contents},
        "</h2>\n<ol>\n");
    auto link = [&](const Section& s, std::string_view safe) {
      put(h, "<a href=\"#", P_, Esc{s.id}, "\">");
      until_reveal(s.id, safe, s.heading);
      h += "</a>";
    };
    for (const Section& s : a_.sections) {
      h += "<li>";
      link(s, gated(s) ? std::string_view(s.safe_heading) : std::string_view());
      if (!s.sections.empty()) {
        if (gated(s))
          put(h, "<ol data-aw-after-reveal=\"", Esc{s.id}, "\" hidden>");
        else
          h += "<ol>";
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
    put(h, "<section class=\"aw-section\" id=\"", P_, Esc{s.id}, "\" aria-labelledby=\"", P_, Esc{s.id}, "_title\" data-aw-level=\"",
        std::to_string(s.level), "\">\n");
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
    for (const Media& m : s.media) media(m, inside_gate || gate);
    for (const Section& sub : s.sections) section(sub, inside_gate || gate);
    if (!s.conclusion.empty()) markdown("aw-body aw-conclusion", s.conclusion, s.level + 1);
    gate_close(gate);
    h += "</section>\n";
  }

  // ---- Media (docs/HTML.md "Figures", "Quotes", "Videos") ---------------------------------------

  // A media entry, behind its own gate when it is a spoiler outside a gated part. A gated image
  // is lazy and hidden, so nothing is requested before the reader reveals it.
  void media(const Media& m, bool inside_gate) {
    std::string_view notice = m.has_figure ? L_.gated_figure : m.has_video ? L_.gated_video : L_.gated_quote;
    bool gate = !inside_gate && gate_open(m.spoiler, "_media-" + std::to_string(++media_parts_), notice);
    if (m.has_figure)
      figure(m.figure, false);
    else if (m.has_video)
      video(m.video);
    else if (m.has_quote)
      quote(m.quote);
    gate_close(gate);
  }

  // Whether an image may load from `url` under the render options; reported where it is if not.
  bool image_allowed(std::string_view url, const std::string& pointer, size_t offset) {
    if (url.empty()) return false;  // refused by the validator, and reported there
    if (image_url_allowed(url, o_.allow_remote_images, o_.image_origins)) return true;
    diags_.report(Code::ImageNotAllowed, pointer + "/src", offset,
                  "This image is not from this site, and the render options allow no other origin for it (imageOrigins, or "
                  "allowRemoteImages); it is left out.");
    return false;
  }

  // <img> with its size (the space is reserved before it loads), responsive sources and loading.
  void img(const Image& image, std::string_view cls, std::string_view alt, bool hero) {
    put(out_, "<img class=\"", cls, "\" src=\"", Href{image.src}, "\"");
    std::string srcset;
    for (const ImageSource& source : image.srcset) {
      if (!image_allowed(source.src, source.pointer, source.offset)) continue;
      if (!srcset.empty()) srcset += ", ";
      escape_srcset_url(srcset, source.src);
      srcset.append(" ").append(std::to_string(source.width)).append("w");
    }
    if (!srcset.empty()) {
      put(out_, " srcset=\"", srcset, "\"");
      if (!image.sizes.empty()) put(out_, " sizes=\"", Esc{image.sizes}, "\"");
    }
    put(out_, " width=\"", std::to_string(image.width), "\" height=\"", std::to_string(image.height), "\" alt=\"", Esc{alt}, "\"",
        hero ? " loading=\"eager\" fetchpriority=\"high\" decoding=\"async\" />" : " loading=\"lazy\" decoding=\"async\" />");
  }

  void figure(const Image& image, bool hero) {
    put(out_, hero ? "<figure class=\"aw-figure aw-hero\">\n" : "<figure class=\"aw-figure\">\n");
    if (image_allowed(image.src, image.pointer, image.offset))
      img(image, "aw-image", image.decorative ? "" : image.alt, hero);
    else if (!image.decorative)
      put(out_, "<p class=\"aw-image-unavailable\">", Esc{image.alt}, "</p>");
    out_ += "\n";
    caption(image.caption, image.credit);
    out_ += "</figure>\n";
  }

  // <figcaption>: the caption's inline Markdown, then the credit.
  void caption(const MarkdownField& text, std::string_view credit, std::string_view lead = {}) {
    if (text.empty() && credit.empty() && lead.empty()) return;
    out_ += "<figcaption class=\"aw-caption\">";
    out_.append(lead);
    if (!text.empty()) {
      std::string html;
      const bool was_inline = markdown_to(html, text, 0, true);
      put(out_, was_inline ? "<span class=\"aw-caption-text\">" : "<div class=\"aw-caption-text\">", html,
          was_inline ? "</span>" : "</div>");
    }
    if (!credit.empty()) put(out_, (text.empty() && lead.empty()) ? "" : " ", "<span class=\"aw-credit\">", Esc{credit}, "</span>");
    out_ += "</figcaption>\n";
  }

  void quote(const Quote& q) {
    put(out_, "<figure class=\"aw-quote aw-quote-", q.style == "pull" ? "pull" : "block", "\">\n<blockquote class=\"aw-quote-text\">\n");
    markdown_to(out_, q.text, 0);
    out_ += "</blockquote>\n";
    auto source = q.source.empty() ? source_index_.end() : source_index_.find(q.source);
    if (!q.speaker.empty() || source != source_index_.end() || !q.timestamp.empty()) {
      std::vector<std::string> parts;
      if (!q.speaker.empty()) parts.push_back("<span class=\"aw-quote-speaker\">" + esc(q.speaker) + "</span>");
      if (source != source_index_.end()) {
        std::string part = "<cite class=\"aw-quote-source\">" + esc(source->second->label) + "</cite>";
        Citation c;
        if (cite(q.source, {}, c).empty()) write_citation(part, o_.id_prefix, q.source, {}, c);
        parts.push_back(std::move(part));
      }
      if (!q.timestamp.empty()) {
        std::string part = "<span class=\"aw-timestamp\">";
        time_of(part, q.timestamp);
        parts.push_back(part + "</span>");
      }
      out_ += "<figcaption class=\"aw-quote-attribution\">";
      for (size_t i = 0; i < parts.size(); ++i) put(out_, i ? ", " : "", parts[i]);
      out_ += "</figcaption>\n";
    }
    out_ += "</figure>\n";
  }

  // <time datetime="PT1H52M10S">1:52:10</time>: a moment in a film, as a duration from its start.
  static void time_of(std::string& out, std::string_view timestamp) {
    long seconds = timestamp_seconds(timestamp);
    std::string iso = "PT";
    if (seconds >= 3600) iso += std::to_string(seconds / 3600) + "H";
    if (seconds >= 60) iso += std::to_string(seconds / 60 % 60) + "M";
    iso += std::to_string(seconds % 60) + "S";
    put(out, "<time datetime=\"", iso, "\">", Esc{timestamp}, "</time>");
  }

  // Click to load: a poster (or a neutral placeholder) and a play button; the provider is asked
  // for nothing until the button is pressed (web/widget/video.js then puts the player in place).
  // Without JavaScript, and in print, the link to the video on the provider's site.
  void video(const Video& v) {
    const bool youtube = !v.youtube.empty();
    const std::string provider = youtube ? "YouTube" : "Vimeo";
    const long start = v.start.empty() ? 0 : timestamp_seconds(v.start);
    const std::string t = std::to_string(start);
    std::string embed, link;
    if (youtube) {
      embed = "https://www.youtube-nocookie.com/embed/" + v.youtube + "?autoplay=1" + (start ? "&start=" + t : "");
      link = "https://www.youtube.com/watch?v=" + v.youtube + (start ? "&t=" + t + "s" : "");
    } else {
      embed = "https://player.vimeo.com/video/" + v.vimeo + "?dnt=1&autoplay=1" + (start ? "#t=" + t + "s" : "");
      link = "https://vimeo.com/" + v.vimeo + (start ? "#t=" + t + "s" : "");
    }
    put(out_, "<figure class=\"aw-video\" data-aw-video=\"", youtube ? "youtube" : "vimeo", "\">\n<div class=\"aw-video-frame\">");
    if (v.has_poster && image_allowed(v.poster.src, v.poster.pointer, v.poster.offset)) img(v.poster, "aw-video-poster", "", false);
    put(out_, "<button type=\"button\" class=\"aw-video-play\" data-aw-js data-aw-action=\"play\" data-aw-embed=\"", Href{embed},
        "\" data-aw-title=\"", Esc{v.title}, "\" aria-label=\"", Esc{fill(L_.play_video, "title", v.title)},
        "\"><span class=\"aw-video-play-icon\" aria-hidden=\"true\"></span></button></div>\n");
    std::string lead;
    put(lead, "<a class=\"aw-video-link\" href=\"", Href{link}, "\" rel=\"noopener noreferrer\">",
        Esc{fill(fill(L_.watch_video, "title", v.title), "provider", provider)}, "</a>");
    if (!v.caption.empty()) lead += " ";
    caption(v.caption, {}, lead);
    out_ += "</figure>\n";
  }

  void related() {
    if (a_.related.empty()) return;
    std::string_view label = a_.related[0].label.empty() ? L_.continue_reading : std::string_view(a_.related[0].label);
    std::string& h = out_;
    put(h, "<aside class=\"aw-related\" aria-labelledby=\"", P_, "_related\">\n<h2 class=\"aw-related-label\" id=\"", P_, "_related\">",
        Esc{label}, "</h2>\n<ul class=\"aw-related-list\">\n");
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
    put(h, "<section class=\"aw-faq\" id=\"", P_, "_faq\" aria-labelledby=\"", P_, "_faq_title\">\n<h2 class=\"aw-faq-title\" id=\"", P_,
        "_faq_title\">", Esc{L_.faq}, "</h2>\n");
    for (const FaqItem& f : a_.faq) {
      put(h, "<details class=\"aw-faq-item\" id=\"", P_, Esc{f.id}, "\">\n<summary class=\"aw-faq-question\" id=\"", P_, Esc{f.id},
          "_question\">");
      until_reveal(f.id, f.spoiler && gating() ? std::string_view(f.safe_question) : std::string_view(), f.question);
      h += "</summary>\n<div class=\"aw-faq-answer\">\n";
      bool gate = gate_open(f.spoiler, f.id, L_.gated_answer);
      markdown("aw-body", f.answer, 3);
      gate_close(gate);
      h += "</div>\n</details>\n";
    }
    h += "</section>\n";
  }

  // Cited sources and notes in citation order (one sequence), then the sources only listed in
  // "Drawing on" lines and what no one cites. A note's text is written first: it may cite
  // sources, which join the sequence.
  void endnotes() {
    std::map<const Note*, std::string> note_html;
    in_note_ = true;
    for (size_t i = 0; i < cited_order_.size(); ++i)
      if (const Note* n = cited_order_[i].note) markdown_to(note_html[n], n->text, 0, true);
    in_note_ = false;
    std::vector<Endnote> order = cited_order_;
    for (const Source& s : a_.sources) {
      if (cited_.count(s.id)) continue;
      if (!listed_.count(s.id))
        diags_.report(Code::UnusedSource, s.pointer, s.offset,
                      "The source \"" + s.id + "\" is neither cited nor listed in any section's \"sources\".");
      order.push_back({&s, nullptr});
    }
    for (const Note& n : a_.notes) {
      if (cited_.count(n.id)) continue;
      diags_.report(Code::UnusedSource, n.pointer, n.offset, "The note \"" + n.id + "\" is never cited ([^" + n.id + "]).");
      in_note_ = true;
      markdown_to(note_html[&n], n.text, 0, true);
      in_note_ = false;
      order.push_back({nullptr, &n});
    }
    if (order.empty()) return;
    std::string& h = out_;
    put(h, "<footer class=\"aw-endnotes\" aria-labelledby=\"", P_, "_sources\">\n<h2 class=\"aw-endnotes-title\" id=\"", P_, "_sources\">",
        Esc{a_.notes.empty() ? L_.sources : L_.notes}, "</h2>\n<ol class=\"aw-endnote-list\">\n");
    for (size_t i = 0; i < order.size(); ++i) {
      const std::string& id = order[i].note ? order[i].note->id : order[i].source->id;
      const std::string number = std::to_string(i + 1);
      if (order[i].note) {
        // A note cited only in gated parts is a spoiler too: its endnote appears with the first of
        // them (its number is kept by value=).
        auto cited = cited_.find(id);
        const bool gated = gating() && cited != cited_.end() && !cited->second.ungated && !cited->second.gate.empty();
        put(h, "<li class=\"aw-endnote aw-note\" id=\"", P_, "_fn_", Esc{id}, "\" value=\"", number, "\" data-aw-note=\"", Esc{id}, "\"");
        if (gated) put(h, " data-aw-after-reveal=\"", Esc{cited->second.gate}, "\" hidden");
        put(h, "><span class=\"aw-endnote-text\">", note_html[order[i].note], "</span>");
      } else {
        const Source& s = *order[i].source;
        put(h, "<li class=\"aw-endnote\" id=\"", P_, "_fn_", Esc{id}, "\" value=\"", number, "\" data-aw-source=\"", Esc{id},
            "\"><span class=\"aw-endnote-text\">");
        if (!s.author.empty()) put(h, Esc{s.author}, ", ");
        if (!s.url.empty())
          put(h, "<a href=\"", Href{s.url}, "\" rel=\"noopener noreferrer\">“", Esc{s.title}, "”</a>");
        else
          put(h, "“", Esc{s.title}, "”");
        if (!s.publisher.empty()) put(h, ", <cite>", Esc{s.publisher}, "</cite>");
        if (!s.date.empty()) {
          h += ", ";
          time_element(s.date, false);
        }
        h += ".</span>";
      }
      backrefs(i + 1, id);
      h += "</li>\n";
    }
    h += "</ol>\n</footer>\n";
    check_html_budget("/sources", a_.sources.empty() ? 0 : a_.sources.front().offset);
  }

  // The way back to each citation of endnote `number`, each followed by its locator ("↩ p. 2").
  void backrefs(size_t number, const std::string& id) {
    auto cited = cited_.find(id);
    if (cited == cited_.end()) return;
    const std::vector<std::string>& locators = cited->second.locators;
    const size_t refs = locators.size();
    const std::string number_text = std::to_string(number);
    for (size_t k = 1; k <= refs; ++k) {
      const std::string kth = std::to_string(k);
      std::string name = fill(L_.back_to_citation, "n", refs > 1 ? number_text + "." + kth : number_text);
      const std::string& locator = locators[k - 1];
      if (!locator.empty()) name.append(", ").append(locator);
      put(out_, " <a class=\"aw-backref\" href=\"#", P_, "_ref_", Esc{id}, "_", kth, "\" aria-label=\"", Esc{name}, "\">↩<sup>",
          refs > 1 ? std::string_view(kth) : std::string_view(), "</sup></a>");
      if (!locator.empty()) put(out_, "<span class=\"aw-locator\">", Esc{locator}, "</span>");
    }
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
  std::map<std::string, const Note*, std::less<>> note_index_;
  struct Cited {
    int number;                         // in citation order, from 1
    std::vector<std::string> locators;  // one per citation so far ("" for none)
    std::string gate;                   // the gated part of its first citation ("": none)
    bool ungated;                       // cited outside any gate too
  };
  std::string gate_part_;  // the gated part being written ("": none)
  std::map<std::string, Cited, std::less<>> cited_;
  struct Endnote {
    const Source* source;  // one of the two
    const Note* note;
  };
  std::vector<Endnote> cited_order_;
  bool in_note_ = false;  // writing a note's text: it may cite sources, not notes
  size_t media_parts_ = 0;
};

}  // namespace

bool is_valid_id_prefix(std::string_view p) {
  if (p.empty() || p.size() > 32) return false;
  if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'))) return false;
  for (char c : p)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

RenderedArticle render_article(const Article& article, const RenderOptions& options, std::string_view json_text, Diagnostics& diags) {
  return ArticleWriter(article, options, json_text, diags).run();
}

}  // namespace aw
