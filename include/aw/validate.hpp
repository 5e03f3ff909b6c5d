// JSON document → Article, reporting every schema problem (wrong types, missing fields, bad ids,
// dates, URLs, duplicates, unknown fields) with its location. Cross references inside Markdown
// are checked while rendering (render.hpp), since only the Markdown parse can find them.
#pragma once
#include "aw/diagnostics.hpp"
#include "aw/json_source.hpp"
#include "aw/model.hpp"
#include "aw/options.hpp"

namespace aw {

Article validate_article(const JsonDocument& doc, const Limits& limits, Diagnostics& diags);

// ^[a-z0-9][a-z0-9-]*$, at most 100 characters.
bool is_slug(std::string_view s);
// YYYY-MM-DD naming a real day; with allow_partial also YYYY and YYYY-MM.
bool is_iso_date(std::string_view s, bool allow_partial = false);
// An image's URL: what url_is_safe() allows for a link, but not mailto:, a bare #fragment or ?query.
bool is_image_url(std::string_view s);
// Seconds of a time in a film or clip (M:SS, MM:SS, H:MM:SS, HH:MM:SS), or -1.
long timestamp_seconds(std::string_view s);
// A YouTube video id (11 of A-Z a-z 0-9 - _) / a Vimeo one (1–12 digits, no leading 0).
bool is_youtube_id(std::string_view s);
bool is_vimeo_id(std::string_view s);

}  // namespace aw
