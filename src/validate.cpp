#include "aw/validate.hpp"

#include <cctype>
#include <initializer_list>
#include <map>
#include <set>

#include "aw/escape.hpp"

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

class Validator;

// One JSON object being read: typed getters that report what is wrong and return a usable
// default, so validation always continues and every problem is reported in one pass.
class Fields {
 public:
  // `pointer` (the object's JSON Pointer) must outlive the Fields: a literal or the caller's local.
  Fields(Validator& v, const json& obj, std::string_view pointer, std::initializer_list<std::string_view> known);

  std::string text(std::string_view key, bool required);
  std::string slug(std::string_view key, bool required);
  std::string date(std::string_view key, bool required, bool allow_partial = false);
  std::string url(std::string_view key, bool required);
  bool boolean(std::string_view key);
  MarkdownField markdown(std::string_view key, bool required);
  // The array at key (nullptr when absent or wrong); reports type, emptiness and length.
  const json* array(std::string_view key, bool required);
  const json* object(std::string_view key, bool required);
  const json* raw(std::string_view key) const;
  std::string pointer(std::string_view key) const { return std::string(pointer_).append("/").append(pointer_token(key)); }

 private:
  const json* typed(std::string_view key, bool required, json::value_t type, const char* wanted);
  Validator& v_;
  const json& obj_;
  std::string_view pointer_;
};

class Validator {
 public:
  Validator(const JsonDocument& doc, const Limits& limits, Diagnostics& diags)
      : doc_(doc), limits_(limits), diags_(diags) {}

  void report(Code code, const std::string& pointer, std::string message) {
    diags_.report(code, pointer, doc_.offset_of(pointer), std::move(message));
  }
  void report_at_key(Code code, const std::string& pointer, std::string message) {
    diags_.report(code, pointer, doc_.key_offset_of(pointer), std::move(message));
  }
  size_t offset_of(const json& value) const { return doc_.offset_of_node(value); }
  std::string suggest(std::string_view word, const std::vector<std::string_view>& names) { return diags_.suggest(word, names); }
  const Limits& limits() const { return limits_; }

  Article run() {
    Article a;
    const json& root = doc_.root;
    if (!root.is_object()) {
      report(Code::WrongType, "", std::string("An article must be a JSON object, not ") + type_name(root) + ".");
      return a;
    }
    Fields f(*this, root, "",
             {"id", "lang", "dir", "kicker", "title", "dek", "subject", "authors", "reviewers", "published",
              "updated", "readingMinutes", "spoilers", "quickAnswer", "sources", "sections", "faq", "related"});
    a.id = f.slug("id", true);
    a.lang = f.text("lang", true);
    if (!a.lang.empty() && !is_language_tag(a.lang)) {
      report(Code::InvalidLanguage, "/lang", "\"" + a.lang + "\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\".");
      a.lang = "en";
    }
    if (a.lang.empty()) a.lang = "en";
    a.dir = f.text("dir", false);
    if (!a.dir.empty() && a.dir != "ltr" && a.dir != "rtl") {
      report(Code::InvalidValue, "/dir", "\"dir\" must be \"ltr\" or \"rtl\"." + diags_.suggest(a.dir, {"ltr", "rtl"}));
      a.dir.clear();
    }
    a.kicker = f.text("kicker", false);
    a.title = f.text("title", true);
    a.dek = f.text("dek", false);
    if (const json* s = f.object("subject", false)) read_subject(*s, a);
    read_people(f, "authors", true, a.authors);
    read_people(f, "reviewers", false, a.reviewers);
    a.published = f.date("published", true);
    a.updated = f.date("updated", false);
    if (!a.published.empty() && !a.updated.empty() && a.updated < a.published)
      report(Code::DateOrder, "/updated", "\"updated\" (" + a.updated + ") is before \"published\" (" + a.published + ").");
    if (const json* m = f.raw("readingMinutes")) {
      if (!m->is_number_integer()) {
        report(Code::WrongType, "/readingMinutes", std::string("\"readingMinutes\" must be a whole number, not ") + type_name(*m) + ".");
      } else if (m->get<long long>() < 1 || m->get<long long>() > 600) {
        report(Code::InvalidValue, "/readingMinutes", "\"readingMinutes\" must be between 1 and 600.");
      } else {
        a.reading_minutes = static_cast<int>(m->get<long long>());
      }
    }
    if (const json* s = f.object("spoilers", false)) read_spoilers(*s, a);
    if (const json* q = f.object("quickAnswer", false)) {
      Fields qf(*this, *q, "/quickAnswer", {"question", "answer", "spoiler"});
      a.has_quick_answer = true;
      a.quick_answer.question = qf.text("question", true);
      a.quick_answer.answer = qf.markdown("answer", true);
      a.quick_answer.spoiler = qf.boolean("spoiler");
    }
    read_sources(f, a);
    read_sections(f, "/sections", 1, true, a.sections);
    read_faq(f, a);
    read_related(f, a);
    check_ids(a);
    return a;
  }

 private:
  static bool is_language_tag(std::string_view s) {
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

  void read_subject(const json& s, Article& a) {
    Fields sf(*this, s, "/subject", {"title", "year", "kind"});
    a.has_subject = true;
    a.subject.title = sf.text("title", true);
    a.subject.kind = sf.text("kind", false);
    static const std::set<std::string> kinds = {"film", "series", "book", "game", "album", "other"};
    if (!a.subject.kind.empty() && !kinds.count(a.subject.kind))
      report(Code::InvalidValue, "/subject/kind",
             "\"kind\" must be one of film, series, book, game, album, other." +
                 diags_.suggest(a.subject.kind, {"film", "series", "book", "game", "album", "other"}));
    if (const json* y = sf.raw("year")) {
      if (!y->is_number_integer()) report(Code::WrongType, "/subject/year", std::string("\"year\" must be a whole number, not ") + type_name(*y) + ".");
      else if (y->get<long long>() < 1000 || y->get<long long>() > 9999) report(Code::InvalidValue, "/subject/year", "\"year\" must be a four-digit year.");
      else a.subject.year = static_cast<int>(y->get<long long>());
    }
  }

  void read_people(Fields& f, std::string_view key, bool required, std::vector<Person>& out) {
    const json* arr = f.array(key, required);
    if (!arr) return;
    std::string base = f.pointer(key);
    out.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string p = base + "/" + std::to_string(i);
      if (!(*arr)[i].is_object()) {
        report(Code::WrongType, p, std::string("A person must be an object with a \"name\", not ") + type_name((*arr)[i]) + ".");
        continue;
      }
      Fields pf(*this, (*arr)[i], p, {"name", "role", "url"});
      Person person;
      person.name = pf.text("name", true);
      person.role = pf.text("role", false);
      person.url = pf.url("url", false);
      out.push_back(std::move(person));
    }
  }

  void read_spoilers(const json& s, Article& a) {
    Fields sf(*this, s, "/spoilers", {"level", "warning", "terms"});
    std::string level = sf.text("level", true);
    if (level == "minor") a.spoiler_level = SpoilerLevel::Minor;
    else if (level == "major") a.spoiler_level = SpoilerLevel::Major;
    else if (!level.empty() && level != "none")
      report(Code::InvalidValue, "/spoilers/level",
             "\"level\" must be \"none\", \"minor\" or \"major\", not \"" + level + "\"." + diags_.suggest(level, {"none", "minor", "major"}));
    a.spoiler_warning = sf.text("warning", false);
    if (const json* terms = sf.array("terms", false)) {
      for (size_t i = 0; i < terms->size(); ++i) {
        const std::string p = "/spoilers/terms/" + std::to_string(i);
        const json& t = (*terms)[i];
        if (!t.is_string()) report(Code::WrongType, p, std::string("A spoiler term must be a string, not ") + type_name(t) + ".");
        else if (is_blank(t.get_ref<const std::string&>())) report(Code::EmptyValue, p, "A spoiler term is empty.");
        else if (code_points(t.get_ref<const std::string&>()) > 100) report(Code::TooLong, p, "A spoiler term is at most 100 characters.");
        else a.spoiler_terms.push_back(t.get<std::string>());
      }
    }
  }

  void read_sources(Fields& f, Article& a) {
    const json* arr = f.array("sources", false);
    if (!arr) return;
    a.sources.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string p = "/sources/" + std::to_string(i);
      if (!(*arr)[i].is_object()) {
        report(Code::WrongType, p, std::string("A source must be an object, not ") + type_name((*arr)[i]) + ".");
        continue;
      }
      Fields sf(*this, (*arr)[i], p, {"id", "label", "author", "title", "publisher", "date", "url"});
      Source s;
      s.pointer = p;
      s.offset = offset_of((*arr)[i]);
      s.id = sf.slug("id", true);
      s.label = sf.text("label", true);
      s.author = sf.text("author", false);
      s.title = sf.text("title", true);
      s.publisher = sf.text("publisher", false);
      s.date = sf.date("date", false, true);
      s.url = sf.url("url", false);
      a.sources.push_back(std::move(s));
    }
  }

  void read_sections(Fields& f, const std::string& pointer, int level, bool required, std::vector<Section>& out) {
    const json* arr = f.array("sections", required);
    if (!arr) return;
    if (level > 4) {
      report(Code::SectionsTooDeep, pointer, "Sub-sections nest at most 4 levels deep (h2–h5).");
      return;
    }
    out.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string p = pointer + "/" + std::to_string(i);
      if (!(*arr)[i].is_object()) {
        report(Code::WrongType, p, std::string("A section must be an object, not ") + type_name((*arr)[i]) + ".");
        continue;
      }
      Fields sf(*this, (*arr)[i], p, {"id", "heading", "safeHeading", "body", "spoiler", "sources", "sections", "conclusion"});
      Section s;
      s.pointer = p;
      s.level = level;
      s.id = sf.slug("id", true);
      s.heading = sf.text("heading", true);
      s.safe_heading = sf.text("safeHeading", false);
      s.body = sf.markdown("body", false);
      s.spoiler = sf.boolean("spoiler");
      if (const json* src = sf.array("sources", false)) {
        for (size_t k = 0; k < src->size(); ++k) {
          std::string sp = p + "/sources/" + std::to_string(k);
          if (!(*src)[k].is_string()) {
            report(Code::WrongType, sp, std::string("A source reference must be a source id (a string), not ") + type_name((*src)[k]) + ".");
            continue;
          }
          s.sources.push_back((*src)[k].get<std::string>());
          source_refs_.push_back({s.sources.back(), sp});
        }
      }
      read_sections(sf, p + "/sections", level + 1, false, s.sections);
      s.conclusion = sf.markdown("conclusion", false);
      out.push_back(std::move(s));
    }
  }

  void read_faq(Fields& f, Article& a) {
    const json* arr = f.array("faq", false);
    if (!arr) return;
    a.faq.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string p = "/faq/" + std::to_string(i);
      if (!(*arr)[i].is_object()) {
        report(Code::WrongType, p, std::string("An FAQ item must be an object, not ") + type_name((*arr)[i]) + ".");
        continue;
      }
      Fields qf(*this, (*arr)[i], p, {"id", "question", "safeQuestion", "answer", "spoiler"});
      FaqItem item;
      item.id = qf.slug("id", false);
      item.question = qf.text("question", true);
      item.safe_question = qf.text("safeQuestion", false);
      item.answer = qf.markdown("answer", true);
      item.spoiler = qf.boolean("spoiler");
      if (item.id.empty() && !qf.raw("id")) {
        // A gated question's own words must not reach its id (an attribute the page carries).
        item.id = slugify(item.spoiler && !item.safe_question.empty() ? item.safe_question : item.question);
        if (item.id.empty() || !is_slug(item.id)) item.id = "question-" + std::to_string(i + 1);
        if (item.id.size() > 100) item.id.resize(100);
        while (!item.id.empty() && item.id.back() == '-') item.id.pop_back();
      }
      a.faq.push_back(std::move(item));
    }
  }

  void read_related(Fields& f, Article& a) {
    const json* arr = f.array("related", false);
    if (!arr) return;
    a.related.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string p = "/related/" + std::to_string(i);
      if (!(*arr)[i].is_object()) {
        report(Code::WrongType, p, std::string("A related link must be an object, not ") + type_name((*arr)[i]) + ".");
        continue;
      }
      Fields rf(*this, (*arr)[i], p, {"label", "title", "summary", "url", "cta"});
      RelatedLink link;
      link.label = rf.text("label", false);
      link.title = rf.text("title", true);
      link.summary = rf.text("summary", false);
      link.url = rf.url("url", true);
      link.cta = rf.text("cta", false);
      a.related.push_back(std::move(link));
    }
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
             "The id \"" + id + "\" is used twice (first at line " + std::to_string(diags_.line_of(doc_.offset_of(first->second))) +
                 ", " + first->second + "); section and FAQ ids must be unique.");
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
      if (inserted) names.push_back(s.id);
      else
        report(Code::DuplicateId, s.pointer + "/id",
               "Two sources have the id \"" + s.id + "\" (first at line " +
                   std::to_string(diags_.line_of(doc_.offset_of(first->second->pointer + "/id"))) + ", " + first->second->pointer +
                   "); source ids must be unique.");
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

Fields::Fields(Validator& v, const json& obj, std::string_view pointer, std::initializer_list<std::string_view> known)
    : v_(v), obj_(obj), pointer_(pointer) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    bool ok = key.rfind("x-", 0) == 0 || key.rfind('$', 0) == 0;
    for (std::string_view k : known) ok = ok || k == key;
    if (!ok)
      v_.report_at_key(Code::UnknownField, this->pointer(key),
                       "\"" + key + "\" is not a field of this object; it is ignored." + v_.suggest(key, std::vector<std::string_view>(known)));
  }
}

const json* Fields::raw(std::string_view key) const {
  auto it = obj_.find(key);
  return it == obj_.end() ? nullptr : &*it;
}

const json* Fields::typed(std::string_view key, bool required, json::value_t type, const char* wanted) {
  const json* v = raw(key);
  if (!v) {
    if (required) v_.report(Code::MissingField, pointer(key), "The required field \"" + std::string(key) + "\" is missing.");
    return nullptr;
  }
  if (v->type() != type) {
    v_.report(Code::WrongType, pointer(key), "\"" + std::string(key) + "\" must be " + wanted + ", not " + type_name(*v) + ".");
    return nullptr;
  }
  return v;
}

std::string Fields::text(std::string_view key, bool required) {
  const json* v = typed(key, required, json::value_t::string, "a string");
  if (!v) return {};
  const std::string& s = v->get_ref<const std::string&>();
  if (is_blank(s)) {
    v_.report(Code::EmptyValue, pointer(key), "\"" + std::string(key) + "\" is empty.");
    return {};
  }
  if (code_points(s) > v_.limits().max_text_chars) {
    v_.report(Code::TooLong, pointer(key), "\"" + std::string(key) + "\" is " + std::to_string(code_points(s)) +
                                               " characters long; the limit is " + std::to_string(v_.limits().max_text_chars) + ".");
    return {};
  }
  return s;
}

std::string Fields::slug(std::string_view key, bool required) {
  std::string s = text(key, required);
  if (!s.empty() && !is_slug(s)) {
    v_.report(Code::InvalidSlug, pointer(key), "\"" + s + "\" is not a valid id: use lowercase letters, digits and '-' (like \"final-shot\").");
    return {};
  }
  return s;
}

std::string Fields::date(std::string_view key, bool required, bool allow_partial) {
  std::string s = text(key, required);
  if (!s.empty() && !is_iso_date(s, allow_partial)) {
    v_.report(Code::InvalidDate, pointer(key), "\"" + s + "\" is not a date in the form " + (allow_partial ? "YYYY, YYYY-MM or " : "") + "YYYY-MM-DD.");
    return {};
  }
  return s;
}

std::string Fields::url(std::string_view key, bool required) {
  std::string s = text(key, required);
  if (!s.empty() && !url_is_safe(s, UrlUse::Link)) {
    v_.report(Code::UnsafeUrl, pointer(key), "This URL is not allowed: only http, https, mailto and relative URLs are, without control characters or backslashes.");
    return {};
  }
  if (!s.empty() && url_looks_like_host(s)) {
    v_.report(Code::UrlWithoutScheme, pointer(key),
              "\"" + s + "\" is a relative URL (a path on this site), but it starts like a host name: did you mean \"https://" + s + "\"?");
  }
  if (!s.empty() && !url_is_well_formed(s)) {
    v_.report(Code::InvalidUrl, pointer(key),
              "This is not a URL: a URL holds no spaces or < > \" { } | ^ ` (percent-encode them), every % starts a %XX "
              "escape, and an http(s) URL names a host (https://example.com/page).");
    return {};
  }
  return s;
}

bool Fields::boolean(std::string_view key) {
  const json* v = typed(key, false, json::value_t::boolean, "true or false");
  return v && v->get<bool>();
}

MarkdownField Fields::markdown(std::string_view key, bool required) {
  MarkdownField m;
  const json* v = typed(key, required, json::value_t::string, "a string");
  if (!v) return m;
  m.pointer = pointer(key);
  m.offset = v_.offset_of(*v);
  const std::string& s = v->get_ref<const std::string&>();
  if (required && is_blank(s)) {
    v_.report(Code::EmptyValue, m.pointer, "\"" + std::string(key) + "\" is empty.");
    return m;
  }
  if (s.size() > v_.limits().max_markdown_bytes) {
    v_.report(Code::TooLong, m.pointer, "\"" + std::string(key) + "\" is " + std::to_string(s.size()) +
                                            " bytes of Markdown; the limit is " + std::to_string(v_.limits().max_markdown_bytes) + " (maxMarkdownBytes).");
    return m;
  }
  m.text = s;
  return m;
}

const json* Fields::array(std::string_view key, bool required) {
  const json* v = typed(key, required, json::value_t::array, "an array");
  if (!v) return nullptr;
  if (required && v->empty()) {
    v_.report(Code::EmptyValue, pointer(key), "\"" + std::string(key) + "\" needs at least one entry.");
    return nullptr;
  }
  if (v->size() > v_.limits().max_items) {
    v_.report(Code::TooMany, pointer(key), "\"" + std::string(key) + "\" has " + std::to_string(v->size()) +
                                               " entries; the limit is " + std::to_string(v_.limits().max_items) + " (maxItems).");
    return nullptr;
  }
  return v;
}

const json* Fields::object(std::string_view key, bool required) {
  return typed(key, required, json::value_t::object, "an object");
}

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

Article validate_article(const JsonDocument& doc, const Limits& limits, Diagnostics& diags) {
  return Validator(doc, limits, diags).run();
}

}  // namespace aw
