// The article format, declared once: every object, every field, its kind, whether it is required,
// its limits and a one-line description (src/format.cpp). The validator reads an article by walking
// these tables (src/validate.cpp); the JSON Schema, FORMAT.md's field tables and the TypeScript
// ArticleJSON types are generated from them (src/format_docs.cpp), and a native test keeps the
// committed files equal to what is generated. Adding a field is one line in a table plus its
// rendering.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aw/diagnostics.hpp"
#include "aw/json_source.hpp"
#include "aw/model.hpp"

// Descriptions are for the generated documents only: the browser build leaves them out.
#ifdef AW_NO_FORMAT_DOCS
#define AW_DOC(text) ""
#else
#define AW_DOC(text) text
#endif

namespace aw::format {

enum class Kind {
  Text,         // a plain string: not blank, at most limits.maxTextChars code points (or `max`)
  Slug,         // an id: ^[a-z0-9][a-z0-9-]*$, at most 100 characters
  Lang,         // a BCP 47 language tag
  Url,          // a link: the scheme allowlist, and a well-formed URL
  ImageUrl,     // an image: a relative URL (this site) or an absolute http(s) one, well-formed
  Timestamp,    // a time in a film or clip: M:SS or H:MM:SS
  YouTubeId,    // 11 characters of A-Z a-z 0-9 _ -
  VimeoId,      // 1 to 12 digits
  Date,         // YYYY-MM-DD, a real day
  PartialDate,  // YYYY, YYYY-MM or YYYY-MM-DD
  Markdown,     // CommonMark, at most limits.maxMarkdownBytes; a required one is not blank
  Boolean,
  Integer,  // a whole number from `min` to `max`
  Enum,     // one of `values`
  Object,   // an object of the table `object`
  List,     // an array of `item`s (a scalar kind, or objects of the table `object`)
};

// A constant array seen through a pointer and a size (C++17 has no std::span).
template <typename T>
struct Span {
  const T* data = nullptr;
  size_t size = 0;
  constexpr Span() = default;
  template <size_t N>
  constexpr Span(const T (&array)[N]) : data(array), size(N) {}
  constexpr const T* begin() const { return data; }
  constexpr const T* end() const { return data + size; }
};

// One validated value on its way into the model.
struct Value {
  std::string text;  // Text-like kinds and Enum
  MarkdownField markdown;
  bool boolean = false;
  long long integer = 0;
};

struct Object;

// Where an object sits, for the hooks that finish it.
struct Place {
  const std::string& pointer;  // its JSON Pointer
  size_t index;                // its index in its array (0 for a lone object)
  size_t offset;               // byte offset of its '{' in the JSON text
  int depth;                   // 1 for a top-level entry of a self-nesting list (sections), +1 per level
  const nlohmann::json& node;  // the JSON object itself
  const JsonDocument& doc;     // for the offsets of its members
};

// What a hook may do besides filling the model: report a problem at a pointer.
class Reporter {
 public:
  virtual void report(Code code, const std::string& pointer, std::string message) = 0;

 protected:
  ~Reporter() = default;
};

using Setter = void (*)(void* target, Value& value);  // stores (or, in a List, appends) a scalar
using Child = void* (*)(void* target);                // an Object member (marked present), or a new List element
using Finish = void (*)(Reporter& reporter, void* target, const Place& place);

struct Field {
  std::string_view name;
  Kind kind;
  bool required;
  const char* doc;
  const char* noun = nullptr;      // a List's element, for messages: "a person"
  const Object* object = nullptr;  // Object, or a List of objects
  const Field* item = nullptr;     // List of scalars: the element's kind and limits
  Span<std::string_view> values;   // Enum
  long long min = 0, max = 0;      // Integer: the range; Text: at most `max` code points (0: limits.maxTextChars);
                                   // a List of its own object (sub-sections): at most `max` levels in all
  bool names_source = false;       // a Slug that must be the id of a source
  // Required unless the Boolean field of this name is true, and then absent ("alt" unless
  // "decorative": true). `required` is false for such a field.
  std::string_view unless;
  Setter set = nullptr;
  Child child = nullptr;
};

struct Object {
  std::string_view name;  // the schema's $defs name and FORMAT.md's table ("section")
  std::string_view type;  // the TypeScript interface ("ArticleSection")
  const char* noun;       // for messages: "a section"
  const char* doc;
  Span<Field> fields;
  Finish finish = nullptr;                  // what a field table cannot say: derived values, rules across fields
  Span<std::string_view> exactly_one = {};  // names of fields of which exactly one is present (a media entry)
};

// The root: one article.
const Object& article();
// Every table reachable from the root, the root first, each once.
std::vector<const Object*> all_objects();
// The field of `object` called `name`, or nullptr.
const Field* find_field(const Object& object, std::string_view name);

// The documents generated from the tables (src/format_docs.cpp; native builds only).
std::string json_schema();                            // schema/article.schema.json
std::string update_format_md(std::string_view md);    // docs/FORMAT.md with its generated blocks redone
std::string update_typescript(std::string_view dts);  // web/index.d.ts with its ArticleJSON types redone

}  // namespace aw::format
