// JSON text → nlohmann::json, with the byte offset of every value kept so that each problem the
// validator finds can name its line and column. Never throws; enforces the depth limit while
// parsing (nlohmann has none) and reports duplicate keys (nlohmann keeps the last silently).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "aw/diagnostics.hpp"
#include "aw/options.hpp"

namespace aw {

struct JsonDocument {
  nlohmann::json root;
  // JSON Pointer → byte offset of the value's first byte (for objects' members: of the value).
  std::unordered_map<std::string, size_t> value_offsets;
  // JSON Pointer of an object member → byte offset of its key (where "unknown field" points).
  std::unordered_map<std::string, size_t> key_offsets;

  // Offset of the value at `pointer`, or of its nearest ancestor that exists.
  size_t offset_of(std::string pointer) const;
  size_t key_offset_of(const std::string& pointer) const;
};

// Returns false (and reports why) when the text is not a JSON document within the limits.
bool parse_json(std::string_view text, const Limits& limits, JsonDocument& doc, Diagnostics& diags);

// Byte offset in `text` of the decoded byte `index` of the JSON string literal starting at
// `literal_offset` (its opening quote): walks the escapes so Markdown positions map back to the
// JSON text.
size_t string_literal_offset(std::string_view text, size_t literal_offset, size_t index);

}  // namespace aw
