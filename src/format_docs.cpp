// The documents generated from the format's tables: the JSON Schema, FORMAT.md's field tables and
// the TypeScript ArticleJSON types. Native builds only (the browser module has no descriptions);
// tests/native/format_test.cpp keeps the committed files equal to this output.
#include <algorithm>
#include <cctype>

#include "aw/format.hpp"
#include "aw/options.hpp"

namespace aw::format {
namespace {

using ordered = nlohmann::ordered_json;

const Limits kDefaults;
constexpr const char* kNotBlank = "[^\\t\\n\\r ]";

// What each value kind is: its $defs name, its JSON Schema and what FORMAT.md says of it. The
// validator's checks (src/validate.cpp) are the rule; tests/node/format-agreement.test.js
// mutates every example to show the schema agrees with them.
struct KindInfo {
  Kind kind;
  bool required;  // Markdown only: a required one must say something
  const char* def;
  const char* word;  // FORMAT.md's type column
  const char* doc;
};
const KindInfo kKinds[] = {
    {Kind::Text, false, "text", "text",
     "A plain string, 1–2 000 characters, never interpreted as HTML or Markdown. It may not be blank (only spaces, tabs and line "
     "breaks)."},
    {Kind::Markdown, false, "markdown", "markdown",
     "A CommonMark string. Raw HTML is never passed through; [^source-id] cites a source; ||text|| is an inline spoiler. The "
     "format limits a field to 100 000 bytes; JSON Schema can only count characters, so this schema caps at 100 000 characters "
     "and the validator enforces the byte limit."},
    {Kind::Markdown, true, "markdownRequired", "markdown",
     "A Markdown field that must say something (a quick answer, an FAQ answer): like markdown, but not empty or blank."},
    {Kind::Slug, false, "slug", "slug", "An identifier: ^[a-z0-9][a-z0-9-]*$, at most 100 characters."},
    {Kind::Lang, false, "lang", "language tag",
     "A BCP 47 language tag (syntax check only: a 2–3 letter primary language subtag, then hyphen-separated subtags of 1–8 "
     "letters or digits)."},
    {Kind::Url, false, "url", "url",
     "An absolute http:, https: or mailto: URL, or a relative URL (/path, path, #frag, ?q). Any other scheme (javascript:, data:, "
     "vbscript:, file:, unknown schemes), control characters and backslashes (browsers read \\ as /, so /\\host would lead to "
     "another site) are rejected (validator code unsafe-url). It must be a URL (invalid-url): no spaces or < > \" { } | ^ ` "
     "(percent-encode them), every % starts a %XX escape, an http(s) or //host URL names a host and a mailto: URL an address."},
    {Kind::ImageUrl, false, "imageUrl", "image url",
     "Where an image is: a relative URL (a path on this site: /media/still.jpg) or an absolute http(s) URL, with the url kind's "
     "rules, but not mailto: and not a bare #fragment or ?query. Whether an image from another origin is shown is the render "
     "options' decision (imageOrigins, allowRemoteImages); by default only this site's images are (warning image-not-allowed)."},
    {Kind::Timestamp, false, "timestamp", "timestamp",
     "A time in a film, episode or clip: M:SS, MM:SS, H:MM:SS or HH:MM:SS (\"0:45\", \"1:52:10\"); minutes and seconds 00–59."},
    {Kind::YouTubeId, false, "youtubeId", "YouTube id", "A YouTube video id: 11 letters, digits, '-' or '_' (never a URL)."},
    {Kind::VimeoId, false, "vimeoId", "Vimeo id", "A Vimeo video id: 1–12 digits, not starting with 0 (never a URL)."},
    {Kind::Date, false, "date", "date", "A real calendar date, YYYY-MM-DD."},
    {Kind::PartialDate, false, "sourceDate", "partial date", "YYYY-MM-DD (a real calendar date), YYYY-MM or YYYY."},
};

const KindInfo* kind_info(Kind kind, bool required) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind && (kind != Kind::Markdown || k.required == required)) return &k;
  return nullptr;
}

ordered kind_schema(const KindInfo& k) {
  ordered s{{"description", k.doc}};
  switch (k.kind) {
    case Kind::Text:
      s.update({{"type", "string"}, {"minLength", 1}, {"maxLength", kDefaults.max_text_chars}, {"pattern", kNotBlank}});
      break;
    case Kind::Markdown:
      s.update({{"type", "string"}, {"maxLength", kDefaults.max_markdown_bytes}});
      if (k.required) s["pattern"] = kNotBlank;
      break;
    case Kind::Slug: s.update({{"type", "string"}, {"pattern", "^[a-z0-9][a-z0-9-]*$"}, {"maxLength", 100}}); break;
    case Kind::Lang: s.update({{"type", "string"}, {"pattern", "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"}}); break;
    case Kind::Url:
    case Kind::ImageUrl: {
      // The validator's url_is_safe and url_is_well_formed (src/escape.cpp) as one pattern: an
      // http(s) or scheme-relative URL names a host; mailto: says something; any other
      // scheme is refused; nowhere a space, control character, backslash, < > " { } | ^ `
      // or a % that does not start a %XX escape. An image's URL (is_image_url) is no mailto:
      // and does not start with # or ?.
      const bool image = k.kind == Kind::ImageUrl;
      std::string pattern = R"(^(?:(?:[Hh][Tt][Tt][Pp][Ss]?:)?//(?:(?:[^\u0000-\u0020\u007F\\<>"{}|^`%/?#]|%[0-9A-Fa-f]{2})*@)?)"
                            R"((?:[^\u0000-\u0020\u007F\\<>"{}|^`%/?#@:]|%[0-9A-Fa-f]{2}))"
                            R"((?:[^\u0000-\u0020\u007F\\<>"{}|^`%/?#@]|%[0-9A-Fa-f]{2})*)"
                            R"((?:[/?#](?:[^\u0000-\u0020\u007F\\<>"{}|^`%]|%[0-9A-Fa-f]{2})*)?)";
      if (!image) pattern += R"(|[Mm][Aa][Ii][Ll][Tt][Oo]:(?:[^\u0000-\u0020\u007F\\<>"{}|^`%]|%[0-9A-Fa-f]{2})+)";
      pattern += image ? R"(|(?!//|:|[#?]|[A-Za-z][A-Za-z0-9+.\-]*:))" : R"(|(?!//|:|[A-Za-z][A-Za-z0-9+.\-]*:))";
      pattern += R"((?:[^\u0000-\u0020\u007F\\<>"{}|^`%]|%[0-9A-Fa-f]{2})*)$)";
      s.update({{"type", "string"}, {"minLength", 1}, {"maxLength", kDefaults.max_text_chars}, {"pattern", pattern}});
      break;
    }
    case Kind::Timestamp: s.update({{"type", "string"}, {"pattern", "^(?:[0-9]{1,2}:[0-5][0-9]|[0-5]?[0-9]):[0-5][0-9]$"}}); break;
    case Kind::YouTubeId: s.update({{"type", "string"}, {"pattern", "^[A-Za-z0-9_-]{11}$"}}); break;
    case Kind::VimeoId: s.update({{"type", "string"}, {"pattern", "^[1-9][0-9]{0,11}$"}}); break;
    case Kind::Date: s.update({{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"format", "date"}}); break;
    case Kind::PartialDate:
      s["anyOf"] = ordered::array({{{"$ref", "#/$defs/date"}}, {{"type", "string"}, {"pattern", "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"}}});
      break;
    default: break;
  }
  return s;
}

// Sub-sections nest: the schema gives each level a definition of its own (section1…section4) so
// that the depth limit is part of it.
const Field* nesting_list(const Object& o) {
  for (const Field& f : o.fields)
    if (f.kind == Kind::List && f.object == &o) return &f;
  return nullptr;
}
std::string def_name(const Object& o, int level) {
  return nesting_list(o) ? std::string(o.name) + std::to_string(level) : std::string(o.name);
}

ordered value_schema(const Field& f, const Object& owner, int level) {
  switch (f.kind) {
    case Kind::Boolean: return {{"type", "boolean"}};
    case Kind::Integer: return {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}};
    case Kind::Enum: return {{"type", "string"}, {"enum", std::vector<std::string>(f.values.begin(), f.values.end())}};
    case Kind::Object: return {{"$ref", "#/$defs/" + def_name(*f.object, 1)}};
    case Kind::List: {
      ordered s{{"type", "array"}};
      if (f.required) s["minItems"] = 1;
      s["maxItems"] = kDefaults.max_items;
      if (f.object)
        s["items"] = {{"$ref", "#/$defs/" + def_name(*f.object, f.object == &owner ? level + 1 : 1)}};
      else
        s["items"] = value_schema(*f.item, owner, level);
      return s;
    }
    default:
      if (f.max > 0) return {{"type", "string"}, {"minLength", 1}, {"maxLength", f.max}, {"pattern", kNotBlank}};
      return {{"$ref", std::string("#/$defs/") + kind_info(f.kind, f.required)->def}};
  }
}

ordered object_schema(const Object& o, int level, const char* reserved_doc) {
  ordered required = ordered::array(), properties = ordered::object();
  for (const Field& f : o.fields) {
    // NOLINTNEXTLINE(clang-analyzer-core.NullDereference): a Span of size > 0 has data
    if (&f == nesting_list(o) && level >= f.max) continue;  // the deepest level has no sub-sections
    ordered p = value_schema(f, o, level);
    p["description"] = f.doc;
    properties[std::string(f.name)] = std::move(p);
    if (f.required) required.push_back(f.name);
  }
  ordered s{{"description", o.doc}, {"type", "object"}};
  if (!required.empty()) s["required"] = std::move(required);
  s["properties"] = std::move(properties);
  // The rules across fields (validate.cpp's check_rules). A subschema that requires a property
  // names it too (ajv's strictRequired), with a schema that adds nothing to the property's own.
  auto requiring = [](std::string_view name) {
    return ordered{{"properties", {{name, {{"description", "Present."}}}}}, {"required", {name}}};
  };
  if (o.exactly_one.size) {
    ordered one = ordered::array();
    for (std::string_view name : o.exactly_one) one.push_back(requiring(name));
    s["oneOf"] = std::move(one);
  }
  ordered rules = ordered::array();
  for (const Field& f : o.fields)
    if (!f.unless.empty())
      rules.push_back({{"if", {{"properties", {{f.unless, {{"const", true}, {"description", "True."}}}}}, {"required", {f.unless}}}},
                       {"then", {{"properties", {{f.name, {{"not", ordered::object()}, {"description", "Absent."}}}}}}},
                       {"else", requiring(f.name)}});
  if (!rules.empty()) s["allOf"] = std::move(rules);
  s["patternProperties"] = {{"^(x-|\\$)", {{"description", reserved_doc}}}};
  s["additionalProperties"] = false;
  return s;
}

std::string level_doc(const Object& o, int level, int deepest) {
  std::string h = "h" + std::to_string(level + 1);
  if (level == 1)
    return std::string(o.doc) + " At the top level (" + h + "). Sub-sections have the same shape, at most " + std::to_string(deepest) +
           " levels deep in all; the levels are separate definitions (" + std::string(o.name) + "1–" + std::string(o.name) +
           std::to_string(deepest) + ") so that the depth limit is part of the schema.";
  return "A sub-section at level " + std::to_string(level) + " (" + h + ")" +
         (level == deepest ? ", the deepest level: it cannot have sub-sections." : ".");
}

// A link to the object's heading in FORMAT.md ("## `faqItem`" has the anchor #faqitem).
std::string link_to(const Object& o) {
  std::string anchor(o.name);
  std::transform(anchor.begin(), anchor.end(), anchor.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "[" + std::string(o.name) + "](#" + anchor + ")";
}

// A table cell: a '|' would end it.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) c == '|' ? out.append("\\|") : out.append(1, c);
  return out;
}

std::string type_word(const Field& f) {
  switch (f.kind) {
    case Kind::Boolean: return "bool";
    case Kind::Integer: return "integer " + std::to_string(f.min) + "–" + std::to_string(f.max);
    case Kind::Enum: {
      std::string s;
      for (std::string_view v : f.values) s.append(s.empty() ? "" : " \\| ").append("`\"").append(v).append("\"`");
      return s;
    }
    case Kind::Object: return link_to(*f.object);
    case Kind::List:
      if (f.object) return "array of " + link_to(*f.object);
      return "array of " + type_word(*f.item) + (f.item->max ? " (≤ " + std::to_string(f.item->max) + " chars)" : "");
    default: return kind_info(f.kind, f.required)->word;
  }
}

std::string ts_type(const Field& f) {
  switch (f.kind) {
    case Kind::Boolean: return "boolean";
    case Kind::Integer: return "number";
    case Kind::Enum: {
      std::string s;
      for (std::string_view v : f.values) s.append(s.empty() ? "" : " | ").append("'").append(v).append("'");
      return s;
    }
    case Kind::Object: return std::string(f.object->type);
    case Kind::List: return (f.object ? std::string(f.object->type) : ts_type(*f.item)) + "[]";
    default: return "string";
  }
}

// Replaces what lies between `begin` and `end` (each on a line of its own) with `body`.
std::string replace_block(std::string_view text, const std::string& begin, std::string_view end, const std::string& body) {
  const size_t b = text.find(begin);
  if (b == std::string_view::npos) return std::string(text);
  const size_t from = b + begin.size();
  const size_t e = text.find(end, from);
  if (e == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, from)) + "\n" + body + std::string(text.substr(e));
}

}  // namespace

std::string json_schema() {
  const Object& root = article();
  ordered defs = ordered::object();
  for (const KindInfo& k : kKinds) defs[k.def] = kind_schema(k);
  for (const Object* o : all_objects()) {
    if (o == &root) continue;
    const Field* nest = nesting_list(*o);
    for (int level = 1; level <= (nest ? nest->max : 1); ++level) {
      ordered s = object_schema(*o, level, "Reserved for tools; ignored.");
      if (nest) s["description"] = level_doc(*o, level, static_cast<int>(nest->max));
      defs[def_name(*o, level)] = std::move(s);
    }
  }
  ordered schema{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                 {"$id", "https://article-widget.invalid/schema/article.schema.json"},
                 {"title", "article-widget article"}};
  ordered body = object_schema(root, 1, "Reserved for tools (e.g. \"$schema\", \"x-cms-revision\"); ignored by the widget.");
  body["description"] =
      "One article for article-widget, as documented in docs/FORMAT.md, generated from the format's tables (src/format.cpp). "
      "This schema is meant for CMS and editor validation and is deliberately stricter than the C++ validator in one respect: it "
      "rejects unknown fields (except names starting with \"x-\" or \"$\", which are reserved for tools), whereas the C++ "
      "validator only warns about them (unknown-field). The C++ validator checks what a schema cannot: ids unique across "
      "sections, sub-sections and FAQ items, every [^id] footnote reference and every section `sources` entry naming a source, "
      "unused sources, #id links naming a section or FAQ item, `updated` not before `published`, Markdown field size in bytes, "
      "and the Markdown content itself.";
  schema.update(body);
  schema["$defs"] = std::move(defs);
  return schema.dump(2) + "\n";
}

std::string update_format_md(std::string_view md) {
  std::string out(md);
  for (const Object* o : all_objects()) {
    std::string table = "| field | type | required | meaning |\n| --- | --- | --- | --- |\n";
    for (const Field& f : o->fields)
      table += "| `" + std::string(f.name) + "` | " + type_word(f) + " | " +
               (f.required          ? (f.kind == Kind::List ? "yes (≥ 1)" : "yes")
                : !f.unless.empty() ? "unless `" + std::string(f.unless) + "`"
                                    : "no") +
               " | " + cell(f.doc) + " |\n";
    out = replace_block(out, "<!-- format:fields " + std::string(o->name) + " -->", "<!-- /format:fields -->", table);
  }
  std::string kinds;
  for (const KindInfo& k : kKinds)
    if (k.kind != Kind::Markdown || !k.required) kinds += "- **" + std::string(k.word) + "**: " + k.doc + "\n";
  return replace_block(out, "<!-- format:kinds -->", "<!-- /format:kinds -->", kinds);
}

std::string update_typescript(std::string_view dts) {
  std::string types;
  for (const Object* o : all_objects()) {
    types += "/** " + std::string(o->doc) + " */\nexport interface " + std::string(o->type) + " {\n";
    for (const Field& f : o->fields)
      types += "  /** " + std::string(f.doc) + " */\n  " + std::string(f.name) + (f.required ? "" : "?") + ": " + ts_type(f) + ";\n";
    if (o == &article()) types += "  /** Reserved for tools and ignored, like every name starting with \"x-\". */\n  $schema?: string;\n";
    types += "  [tool: `x-${string}`]: unknown;\n}\n";
  }
  return replace_block(dts, "// <format:types generated from src/format.cpp; tests/native/format_test.cpp checks them>",
                       "// </format:types>", types);
}

}  // namespace aw::format
