// The article, typed. Built by validate_article() from the JSON; the renderer reads only this.
// Every Markdown field remembers where it sits in the JSON text so problems found while rendering
// it (unknown citation, broken anchor) are located inside the field.
#pragma once
#include <string>
#include <vector>

namespace aw {

struct MarkdownField {
  std::string text;
  std::string pointer;  // JSON Pointer of the string
  size_t offset = 0;    // byte offset of its opening quote in the JSON text
  bool empty() const { return text.empty(); }
};

struct Person {
  std::string name, role, url;
};

struct Subject {
  std::string title, kind;
  int year = 0;
};

struct Source {
  std::string id, label, author, title, publisher, date, url;
  std::string pointer;  // where it is in the JSON (for "unused source")
  size_t offset = 0;
};

// An image: the article's hero, a figure in a section, a video's poster.
struct ImageSource {
  std::string src;
  int width = 0;        // its intrinsic width in pixels (srcset "480w")
  std::string pointer;  // where it is in the JSON, and the offset of its src there
  size_t offset = 0;
};
struct Image {
  std::string src, alt;
  bool decorative = false;  // alt="" on purpose: the image says nothing the text does not
  int width = 0, height = 0;
  std::vector<ImageSource> srcset;
  std::string sizes;
  MarkdownField caption;  // inline Markdown
  std::string credit;
  std::string pointer;  // where it is in the JSON, and the offset of its src there
  size_t offset = 0;
};

// A block or pull quote, with its attribution.
struct Quote {
  MarkdownField text;
  std::string speaker, source, timestamp, style = "block";
  std::string pointer;
};

// A YouTube or Vimeo clip, loaded only when the reader presses play.
struct Video {
  std::string youtube, vimeo;  // the provider's id: exactly one is set
  std::string title, start;
  bool has_poster = false;
  Image poster;
  MarkdownField caption;
  std::string pointer;
};

// One entry of a section's media: exactly one of figure, video and quote.
struct Media {
  bool has_figure = false, has_video = false, has_quote = false;
  Image figure;
  Video video;
  Quote quote;
  bool spoiler = false;
};

// A free-text footnote (not a source), cited like one: [^id].
struct Note {
  std::string id;
  MarkdownField text;
  std::string pointer;
  size_t offset = 0;
};

struct Section {
  std::string id, heading;
  std::string safe_heading;  // gated sections: shown (Contents, the heading) until reveal
  MarkdownField body;
  bool spoiler = false;
  std::vector<std::string> sources;  // source ids, in "Drawing on" order
  std::vector<Media> media;          // after the body, before the sub-sections
  std::vector<Section> sections;
  MarkdownField conclusion;  // after the sub-sections
  int level = 1;             // 1 = top level (h2)
  std::string pointer;
};

struct FaqItem {
  std::string id, question;
  std::string safe_question;  // gated items: the summary until reveal
  MarkdownField answer;
  bool spoiler = false;
};

struct RelatedLink {
  std::string label, title, summary, url, cta;
};

struct QuickAnswer {
  std::string question;
  MarkdownField answer;
  bool spoiler = false;
};

enum class SpoilerLevel { None, Minor, Major };

struct Article {
  std::string id, lang = "en", dir, kicker, title, dek;
  bool has_subject = false;
  Subject subject;
  std::vector<Person> authors, reviewers;
  std::string published, updated;
  int reading_minutes = 0;  // 0 = compute from the text
  SpoilerLevel spoiler_level = SpoilerLevel::None;
  bool has_hero = false;
  Image hero;
  std::string spoiler_warning;
  std::vector<std::string> spoiler_terms;  // spoilers.terms: phrases no ungated text may hold
  bool has_quick_answer = false;
  QuickAnswer quick_answer;
  std::vector<Source> sources;
  std::vector<Note> notes;
  std::vector<Section> sections;
  std::vector<FaqItem> faq;
  std::vector<RelatedLink> related;
};

}  // namespace aw
