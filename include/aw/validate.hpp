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

}  // namespace aw
