// The article, typed. Built by validate_article() from the JSON; the renderer reads only this.
// Every Markdown field remembers where it sits in the JSON text so problems found while rendering
// it (unknown citation, broken anchor) are located inside the field.
#pragma once
#include <string>
#include <vector>

namespace aw {

struct MarkdownField {
  std::string text;
  std::string pointer;   // JSON Pointer of the string
  size_t offset = 0;     // byte offset of its opening quote in the JSON text
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

struct Section {
  std::string id, heading;
  std::string safe_heading;          // gated sections: shown (Contents, the heading) until reveal
  MarkdownField body;
  bool spoiler = false;
  std::vector<std::string> sources;  // source ids, in "Drawing on" order
  std::vector<Section> sections;
  MarkdownField conclusion;          // after the sub-sections
  int level = 1;                     // 1 = top level (h2)
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
  std::string spoiler_warning;
  std::vector<std::string> spoiler_terms;  // spoilers.terms: phrases no ungated text may hold
  bool has_quick_answer = false;
  QuickAnswer quick_answer;
  std::vector<Source> sources;
  std::vector<Section> sections;
  std::vector<FaqItem> faq;
  std::vector<RelatedLink> related;
};

}  // namespace aw
