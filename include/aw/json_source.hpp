// JSON text → nlohmann::json, with the byte offset of every value kept so that each problem the
// validator finds can name its line and column. Never throws; enforces the depth limit while
// parsing (nlohmann has none) and reports duplicate keys (nlohmann keeps the last silently).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aw/diagnostics.hpp"
#include "aw/options.hpp"

namespace aw {

class JsonDocument;

// The offsets of a document's values (or of its members' keys), looked up by JSON Pointer.
// Parsing records them per node, so no pointer string is built per value; a lookup walks the tree.
class PointerOffsets {
 public:
  // Offset of what `pointer` names, or std::string::npos when it names nothing (for keys: no
  // object member).
  size_t at(std::string_view pointer) const;
  size_t count(std::string_view pointer) const { return at(pointer) != std::string::npos; }

 private:
  friend class JsonDocument;
  PointerOffsets(const JsonDocument& doc, bool keys) : doc_(doc), keys_(keys) {}
  const JsonDocument& doc_;
  bool keys_;
};

class JsonDocument {
 public:
  JsonDocument() = default;
  // The offset views refer to their own document (the recorded nodes live on the heap, so they
  // stay valid when the root moves).
  JsonDocument(JsonDocument&& other) noexcept;
  JsonDocument& operator=(JsonDocument&& other) noexcept;

  nlohmann::json root;
  PointerOffsets value_offsets{*this, false};  // of the value's first byte (for members: of the value)
  PointerOffsets key_offsets{*this, true};     // of an object member's key (where "unknown field" points)

  // Offset of the value at `pointer`, or of its nearest ancestor that exists.
  size_t offset_of(std::string_view pointer) const;
  size_t key_offset_of(std::string_view pointer) const;
  // Offset of a value of this document, found by its node (no pointer walk).
  size_t offset_of_node(const nlohmann::json& value) const;

  struct NodeOffsets {  // what parsing records for each value but the root
    const nlohmann::json* node;
    size_t value, key;  // key: npos for array elements
  };

 private:
  friend class PointerOffsets;
  friend bool parse_json(std::string_view, const Limits&, JsonDocument&, Diagnostics&);
  // The deepest node on the path of `pointer` and whether it is the node the pointer names.
  const nlohmann::json* resolve(std::string_view pointer, bool& exact) const;
  const NodeOffsets* find(const nlohmann::json* node) const;

  std::vector<NodeOffsets> nodes_;  // every value but the root, sorted by node address
  size_t root_offset_ = 0;
};

// Returns false (and reports why) when the text is not a JSON document within the limits.
bool parse_json(std::string_view text, const Limits& limits, JsonDocument& doc, Diagnostics& diags);

// A small JSON text (options, an index, facts) as a value, or a discarded value when it is not JSON
// within the default limits. The same parser as articles, so the module links no other.
nlohmann::json parse_json_value(std::string_view text);

// Byte offset in `text` of the decoded byte `index` of the JSON string literal starting at
// `literal_offset` (its opening quote): walks the escapes so Markdown positions map back to the
// JSON text.
size_t string_literal_offset(std::string_view text, size_t literal_offset, size_t index);

// The same for many indexes of one literal: each walk resumes where the previous one stopped
// when the index is not smaller, so a field's problems (found in text order) cost one walk
// together instead of one each (quadratic in a large field with many problems).
class StringLiteralCursor {
 public:
  StringLiteralCursor(std::string_view text, size_t literal_offset) : text_(text), start_(literal_offset + 1), at_(start_) {}
  size_t offset_of(size_t index);

 private:
  std::string_view text_;
  size_t start_;        // after the opening quote
  size_t at_;           // where the last walk stopped
  size_t decoded_ = 0;  // decoded bytes before at_
};

}  // namespace aw
