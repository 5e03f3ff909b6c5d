// The label table: every language has every word, and the keys publishers override name them.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "aw/labels.hpp"

namespace aw {
namespace {

TEST(Labels, EveryLanguageHasEveryWord) {
  const auto languages = languages_with_labels();
  ASSERT_GE(languages.size(), 5u);
  const Labels& english = labels_for("en");
  for (std::string_view lang : languages) {
    const Labels& l = labels_for(lang);
    EXPECT_EQ(l.lang, lang) << "labels_for(\"" << lang << "\") fell back to another language";
    for (std::string_view key : label_keys()) EXPECT_FALSE(label_text(l, key).empty()) << lang << ": " << key;
    // The words no publisher overrides (they are parts of sentences and dates).
    for (std::string_view word :
         {l.spoiler_default, l.spoiler_default_nosubject, l.level_minor, l.level_major, l.date_full, l.date_month, l.failure_title,
          l.failure_network, l.failure_timeout, l.failure_not_found, l.failure_http, l.failure_stylesheet, l.failure_not_json,
          l.failure_invalid_one, l.failure_invalid_many, l.failure_more, l.failure_unexpected, l.try_again})
      EXPECT_FALSE(word.empty()) << lang;
    EXPECT_NE(l.spoiler_default.find("{subject}"), std::string_view::npos) << lang;
    EXPECT_NE(l.reading_time.find("{n}"), std::string_view::npos) << lang;
    for (std::string_view word : {l.failure_invalid_many, l.failure_more}) EXPECT_NE(word.find("{n}"), std::string_view::npos) << lang;
    for (std::string_view word : {l.failure_not_found, l.failure_http}) EXPECT_NE(word.find("{status}"), std::string_view::npos) << lang;
    ASSERT_NE(l.months, nullptr) << lang;
    for (int m = 0; m < 12; ++m) EXPECT_STRNE(l.months[m], "") << lang << " month " << m + 1;
    EXPECT_NE(l.note_n.find("{n}"), std::string_view::npos) << lang;
    EXPECT_NE(l.play_video.find("{title}"), std::string_view::npos) << lang;
    for (std::string_view key : {"{title}", "{provider}"}) EXPECT_NE(l.watch_video.find(key), std::string_view::npos) << lang;
    // A translated row, not English copied in (a few words are the same: French writes Sources,
    // Source {n}, Spoiler, Notes and Note {n} as English does).
    size_t same = 0;
    for (std::string_view key : label_keys()) same += lang != "en" && label_text(l, key) == label_text(english, key);
    EXPECT_LE(same, 5u) << lang << " has " << same << " English words";
  }
}

TEST(Labels, OverrideKeysNameTheirWords) {
  for (std::string_view key : label_keys()) {
    const std::map<std::string, std::string> overrides = {{std::string(key), "X"}};  // must outlive l
    const Labels l = with_overrides(labels_for("en"), overrides);
    EXPECT_EQ(label_text(l, key), "X") << key;
  }
  EXPECT_EQ(label_text(labels_for("en"), "noSuchKey"), "");
}

// fill() against the plain rule: every "{key}", left to right, becomes the value; anything else
// (another key, a lone or doubled brace, a key cut by the end) stays as written.
TEST(Labels, FillReplacesEveryPlaceholderOfItsKeyOnly) {
  EXPECT_EQ(fill("Source {n}", "n", "12"), "Source 12");
  EXPECT_EQ(fill("{n}.{n}", "n", "3"), "3.3");
  EXPECT_EQ(fill("{{n}}", "n", "3"), "{3}");
  EXPECT_EQ(fill("{name} {n} {nn} {n", "n", "7"), "{name} 7 {nn} {n");
  EXPECT_EQ(fill("{n}{n}{", "n", "{n}"), "{n}{n}{");
  EXPECT_EQ(fill("no placeholder", "n", "x"), "no placeholder");
  EXPECT_EQ(fill("", "n", "x"), "");
  EXPECT_EQ(fill("{month} {year}", "year", "2016"), "{month} 2016");
}

}  // namespace
}  // namespace aw
