// Every word the widget itself writes (not the article's), per language, plus date and list
// formatting. One table for C++ and the browser shim (which gets its strings through meta.labels).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aw {

struct Labels {
  std::string_view lang;
  std::string_view updated;                    // "Updated"
  std::string_view reading_time;               // "{n} min read"
  std::string_view by;                         // "By"
  std::string_view reviewed_by;                // "Reviewed by"
  std::string_view published;                  // "Published"
  std::string_view spoiler_warning;            // "Spoiler Warning"
  std::string_view spoiler_default;            // "This article contains {level} spoilers for {subject}."
  std::string_view spoiler_default_nosubject;  // "This article contains {level} spoilers."
  std::string_view level_minor;                // "minor"
  std::string_view level_major;                // "major"
  std::string_view reveal_all;                 // "Show all spoilers"
  std::string_view hide_all;                   // "Hide spoilers"
  std::string_view gated_section;              // "This section contains spoilers."
  std::string_view gated_answer;               // "This answer contains spoilers."
  std::string_view reveal_one;                 // "Reveal"
  std::string_view quick_answer;               // "Quick Answer"
  std::string_view contents;                   // "Contents"
  std::string_view drawing_on;                 // "Drawing on"
  std::string_view and_;                       // "and"
  bool serial_comma;                           // "A, B, and C" vs "A, B y C"
  std::string_view continue_reading;           // "Continue reading"
  std::string_view open;                       // "Open"
  std::string_view faq;                        // "Frequently Asked"
  std::string_view sources;                    // "Sources"
  std::string_view source_n;                   // "Source {n}"
  std::string_view back_to_citation;           // "Back to citation {n}"
  std::string_view close;                      // "Close"
  std::string_view spoilers_shown;             // "All spoilers shown." (announced to screen readers)
  std::string_view spoilers_hidden;            // "Spoilers hidden."
  std::string_view inline_spoiler;             // "Spoiler" (the control in place of an inline spoiler)
  std::string_view gated_figure;               // "This image contains spoilers."
  std::string_view gated_video;                // "This video contains spoilers."
  std::string_view gated_quote;                // "This quote contains spoilers."
  std::string_view notes;                      // "Notes" (the endnotes' heading when the article has notes)
  std::string_view note_n;                     // "Note {n}"
  std::string_view play_video;                 // "Play video: {title}"
  std::string_view watch_video;                // "Watch “{title}” on {provider}" (the link without JavaScript, in print)
  // The error state (api.hpp's call_failure_text picks one). Not publisher overrides: an
  // error can come before any options are read.
  std::string_view failure_title;         // "This article could not be displayed"
  std::string_view failure_network;       // "The article could not be downloaded. …"
  std::string_view failure_timeout;       // "The article took too long to download."
  std::string_view failure_not_found;     // "The article was not found (HTTP {status})."
  std::string_view failure_http;          // "The server could not send the article (HTTP {status})."
  std::string_view failure_stylesheet;    // "The article's styles could not be loaded."
  std::string_view failure_not_json;      // "The article file is not valid JSON."
  std::string_view failure_invalid_one;   // "The article has a problem that must be fixed …"
  std::string_view failure_invalid_many;  // "The article has {n} problems that must be fixed …"
  std::string_view failure_more;          // "…and {n} more (the browser console lists them all)."
  std::string_view failure_unexpected;    // "Something went wrong while showing the article."
  std::string_view try_again;             // "Try again"
  const char* const* months;              // 12 month names as used in dates
  std::string_view date_full;             // "{month} {day}, {year}"
  std::string_view date_month;            // "{month} {year}"
};

// Every language's row names each word (.updated = "Updated"), and a test checks that every
// language has every word.
// Labels for a BCP 47 tag: exact primary language match ("es-MX" → es), else English.
const Labels& labels_for(std::string_view lang);
// Whether the table has the tag's primary language (else labels_for gives English).
bool has_labels(std::string_view lang);

// The table entry with a publisher's overrides applied (keys as in label_keys(); values must
// outlive the result). Unknown keys are ignored by this function and reported by the options
// parser.
Labels with_overrides(const Labels& base, const std::map<std::string, std::string>& overrides);
const std::vector<std::string_view>& label_keys();
// The word for an override key ("close"), or "" for an unknown key.
std::string_view label_text(const Labels& labels, std::string_view key);
// The languages the table has (primary subtags: "en", "es", …).
std::vector<std::string_view> languages_with_labels();

// The words the browser shim writes itself (close, hideAll, spoilersHidden,
// spoilersShown) as a JSON object: meta.labels, and the article's data-aw-labels
// attribute (so hydration needs no render).
std::string shim_labels_json(const Labels& labels);

// "{n}"-style placeholders.
std::string fill(std::string_view pattern, std::string_view key, std::string_view value);

// "2026-05-18" → "May 18, 2026"; "2026-05" → "May 2026"; "2026" → "2026". Expects a valid date.
std::string format_date(const Labels& labels, std::string_view iso, bool month_only = false);

// ["A","B","C"] → "A, B, and C" (English) / "A, B y C" (Spanish) …, items already HTML.
std::string join_list(const Labels& labels, const std::vector<std::string>& items);

// Right-to-left scripts: ar, he, fa, ur, yi, ps, dv, ckb.
bool is_rtl_language(std::string_view lang);

}  // namespace aw
