// The spoiler-term check (spoilers.terms): words and phrases a publisher considers spoilers
// ("married", "five years later") must not appear in any text a reader sees before a reveal.
// Matching is by whole words, case-insensitive (Latin, Greek and Cyrillic letters), and ignores
// invisible format characters, so "Mar\u200Bried" still matches "married".
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"

namespace aw {

struct Article;
class JsonDocument;
struct RenderOptions;

class SpoilerTerms {
 public:
  explicit SpoilerTerms(const std::vector<std::string>& terms);
  bool empty() const { return terms_.empty(); }

  struct Match {
    size_t index = 0;  // byte index in the text
    size_t term = 0;   // which term (index into the list given)
  };
  // Every whole-word occurrence of a term, in text order. Linear in the text's words times the
  // terms that start with the same word.
  std::vector<Match> find(std::string_view text) const;

 private:
  std::vector<std::vector<std::string>> terms_;                    // each term as folded words
  std::map<std::string, std::vector<size_t>, std::less<>> first_;  // first word → terms
};

// Warns (spoiler-term-ungated) at each term found in an ungated text of the article: the title,
// kicker, dek, quick-answer question, every section id, the headings of sections outside gates
// (a gated section's safeHeading instead of its heading), FAQ questions (safeQuestion for gated items),
// related cards, source labels and titles, and the description. Located inside the string.
void check_spoiler_terms(const Article& article, const JsonDocument& doc, std::string_view json_text, std::string_view description,
                         const RenderOptions& options, Diagnostics& diags);

}  // namespace aw
