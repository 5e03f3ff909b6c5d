#include "aw/spoiler_terms.hpp"

#include <cstdint>

#include "aw/escape.hpp"
#include "aw/json_source.hpp"
#include "aw/model.hpp"
#include "aw/options.hpp"

namespace aw {
namespace {

// Simple lowercase for the scripts with case: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic.
uint32_t fold(uint32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (cp == 0x178) return 0xFF;
    return odd_upper ? (cp % 2 ? cp + 1 : cp) : (cp % 2 ? cp : cp + 1);
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp == 0x3C2) return 0x3C3;  // final sigma
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

struct Word {
  std::string folded;
  size_t start;  // byte index of its first code point
};

// The words of `text`, folded. Format characters (zero-width, bidi controls) inside a word are
// skipped rather than splitting it.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    uint32_t cp = decode_utf8(text, i, length);
    if (is_word_code_point(cp)) {
      if (!in_word) words.push_back({"", i});
      append_utf8(words.back().folded, fold(cp));
      in_word = true;
    } else if (!is_format_code_point(cp)) {
      in_word = false;
    }
    i += length;
  }
  return words;
}

}  // namespace

SpoilerTerms::SpoilerTerms(const std::vector<std::string>& terms) {
  for (const std::string& t : terms) {
    std::vector<std::string> words;
    for (Word& w : words_of(t)) words.push_back(std::move(w.folded));
    if (words.empty()) continue;
    first_[words.front()].push_back(terms_.size());
    terms_.push_back(std::move(words));
  }
}

std::vector<SpoilerTerms::Match> SpoilerTerms::find(std::string_view text) const {
  std::vector<Match> found;
  if (terms_.empty()) return found;
  const std::vector<Word> words = words_of(text);
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = first_.find(words[i].folded);
    if (it == first_.end()) continue;
    for (size_t t : it->second) {
      const std::vector<std::string>& term = terms_[t];
      if (i + term.size() > words.size()) continue;
      bool all = true;
      for (size_t k = 1; k < term.size() && all; ++k) all = words[i + k].folded == term[k];
      if (all) {
        found.push_back({words[i].start, t});
        break;  // one report per position
      }
    }
  }
  return found;
}

void check_spoiler_terms(const Article& a, const JsonDocument& doc, std::string_view json_text, std::string_view description,
                         const RenderOptions& options, Diagnostics& diags) {
  if (a.spoiler_terms.empty()) return;
  const SpoilerTerms terms(a.spoiler_terms);
  const bool gating = a.spoiler_level != SpoilerLevel::None && !options.reveal_spoilers;
  auto check = [&](const std::string& pointer, std::string_view text, std::string_view what) {
    if (text.empty()) return;
    const size_t literal = doc.offset_of(pointer);
    for (const SpoilerTerms::Match& m : terms.find(text)) {
      diags.report(
          Code::SpoilerTermUngated, pointer, string_literal_offset(json_text, literal, m.index),
          "The spoiler term \"" + a.spoiler_terms[m.term] + "\" is in " + std::string(what) + ", which readers see before any reveal.");
    }
  };
  check("/title", a.title, "the title");
  check("/kicker", a.kicker, "the kicker");
  check("/dek", a.dek, "the dek");
  if (a.has_quick_answer) check("/quickAnswer/question", a.quick_answer.question, "the quick answer's question");
  // Every section id (ids and links are in the page's markup, gated or not); the headings of
  // sections outside gates; a gated section shows its safe heading (or, without one, its heading)
  // but nothing inside it.
  // The plain words of images, quotes and videos outside gates (alt text is read out and shown
  // when the image does not load; credits, speakers and titles are on the page).
  auto image = [&](const Image& img, std::string_view what) {
    check(img.pointer + "/alt", img.alt, what);
    check(img.pointer + "/credit", img.credit, what);
  };
  if (a.has_hero) image(a.hero, "the hero image's text");
  auto media = [&](const Section& s, bool inside_gate) {
    for (const Media& m : s.media) {
      if (inside_gate || (gating && m.spoiler)) continue;
      if (m.has_figure) image(m.figure, "a figure's text");
      if (m.has_quote) check(m.quote.pointer + "/speaker", m.quote.speaker, "a quote's speaker");
      if (m.has_video) check(m.video.pointer + "/title", m.video.title, "a video's title");
    }
  };
  auto sections = [&](const std::vector<Section>& list, bool inside_gate, auto& self) -> void {
    for (const Section& s : list) {
      const bool gated = gating && s.spoiler;
      media(s, inside_gate || gated);
      check(s.pointer + "/id", s.id, "a section id (in the page's links and ids)");
      if (!inside_gate && gated && !s.safe_heading.empty())
        check(s.pointer + "/safeHeading", s.safe_heading, "a safe heading");
      else if (!inside_gate)
        check(s.pointer + "/heading", s.heading, gated ? "the heading of a gated section (add a safeHeading)" : "a heading");
      self(s.sections, inside_gate || gated, self);
    }
  };
  sections(a.sections, false, sections);
  for (size_t i = 0; i < a.faq.size(); ++i) {
    const FaqItem& f = a.faq[i];
    const std::string p = "/faq/" + std::to_string(i);
    // A derived id is the slug of the (safe) question checked below; only a written one is located.
    if (doc.value_offsets.count(p + "/id")) check(p + "/id", f.id, "an FAQ item's id (in the page's links and ids)");
    if (gating && f.spoiler && !f.safe_question.empty())
      check(p + "/safeQuestion", f.safe_question, "a safe question");
    else
      check(p + "/question", f.question, gating && f.spoiler ? "the question of a gated FAQ item (add a safeQuestion)" : "an FAQ question");
  }
  for (size_t i = 0; i < a.related.size(); ++i) {
    const RelatedLink& r = a.related[i];
    const std::string p = "/related/" + std::to_string(i);
    check(p + "/label", r.label, "a related card");
    check(p + "/title", r.title, "a related card");
    check(p + "/summary", r.summary, "a related card");
    check(p + "/cta", r.cta, "a related card");
  }
  for (const Source& s : a.sources) {
    check(s.pointer + "/label", s.label, "a source's label");
    check(s.pointer + "/title", s.title, "a source's title");
  }
  for (const SpoilerTerms::Match& m : terms.find(description)) {  // the first is enough: it is derived text
    diags.report(Code::SpoilerTermUngated, "", 0,
                 "The spoiler term \"" + a.spoiler_terms[m.term] +
                     "\" is in the description (meta.description), which search results and link previews show.");
    break;
  }
}

}  // namespace aw
