#include "aw/api.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

#include "aw/escape.hpp"
#include "aw/json_source.hpp"
#include "aw/labels.hpp"
#include "aw/markdown.hpp"
#include "aw/shell.hpp"
#include "aw/spoiler_terms.hpp"
#include "aw/structured_data.hpp"
#include "aw/validate.hpp"

namespace aw {

using nlohmann::json;

ArticleResult render_article_json(std::string_view json_text, const RenderOptions& options, bool want_html) {
  ArticleResult result;
  Diagnostics diags(json_text);
  JsonDocument doc;
  if (parse_json(json_text, options.limits, doc, diags)) {
    Article article = validate_article(doc, options.limits, diags);
    result.kicker = article.kicker;
    result.published = article.published;
    result.updated = article.updated;
    for (const Person& p : article.authors) result.authors.push_back(p.name);
    // Rendering runs even when validation found errors: it finds the Markdown problems too, so
    // the report is complete in one pass.
    result.rendered = render_article(article, options, json_text, diags);
    // Only for a valid article: structured data re-parses Markdown with cmark, and a field that
    // failed a limit (markdown-too-nested: cmark 0.30.2 is quadratic there) must not reach it.
    if (!diags.has_errors()) {
      if (!options.mounting()) result.json_ld = article_json_ld(article, options);
      result.description = article_description(article, options);
      result.hero_image = hero_image_url(article, options);
      result.hero_width = article.hero.width;
      result.hero_height = article.hero.height;
      result.hero_alt_text = article.hero.decorative ? "" : article.hero.alt;
    }
    check_spoiler_terms(article, doc, json_text, result.description, options, diags);
    result.id = article.id;
    result.title = article.title;
    result.lang = article.lang;
    result.spoilers = article.spoiler_level == SpoilerLevel::Major   ? "major"
                      : article.spoiler_level == SpoilerLevel::Minor ? "minor"
                                                                     : "none";
  }
  result.ok = !diags.has_errors();
  result.diagnostics = diags.all();
  if (result.ok && want_html)
    result.html =
        wrap_in_shell({std::move(result.rendered.html), result.title, result.lang, result.rendered.dir, result.description, result.json_ld,
                       result.published, result.updated, std::vector<std::string_view>(result.authors.begin(), result.authors.end()),
                       std::move(result.hero_image), result.hero_width, result.hero_height, result.hero_alt_text},
                      options);
  if (result.ok && want_html && options.mounting()) ascii_html(result.html);
  result.rendered.html.clear();
  return result;
}

RenderOptions parse_render_options(std::string_view options_json, std::vector<Diagnostic>& problems) {
  RenderOptions o;
  if (options_json.empty()) return o;
  auto problem = [&](const std::string& path, std::string message) {
    problems.push_back(Diagnostic{Code::InvalidOption, Severity::Error, path, 0, 1, 1, std::move(message)});
  };
  // A misspelled option is not silently ignored: a warning, with the name it was probably meant as.
  auto unknown = [&](const std::string& path, const char* what, const std::string& key, const std::vector<std::string_view>& names) {
    std::string message = "\"" + key + "\" is not a render " + what + "; it is ignored." + did_you_mean(key, names);
    problems.push_back(Diagnostic{Code::UnknownOption, Severity::Warning, path, 0, 1, 1, std::move(message)});
  };
  json j = parse_json_value(options_json);
  if (j.is_discarded() || !j.is_object()) {
    problem("", "Render options must be a JSON object.");
    return o;
  }
  auto flag = [&](const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (it->is_boolean())
      out = it->get<bool>();
    else
      problem(std::string("/") + key, std::string("The option ") + key + " must be true or false.");
  };
  if (auto it = j.find("idPrefix"); it != j.end() && !it->is_null()) {
    if (it->is_string() && is_valid_id_prefix(it->get_ref<const std::string&>()))
      o.id_prefix = it->get<std::string>();
    else
      problem("/idPrefix", "idPrefix must be 1–32 letters, digits, '-' or '_', starting with a letter.");
  }
  flag("revealSpoilers", o.reveal_spoilers);
  flag("mount", o.mount);
  flag("allowRemoteImages", o.allow_remote_images);
  flag("spoilersInMetadata", o.spoilers_in_metadata);
  auto url_option = [&](const json& obj, const char* key, const std::string& path, std::string& out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (it->is_string() && !it->get_ref<const std::string&>().empty() && url_is_safe(it->get_ref<const std::string&>(), UrlUse::Link) &&
        url_is_well_formed(it->get_ref<const std::string&>()))
      out = it->get<std::string>();
    else
      problem(path, std::string("The option ") + key + " must be an http(s) or relative URL.");
  };
  if (auto it = j.find("imageOrigins"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) problem("/imageOrigins", "The option imageOrigins must be an array of origins (\"https://images.example.com\").");
    for (size_t i = 0; it->is_array() && i < it->size(); ++i) {
      const json& v = (*it)[i];
      std::string origin =
          v.is_string() && url_is_safe(v.get_ref<const std::string&>(), UrlUse::Link) ? url_origin(v.get_ref<const std::string&>()) : "";
      std::string given = v.is_string() ? v.get<std::string>() : "";
      if (!given.empty() && given.back() == '/') given.pop_back();
      std::transform(given.begin(), given.end(), given.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (!origin.empty() && origin == given)
        o.image_origins.push_back(origin);
      else
        problem("/imageOrigins/" + std::to_string(i),
                "An image origin is a scheme, a host and maybe a port, nothing after: \"https://images.example.com\".");
    }
  }
  url_option(j, "canonicalUrl", "/canonicalUrl", o.canonical_url);
  url_option(j, "src", "/src", o.src);
  url_option(j, "stylesheetHref", "/stylesheetHref", o.stylesheet_href);
  url_option(j, "scriptSrc", "/scriptSrc", o.script_src);
  // Subresource Integrity metadata: one "sha256|384|512-" base64 digest.
  auto integrity_option = [&](const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    const std::string* s = it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
    size_t dash = s ? s->find('-') : std::string::npos;
    bool ok = s && (s->rfind("sha256-", 0) == 0 || s->rfind("sha384-", 0) == 0 || s->rfind("sha512-", 0) == 0) && s->size() > dash + 1 &&
              std::all_of(s->begin() + dash + 1, s->end(),
                          [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '='; });
    if (ok)
      out = *s;
    else
      problem(std::string("/") + key,
              std::string("The option ") + key + " must be Subresource Integrity metadata such as \"sha384-…\" (base64).");
  };
  integrity_option("stylesheetIntegrity", o.stylesheet_integrity);
  integrity_option("scriptIntegrity", o.script_integrity);
  if (auto it = j.find("stylesheetText"); it != j.end() && !it->is_null()) {
    if (it->is_string())
      o.stylesheet_text = it->get<std::string>();
    else
      problem("/stylesheetText", "The option stylesheetText must be a string.");
  }
  if (auto it = j.find("shell"); it != j.end() && !it->is_null()) {
    if (it->is_string() && (*it == "none" || *it == "element" || *it == "page"))
      o.shell = it->get<std::string>();
    else
      problem("/shell", "The option shell must be \"none\", \"element\" or \"page\".");
  }
  if (auto it = j.find("dom"); it != j.end() && !it->is_null()) {
    if (it->is_string() && (*it == "shadow" || *it == "light"))
      o.dom = it->get<std::string>();
    else
      problem("/dom", "The option dom must be \"shadow\" or \"light\".");
  }
  if (auto it = j.find("publisher"); it != j.end() && it->is_object()) {
    if (auto n = it->find("name"); n != it->end() && n->is_string()) o.publisher_name = n->get<std::string>();
    url_option(*it, "url", "/publisher/url", o.publisher_url);
    url_option(*it, "logo", "/publisher/logo", o.publisher_logo);
  }
  if (auto it = j.find("labels"); it != j.end() && !it->is_null()) {
    if (!it->is_object())
      problem("/labels", "The option labels must be an object of interface words.");
    else
      for (auto l = it->begin(); l != it->end(); ++l) {
        const auto& keys = label_keys();
        bool known = std::find(keys.begin(), keys.end(), l.key()) != keys.end();
        if (!known)
          problem("/labels/" + pointer_token(l.key()), "\"" + l.key() + "\" is not a label name (see docs/API.md).");
        else if (!l->is_string() || l->get_ref<const std::string&>().size() > 200)
          problem("/labels/" + pointer_token(l.key()), "A label must be a string of at most 200 bytes.");
        else
          o.labels[l.key()] = l->get<std::string>();
      }
  }
  if (auto it = j.find("limits"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) problem("/limits", "The option limits must be an object of limits.");
    struct LimitField {
      const char* key;
      size_t Limits::*field;
      size_t ceiling;
    };
    static constexpr LimitField kLimits[] = {
        {"maxInputBytes", &Limits::max_input_bytes, Limits::kSizeCeiling},
        {"maxDepth", &Limits::max_depth, Limits::kDepthCeiling},
        {"maxItems", &Limits::max_items, Limits::kSizeCeiling},
        {"maxTextChars", &Limits::max_text_chars, Limits::kSizeCeiling},
        {"maxMarkdownBytes", &Limits::max_markdown_bytes, Limits::kSizeCeiling},
        {"maxMarkdownNesting", &Limits::max_markdown_nesting, Limits::kMarkdownNestingCeiling},
        {"maxMarkdownElements", &Limits::max_markdown_elements, Limits::kSizeCeiling},
        {"maxHtmlBytes", &Limits::max_html_bytes, Limits::kSizeCeiling},
    };
    std::vector<std::string_view> names;
    for (const LimitField& f : kLimits) names.emplace_back(f.key);
    for (auto l = it->is_object() ? it->begin() : it->end(); l != it->end(); ++l) {
      const std::string path = "/limits/" + pointer_token(l.key());
      auto f = std::find_if(std::begin(kLimits), std::end(kLimits), [&](const LimitField& f) { return l.key() == f.key; });
      if (f == std::end(kLimits)) {
        unknown(path, "limit", l.key(), names);
      } else if (l->is_number_unsigned() && l->get<unsigned long long>() > 0 && l->get<unsigned long long>() <= f->ceiling) {
        o.limits.*(f->field) = static_cast<size_t>(l->get<unsigned long long>());
      } else {
        problem(path, std::string("The limit ") + f->key + " must be a whole number from 1 to " + std::to_string(f->ceiling) + ".");
      }
    }
  }
  static const std::vector<std::string_view> kOptionNames = {"idPrefix",
                                                             "revealSpoilers",
                                                             "allowRemoteImages",
                                                             "imageOrigins",
                                                             "spoilersInMetadata",
                                                             "canonicalUrl",
                                                             "src",
                                                             "stylesheetHref",
                                                             "scriptSrc",
                                                             "stylesheetText",
                                                             "stylesheetIntegrity",
                                                             "scriptIntegrity",
                                                             "shell",
                                                             "dom",
                                                             "publisher",
                                                             "labels",
                                                             "limits",
                                                             "mount"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(kOptionNames.begin(), kOptionNames.end(), it.key()) == kOptionNames.end())
      unknown("/" + pointer_token(it.key()), "option", it.key(), kOptionNames);
  return o;
}

MarkdownResult render_markdown_checked(std::string_view markdown, const RenderOptions& options) {
  MarkdownResult result;
  Diagnostics diags(markdown);
  if (markdown.size() > options.limits.max_markdown_bytes) {
    diags.report(Code::InputTooLarge, "", 0,
                 "The Markdown is " + std::to_string(markdown.size()) + " bytes; the limit is " +
                     std::to_string(options.limits.max_markdown_bytes) + " (maxMarkdownBytes).");
  } else {
    MarkdownOptions mo;
    mo.id_prefix = options.id_prefix;
    mo.allow_remote_images = options.allow_remote_images;
    mo.image_origins = &options.image_origins;
    mo.max_nesting = options.limits.max_markdown_nesting;
    mo.reveal_spoilers = options.reveal_spoilers;
    if (auto label = options.labels.find("spoiler"); label != options.labels.end()) mo.spoiler_label = label->second;
    UniqueIds used_ids;  // heading ids stay unique within the fragment
    mo.used_ids = &used_ids;
    MarkdownBudget budget{options.limits.max_markdown_elements, options.limits.max_markdown_elements, false};
    mo.budget = &budget;
    mo.report = [&diags](Code code, size_t index, std::string message) { diags.report(code, "", index, std::move(message)); };
    result.html.reserve(markdown.size() / 4 * 5);  // the HTML is 1.0–1.2× its Markdown: one allocation, no regrowth
    render_markdown(result.html, markdown, mo);
    if (options.mount) ascii_html(result.html);
  }
  result.ok = !diags.has_errors();
  result.diagnostics = diags.all();
  return result;
}

namespace {

// The report is written straight to text (no DOM), members in key order like every JSON object
// the widget writes.
void diagnostics_json(std::string& out, const std::vector<Diagnostic>& all, Severity severity) {
  out += '[';
  bool first = true;
  for (const Diagnostic& d : all) {
    if (d.severity != severity) continue;
    out += first ? "{\"code\":" : ",{\"code\":";
    first = false;
    escape_json_string(out, code_name(d.code));
    out.append(",\"column\":").append(std::to_string(d.column)).append(",\"line\":").append(std::to_string(d.line));
    out += ",\"message\":";
    escape_json_string(out, d.message);
    out.append(",\"offset\":").append(std::to_string(d.offset)).append(",\"path\":");
    escape_json_string(out, d.path);
    out += d.severity == Severity::Error ? ",\"severity\":\"error\"}" : ",\"severity\":\"warning\"}";
  }
  out += ']';
}

}  // namespace

std::string result_report_json(const ArticleResult& r, const RenderOptions& options) {
  std::string out = "{\"errors\":";
  diagnostics_json(out, r.diagnostics, Severity::Error);
  json_member(out, ",\"meta\":{\"description\":", r.description);
  json_member(out, ",\"dir\":", r.rendered.dir.empty() ? "ltr" : r.rendered.dir);
  json_member(out, ",\"id\":", r.id);
  json_member(out, ",\"idPrefix\":", options.id_prefix);
  json_member(out, ",\"jsonLd\":", r.json_ld);
  json_member(out, ",\"kicker\":", r.kicker);
  out.append(",\"labels\":").append(shim_labels_json(with_overrides(labels_for(r.lang.empty() ? "en" : r.lang), options.labels)));
  json_member(out, ",\"lang\":", r.lang);
  json_member(out, ",\"published\":", r.published);
  out.append(",\"readingMinutes\":").append(std::to_string(r.rendered.reading_minutes));
  json_member(out, ",\"spoilers\":", r.spoilers);
  json_member(out, ",\"title\":", r.title);
  out += ",\"toc\":[";
  const size_t toc_entries = options.mounting() ? 0 : r.rendered.toc.size();  // page building's
  for (size_t i = 0; i < toc_entries; ++i) {
    const TocEntry& e = r.rendered.toc[i];
    json_member(out, i ? ",{\"anchor\":" : "{\"anchor\":", e.anchor);
    json_member(out, ",\"id\":", e.id);
    out.append(",\"level\":").append(std::to_string(e.level));
    json_member(out, ",\"title\":", e.title);
    out += '}';
  }
  out += r.ok ? "]},\"ok\":true,\"warnings\":" : "]},\"ok\":false,\"warnings\":";
  diagnostics_json(out, r.diagnostics, Severity::Warning);
  out += '}';
  return out;
}

namespace {

bool has_error(const std::vector<Diagnostic>& all) {
  return std::any_of(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string markdown_report_json(bool ok, const std::vector<Diagnostic>& all) {
  std::string out = "{\"errors\":";
  diagnostics_json(out, all, Severity::Error);
  out += ok ? ",\"ok\":true,\"warnings\":" : ",\"ok\":false,\"warnings\":";
  diagnostics_json(out, all, Severity::Warning);
  out += '}';
  return out;
}

}  // namespace

size_t call_input_limit(Entry entry, std::string_view options_json) {
  std::vector<Diagnostic> problems;  // reported by the call itself
  Limits limits = parse_render_options(options_json, problems).limits;
  return entry == Entry::Markdown ? limits.max_markdown_bytes : limits.max_input_bytes;
}

CallOutput call_render(std::string_view json_text, std::string_view options_json, bool want_html) {
  std::vector<Diagnostic> option_problems;
  RenderOptions options = parse_render_options(options_json, option_problems);
  const bool options_ok = !has_error(option_problems);
  ArticleResult result = render_article_json(json_text, options, want_html && options_ok);
  result.diagnostics.insert(result.diagnostics.begin(), option_problems.begin(), option_problems.end());
  if (!options_ok) {
    result.ok = false;
    result.html.clear();
  }
  return {std::move(result.html), result_report_json(result, options)};
}

namespace {

// A call whose result is {ok, html, diagnostics} with the Markdown-style report: options parsed
// first (their errors stop the call), their problems reported before the result's.
template <class Result, class Render>
CallOutput call_fragment(std::string_view options_json, Render render) {
  std::vector<Diagnostic> option_problems;
  RenderOptions options = parse_render_options(options_json, option_problems);
  const bool options_ok = !has_error(option_problems);
  Result result = options_ok ? render(options) : Result{};
  result.diagnostics.insert(result.diagnostics.begin(), option_problems.begin(), option_problems.end());
  return {std::move(result.html), markdown_report_json(options_ok && result.ok, result.diagnostics)};
}

}  // namespace

CallOutput call_render_markdown(std::string_view markdown, std::string_view options_json) {
  return call_fragment<MarkdownResult>(options_json, [&](const RenderOptions& o) { return render_markdown_checked(markdown, o); });
}

CallOutput call_render_index(std::string_view index_json, std::string_view options_json) {
  return call_fragment<IndexResult>(options_json, [&](const RenderOptions& o) { return render_index_page(index_json, o); });
}

CallOutput call_refused(Entry entry, size_t input_bytes, bool out_of_memory, std::string_view options_json) {
  std::vector<Diagnostic> problems;
  RenderOptions options = parse_render_options(options_json, problems);
  const bool article = entry != Entry::Markdown;
  const std::string limit = std::to_string(article ? options.limits.max_input_bytes : options.limits.max_markdown_bytes);
  const std::string n = std::to_string(input_bytes);
  Diagnostic d{Code::InputTooLarge, Severity::Error, "", 0, 1, 1, ""};
  if (out_of_memory) {
    d.code = Code::OutOfMemory;
    d.message = "There is not enough memory to read this input of " + n + " characters; nothing else is affected.";
  } else {
    d.message = std::string(entry == Entry::Article ? "The article"
                            : entry == Entry::Index ? "The index"
                                                    : "The Markdown") +
                " is at least " + n + " bytes; the limit is " + limit + (article ? " (maxInputBytes)." : " (maxMarkdownBytes).");
  }
  problems.push_back(std::move(d));
  if (entry != Entry::Article) return {"", markdown_report_json(false, problems)};
  ArticleResult result;
  result.diagnostics = std::move(problems);
  return {"", result_report_json(result, options)};
}

std::string call_failure_text(std::string_view facts_json) {
  const json facts = parse_json_value(facts_json);
  auto fact = [&](const char* key) -> const json& {
    static const json none;
    return facts.is_object() && facts.contains(key) ? facts[key] : none;
  };
  // The first of the reader's languages the label table has (the article's, then the page's).
  const Labels* labels = &labels_for("en");
  if (fact("lang").is_array())
    for (const json& lang : fact("lang"))
      if (lang.is_string() && has_labels(lang.get_ref<const std::string&>())) {
        labels = &labels_for(lang.get_ref<const std::string&>());
        break;
      }
  const Labels& L = *labels;
  const std::string kind = fact("kind").is_string() ? fact("kind").get<std::string>() : "";
  const int status = fact("status").is_number_integer() ? fact("status").get<int>() : 0;
  bool retry = true;
  size_t shown = 0;
  std::string more;
  std::string message(L.failure_unexpected);
  if (kind == "network")
    message = L.failure_network;
  else if (kind == "timeout")
    message = L.failure_timeout;
  else if (kind == "stylesheet")
    message = L.failure_stylesheet;
  else if (kind == "http") {
    const bool gone = status == 404 || status == 410;  // asking again cannot help
    message = fill(gone ? L.failure_not_found : L.failure_http, "status", std::to_string(status));
    retry = !gone;
  } else if (kind == "invalid") {
    // The article itself is wrong: list the first problems (the console has them all); only
    // json-syntax means "not JSON" (json-too-deep and input-too-large are JSON the limits refuse).
    constexpr size_t kShown = 3;
    const json& codes = fact("codes");
    const size_t n = codes.is_array() ? codes.size() : 0;
    const bool syntax = n > 0 && std::all_of(codes.begin(), codes.end(), [](const json& c) { return c == "json-syntax"; });
    message = syntax   ? std::string(L.failure_not_json)
              : n <= 1 ? std::string(L.failure_invalid_one)
                       : fill(L.failure_invalid_many, "n", std::to_string(n));
    retry = false;
    shown = std::min(n, kShown);
    if (n > kShown) more = fill(L.failure_more, "n", std::to_string(n - kShown));
  }
  // Written as nlohmann's dump() wrote it (keys sorted), without its serializer in the wasm.
  std::string out = "{\"message\":";
  escape_json_string(out, message);
  out += ",\"more\":";
  escape_json_string(out, more);
  out += retry ? ",\"retry\":true,\"retryLabel\":" : ",\"retry\":false,\"retryLabel\":";
  escape_json_string(out, L.try_again);
  out.append(",\"shown\":").append(std::to_string(shown)).append(",\"title\":");
  escape_json_string(out, L.failure_title);
  out += '}';
  return out;
}

}  // namespace aw
