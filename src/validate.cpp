#include "aw/validate.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "aw/escape.hpp"
#include "aw/format.hpp"

namespace aw {
namespace {

using nlohmann::json;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
  }
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_language_tag(std::string_view s) {
  // language (2–3 letters) then subtags of 1–8 letters/digits: "en", "pt-BR", "zh-Hant-TW".
  size_t i = 0, n = 0;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i, ++n;
  if (n < 2 || n > 3) return false;
  while (i < s.size()) {
    if (s[i] != '-') return false;
    ++i;
    size_t len = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])))) ++i, ++len;
    if (len < 1 || len > 8) return false;
  }
  return true;
}

// "A person" from "a person": a list element's noun at the start of a message.
std::string capitalized(std::string_view noun) {
  std::string s(noun);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Reads an article by walking the format's tables (format.hpp): every field is checked by its
// kind, every problem reported at its JSON Pointer, and validation always goes on with a usable
// default, so one pass finds every problem.
class Reader final : public format::Reporter {
 public:
  Reader(const JsonDocument& doc, const Limits& limits, Diagnostics& diags) : doc_(doc), limits_(limits), diags_(diags) {}

  void report(Code code, const std::string& pointer, std::string message) override {
    diags_.report(code, pointer, doc_.offset_of(pointer), std::move(message));
  }

  Article run() {
    Article a;
    if (!doc_.root.is_object()) {
      report(Code::WrongType, "", std::string("An article must be a JSON object, not ") + type_name(doc_.root) + ".");
      return a;
    }
    read_object(format::article(), doc_.root, "", &a, 0, 0);
    check_ids(a);
    return a;
  }

 private:
  using Field = format::Field;
  using Kind = format::Kind;

  // Where a value is, for messages: its JSON Pointer and how a message names it ("\"title\"", "A
  // spoiler term"). Both are built only when needed (a problem, a Markdown field's location):
  // most values need neither, and building them for every field was most of validation's time.
  struct Where {
    const std::string& base;  // the pointer of the object or array that holds the value
    std::string_view key;     // its member name, or, for an array element (noun set),
    size_t index = 0;         // its index
    const char* noun = nullptr;
    std::string pointer() const { return base + "/" + (noun ? std::to_string(index) : pointer_token(key)); }
    std::string name() const { return noun ? capitalized(noun) : "\"" + std::string(key) + "\""; }
  };

  void read_object(const format::Object& table, const json& obj, const std::string& pointer, void* target, size_t index, int depth) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      const std::string& key = it.key();
      if (key.rfind("x-", 0) == 0 || key.rfind('$', 0) == 0 || format::find_field(table, key)) continue;
      std::vector<std::string_view> names;
      for (const Field& f : table.fields) names.push_back(f.name);
      const std::string p = pointer + "/" + pointer_token(key);
      diags_.report(Code::UnknownField, p, doc_.key_offset_of(p),
                    "\"" + key + "\" is not a field of this object; it is ignored." + diags_.suggest(key, names));
    }
    for (const Field& f : table.fields) read_field(table, f, obj, pointer, target, depth);
    check_rules(table, obj, pointer);
    if (table.finish) table.finish(*this, target, format::Place{pointer, index, doc_.offset_of_node(obj), depth, obj, doc_});
  }

  // What the tables say across fields: exactly one of some fields ("figure", "video", "quote"),
  // a field required unless a flag is true and then absent ("alt" unless "decorative").
  void check_rules(const format::Object& table, const json& obj, const std::string& pointer) {
    if (table.exactly_one.size) {
      std::vector<std::string_view> present;
      for (std::string_view name : table.exactly_one)
        if (obj.contains(name)) present.push_back(name);
      std::string list;
      for (size_t i = 0; i < table.exactly_one.size; ++i)
        list.append(i ? (i + 1 == table.exactly_one.size ? " or " : ", ") : "").append("\"").append(table.exactly_one.data[i]).append("\"");
      if (present.empty())
        report(Code::MissingField, pointer, capitalized(table.noun) + " needs one of " + list + ".");
      else if (present.size() > 1)
        report(Code::InvalidValue, pointer + "/" + pointer_token(present[1]),
               capitalized(table.noun) + " holds one of " + list + ", not both \"" + std::string(present[0]) + "\" and \"" +
                   std::string(present[1]) + "\".");
    }
    for (const Field& f : table.fields) {
      if (f.unless.empty()) continue;
      auto flag = obj.find(f.unless);
      const bool set = flag != obj.end() && flag->is_boolean() && flag->get<bool>();
      const std::string p = pointer + "/" + pointer_token(f.name);
      const std::string name = "\"" + std::string(f.name) + "\"", flag_name = "\"" + std::string(f.unless) + "\"";
      if (!set && !obj.contains(f.name))
        report(Code::MissingField, p, "The field " + name + " is missing: it is required unless " + flag_name + " is true.");
      else if (set && obj.contains(f.name))
        report(Code::InvalidValue, p, name + " must be absent when " + flag_name + " is true.");
    }
  }

  void read_field(const format::Object& table, const Field& f, const json& obj, const std::string& base, void* target, int depth) {
    auto found = obj.find(f.name);
    const Where where{base, f.name};
    if (found == obj.end()) {
      if (f.required) report(Code::MissingField, where.pointer(), "The required field " + where.name() + " is missing.");
      return;
    }
    const json& v = *found;
    if (f.kind == Kind::Object) {
      if (!v.is_object()) return wrong_type(where, "an object", v);
      return read_object(*f.object, v, where.pointer(), f.child(target), 0, depth);
    }
    if (f.kind == Kind::List) return read_list(table, f, v, where, target, depth);
    format::Value value;
    if (!read_scalar(f, v, where, value)) return;
    if (f.names_source) source_refs_.emplace_back(value.text, where.pointer());
    f.set(target, value);
  }

  void read_list(const format::Object& table, const Field& f, const json& v, const Where& where, void* target, int depth) {
    if (!v.is_array()) return wrong_type(where, "an array", v);
    const std::string p = where.pointer(), name = where.name();
    if (f.required && v.empty()) return report(Code::EmptyValue, p, name + " needs at least one entry.");
    if (v.size() > limits_.max_items)
      return report(
          Code::TooMany, p,
          name + " has " + std::to_string(v.size()) + " entries; the limit is " + std::to_string(limits_.max_items) + " (maxItems).");
    // A list of its own table (sub-sections) nests one level deeper, up to f.max levels in all.
    const bool nests = f.object == &table;
    const int level = nests ? depth + 1 : 1;
    if (nests && level > f.max)
      return report(Code::SectionsTooDeep, p,
                    "Sub-sections nest at most " + std::to_string(f.max) + " levels deep (h2–h" + std::to_string(f.max + 1) + ").");
    for (size_t i = 0; i < v.size(); ++i) {
      const json& e = v[i];
      const Where element{p, "", i, f.object ? f.object->noun : f.item->noun};
      if (f.object) {
        if (!e.is_object())
          wrong_type(element, "an object", e);
        else
          read_object(*f.object, e, element.pointer(), f.child(target), i, level);
        continue;
      }
      format::Value value;
      if (!read_scalar(*f.item, e, element, value)) continue;
      if (f.item->names_source) source_refs_.emplace_back(value.text, element.pointer());
      f.set(target, value);
    }
  }

  void wrong_type(const Where& where, const char* wanted, const json& v) {
    report(Code::WrongType, where.pointer(), where.name() + " must be " + wanted + ", not " + type_name(v) + ".");
  }

  // Checks one value by its kind; `name` is how messages call it ("\"title\"", "A spoiler term").
  bool read_scalar(const Field& f, const json& v, const Where& where, format::Value& out) {
    switch (f.kind) {
      case Kind::Boolean:
        if (!v.is_boolean()) return wrong_type(where, "true or false", v), false;
        out.boolean = v.get<bool>();
        return true;
      case Kind::Integer: return read_integer(f, v, where, out);
      case Kind::Markdown: return read_markdown(f, v, where, out);
      default: break;
    }
    if (!v.is_string()) return wrong_type(where, "a string", v), false;
    const std::string& s = v.get_ref<const std::string&>();
    if (is_blank(s)) return report(Code::EmptyValue, where.pointer(), where.name() + " is empty."), false;
    const size_t limit = f.max > 0 ? static_cast<size_t>(f.max) : limits_.max_text_chars;
    if (const size_t n = s.size() <= limit ? s.size() : code_points(s); n > limit)  // never more characters than bytes
      return report(Code::TooLong, where.pointer(),
                    where.name() + " is " + std::to_string(n) + " characters long; the limit is " + std::to_string(limit) + "."),
             false;
    if (!kind_accepts(f, s, where)) return false;
    out.text = s;
    return true;
  }

  bool read_integer(const Field& f, const json& v, const Where& where, format::Value& out) {
    // JSON Schema's "integer" is a number with no fraction, so 1990.0 is one too.
    const bool whole =
        v.is_number_integer() || (v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>())));
    if (!whole) return wrong_type(where, "a whole number", v), false;
    const double n = v.get<double>();
    if (n < static_cast<double>(f.min) || n > static_cast<double>(f.max))
      return report(Code::InvalidValue, where.pointer(),
                    where.name() + " must be from " + std::to_string(f.min) + " to " + std::to_string(f.max) + "."),
             false;
    out.integer = static_cast<long long>(n);
    return true;
  }

  bool read_markdown(const Field& f, const json& v, const Where& where, format::Value& out) {
    if (!v.is_string()) return wrong_type(where, "a string", v), false;
    const std::string& s = v.get_ref<const std::string&>();
    if (f.required && is_blank(s)) return report(Code::EmptyValue, where.pointer(), where.name() + " is empty."), false;
    if (s.size() > limits_.max_markdown_bytes)
      return report(Code::TooLong, where.pointer(),
                    where.name() + " is " + std::to_string(s.size()) + " bytes of Markdown; the limit is " +
                        std::to_string(limits_.max_markdown_bytes) + " (maxMarkdownBytes)."),
             false;
    out.markdown = MarkdownField{s, where.pointer(), doc_.offset_of_node(v)};
    return true;
  }

  // What a kind asks of a string beyond being non-blank text within its length.
  bool kind_accepts(const Field& f, const std::string& s, const Where& where) {
    switch (f.kind) {
      case Kind::Slug:
        if (is_slug(s)) return true;
        report(Code::InvalidSlug, where.pointer(),
               "\"" + s + "\" is not a valid id: use lowercase letters, digits and '-' (like \"final-shot\").");
        return false;
      case Kind::Lang:
        if (is_language_tag(s)) return true;
        report(Code::InvalidLanguage, where.pointer(), "\"" + s + "\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\".");
        return false;
      case Kind::Date:
      case Kind::PartialDate: {
        const bool partial = f.kind == Kind::PartialDate;
        if (is_iso_date(s, partial)) return true;
        report(Code::InvalidDate, where.pointer(),
               "\"" + s + "\" is not a date in the form " + (partial ? "YYYY, YYYY-MM or " : "") + "YYYY-MM-DD.");
        return false;
      }
      case Kind::Url: return url_accepted(s, where);
      case Kind::ImageUrl:
        if (is_image_url(s)) return url_accepted(s, where);
        report(url_is_safe(s, UrlUse::Link) && (s[0] == '#' || s[0] == '?') ? Code::InvalidUrl : Code::UnsafeUrl, where.pointer(),
               "This is not an image's URL: an image is a path on this site (/media/still.jpg) or an http(s) URL, without control "
               "characters or backslashes.");
        return false;
      case Kind::Timestamp:
        if (timestamp_seconds(s) >= 0) return true;
        report(Code::InvalidValue, where.pointer(),
               where.name() + " must be a time in the form M:SS or H:MM:SS (\"0:45\", \"1:52:10\"), not \"" + s + "\".");
        return false;
      case Kind::YouTubeId:
      case Kind::VimeoId: {
        const bool youtube = f.kind == Kind::YouTubeId;
        if (youtube ? is_youtube_id(s) : is_vimeo_id(s)) return true;
        report(Code::InvalidValue, where.pointer(),
               where.name() +
                   (youtube ? " must be a YouTube video id: the 11 letters, digits, '-' and '_' after v= in its address."
                            : " must be a Vimeo video id: the number in its address.") +
                   " A URL is never accepted here.");
        return false;
      }
      case Kind::Enum: {
        std::vector<std::string_view> values(f.values.begin(), f.values.end());
        if (std::find(values.begin(), values.end(), s) != values.end()) return true;
        std::string list;
        for (size_t i = 0; i < values.size(); ++i)
          list.append(i ? (i + 1 == values.size() ? " or " : ", ") : "").append("\"").append(values[i]).append("\"");
        report(Code::InvalidValue, where.pointer(), where.name() + " must be " + list + ", not \"" + s + "\"." + diags_.suggest(s, values));
        return false;
      }
      default: return true;
    }
  }

  bool url_accepted(const std::string& s, const Where& where) {
    if (!url_is_safe(s, UrlUse::Link)) {
      report(Code::UnsafeUrl, where.pointer(),
             "This URL is not allowed: only http, https, mailto and relative URLs are, without control characters or backslashes.");
      return false;
    }
    if (url_looks_like_host(s))
      report(Code::UrlWithoutScheme, where.pointer(),
             "\"" + s + "\" is a relative URL (a path on this site), but it starts like a host name: did you mean \"https://" + s + "\"?");
    if (!url_is_well_formed(s)) {
      report(Code::InvalidUrl, where.pointer(),
             "This is not a URL: a URL holds no spaces or < > \" { } | ^ ` (percent-encode them), every % starts a %XX "
             "escape, and an http(s) URL names a host (https://example.com/page).");
      return false;
    }
    return true;
  }

  // Ids must be unique: sections and FAQ items share one namespace (both are #anchors), sources
  // have their own. Every "sources" entry must name a source.
  void check_ids(const Article& a) {
    std::map<std::string, std::string> anchors;  // id → where it was first (a pointer)
    // The pointer is built only for a duplicate.
    auto claim = [&](const std::string& id, auto&& pointer) {
      if (id.empty()) return;
      auto [first, inserted] = anchors.try_emplace(id);
      if (inserted) {
        first->second = pointer();
        return;
      }
      report(Code::DuplicateId, pointer(),
             "The id \"" + id + "\" is used twice (first at line " + std::to_string(diags_.line_of(doc_.offset_of(first->second))) + ", " +
                 first->second + "); section and FAQ ids must be unique.");
    };
    walk_sections(a.sections, [&](const Section& s) { claim(s.id, [&] { return s.pointer + "/id"; }); });
    for (size_t i = 0; i < a.faq.size(); ++i)
      claim(a.faq[i].id, [&] {
        std::string p = "/faq/" + std::to_string(i);
        return doc_.value_offsets.count(p + "/id") ? p + "/id" : p;
      });
    std::map<std::string, const Source*> source_ids;
    std::vector<std::string_view> names;
    for (const Source& s : a.sources) {
      if (s.id.empty()) continue;
      auto [first, inserted] = source_ids.try_emplace(s.id, &s);
      if (inserted)
        names.push_back(s.id);
      else
        report(Code::DuplicateId, s.pointer + "/id",
               "Two sources have the id \"" + s.id + "\" (first at line " +
                   std::to_string(diags_.line_of(doc_.offset_of(first->second->pointer + "/id"))) + ", " + first->second->pointer +
                   "); source ids must be unique.");
    }
    // Notes are cited like sources ([^id]): one namespace for both.
    std::map<std::string, const Note*> note_ids;
    for (const Note& n : a.notes) {
      if (n.id.empty()) continue;
      auto source = source_ids.find(n.id);
      auto [first, inserted] = note_ids.try_emplace(n.id, &n);
      if (!inserted || source != source_ids.end()) {
        const std::string& at = inserted ? source->second->pointer : first->second->pointer;
        report(Code::DuplicateId, n.pointer + "/id",
               "The id \"" + n.id + "\" is used twice (first at line " + std::to_string(diags_.line_of(doc_.offset_of(at + "/id"))) + ", " +
                   at + "); notes and sources are both cited with [^id], so their ids must be unique.");
      }
    }
    for (const auto& ref : source_refs_)
      if (!source_ids.count(ref.first))
        report(Code::UnknownSource, ref.second,
               "\"" + ref.first + "\" is not the id of any entry in \"sources\"." + diags_.suggest(ref.first, names));
  }

  template <typename F>
  static void walk_sections(const std::vector<Section>& sections, F&& fn) {
    for (const Section& s : sections) {
      fn(s);
      walk_sections(s.sections, fn);
    }
  }

  const JsonDocument& doc_;
  const Limits& limits_;
  Diagnostics& diags_;
  std::vector<std::pair<std::string, std::string>> source_refs_;  // (id, pointer)
};

}  // namespace

bool is_slug(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
    if (!ok) return false;
  }
  return true;
}

bool is_image_url(std::string_view s) {
  if (s.empty() || s[0] == '#' || s[0] == '?' || !url_is_safe(s, UrlUse::Link)) return false;
  // url_is_safe leaves http(s), mailto and relative URLs: an image is not an address.
  std::string scheme(s.substr(0, std::min<size_t>(s.size(), 7)));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme != "mailto:";
}

long timestamp_seconds(std::string_view s) {
  // M:SS, MM:SS, H:MM:SS or HH:MM:SS: minutes and seconds below 60, hours carry the rest.
  std::vector<std::string_view> parts;
  for (size_t from = 0;;) {
    const size_t colon = s.find(':', from);
    parts.push_back(s.substr(from, colon == std::string_view::npos ? std::string_view::npos : colon - from));
    if (colon == std::string_view::npos) break;
    from = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return -1;
  long total = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    const bool first = i == 0;
    if (part.empty() || part.size() > 2 || (!first && part.size() != 2)) return -1;
    long n = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    if (n > 59 && !(first && parts.size() == 3)) return -1;
    total = total * 60 + n;
  }
  return total;
}

bool is_youtube_id(std::string_view s) {
  if (s.size() != 11) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

bool is_vimeo_id(std::string_view s) {
  if (s.empty() || s.size() > 12 || s[0] == '0') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_iso_date(std::string_view s, bool allow_partial) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return allow_partial;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2)) return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return allow_partial;
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2)) return false;
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = days[month - 1] + (month == 2 && leap ? 1 : 0);
  return day >= 1 && day <= max_day;
}

Article validate_article(const JsonDocument& doc, const Limits& limits, Diagnostics& diags) { return Reader(doc, limits, diags).run(); }

}  // namespace aw
