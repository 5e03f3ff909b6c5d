// The article format's tables (include/aw/format.hpp says how they are used). Each field is one
// line: its name, kind, whether it is required, the model member it fills and what it means.
#include "aw/format.hpp"

#include <algorithm>

#include "aw/escape.hpp"
#include "aw/validate.hpp"

namespace aw::format {
namespace {

// ---- Filling the model: one setter per member, chosen by the member's type -----------------------

template <typename M>
struct member;
template <typename C, typename T>
struct member<T C::*> {
  using owner = C;
};
template <auto M>
using owner_t = typename member<decltype(M)>::owner;

void put(std::string& to, Value& v) { to = std::move(v.text); }
void put(MarkdownField& to, Value& v) { to = std::move(v.markdown); }
void put(bool& to, Value& v) { to = v.boolean; }
void put(int& to, Value& v) { to = static_cast<int>(v.integer); }
void put(std::vector<std::string>& to, Value& v) { to.push_back(std::move(v.text)); }
void put(SpoilerLevel& to, Value& v) {
  to = v.text == "major" ? SpoilerLevel::Major : v.text == "minor" ? SpoilerLevel::Minor : SpoilerLevel::None;
}

template <auto M>
void set(void* target, Value& v) {
  put(static_cast<owner_t<M>*>(target)->*M, v);
}
template <auto M, auto Present>
void* present(void* target) {
  auto* owner = static_cast<owner_t<M>*>(target);
  owner->*Present = true;
  return &(owner->*M);
}
template <auto M>
void* append(void* target) {
  auto& list = static_cast<owner_t<M>*>(target)->*M;
  return &list.emplace_back();
}

// ---- Building a table's lines --------------------------------------------------------------------

constexpr bool kRequired = true, kOptional = false;

constexpr Field line(std::string_view name, Kind kind, bool required, const char* doc) {
  Field f{};
  f.name = name;
  f.kind = kind;
  f.required = required;
  f.doc = doc;
  return f;
}

template <auto M>
constexpr Field scalar(std::string_view name, Kind kind, bool required, const char* doc) {
  Field f = line(name, kind, required, doc);
  f.set = &set<M>;
  return f;
}
template <auto M>
constexpr Field one_of(std::string_view name, Span<std::string_view> values, bool required, const char* doc) {
  Field f = scalar<M>(name, Kind::Enum, required, doc);
  f.values = values;
  return f;
}
template <auto M>
constexpr Field integer(std::string_view name, long long min, long long max, const char* doc) {
  Field f = scalar<M>(name, Kind::Integer, kOptional, doc);
  f.min = min;
  f.max = max;
  return f;
}
template <auto M, auto Present>
constexpr Field object(std::string_view name, const Object& table, const char* doc) {
  Field f = line(name, Kind::Object, kOptional, doc);
  f.object = &table;
  f.child = &present<M, Present>;
  return f;
}
template <auto M>
constexpr Field list_of(std::string_view name, const Object& table, bool required, const char* doc, long long max_levels = 0) {
  Field f = line(name, Kind::List, required, doc);
  f.object = &table;
  f.child = &append<M>;
  f.max = max_levels;
  return f;
}
template <auto M>
constexpr Field list_of(std::string_view name, const Field& item, bool required, const char* doc) {
  Field f = line(name, Kind::List, required, doc);
  f.item = &item;
  f.set = &set<M>;
  return f;
}
// An object whose fields fill its parent's struct (`child` returns where they go).
constexpr Field in_place(std::string_view name, const Object& table, Child child, const char* doc) {
  Field f = line(name, Kind::Object, kOptional, doc);
  f.object = &table;
  f.child = child;
  return f;
}
constexpr Field element(Kind kind, const char* noun, long long max_chars = 0, bool names_source = false) {
  Field f = line("", kind, kRequired, "");
  f.noun = noun;
  f.max = max_chars;
  f.names_source = names_source;
  return f;
}

// ---- What a table cannot say ----------------------------------------------------------------------

void finish_article(Reporter& r, void* target, const Place&) {
  const Article& a = *static_cast<Article*>(target);
  if (!a.published.empty() && !a.updated.empty() && a.updated < a.published)
    r.report(Code::DateOrder, "/updated", "\"updated\" (" + a.updated + ") is before \"published\" (" + a.published + ").");
}

void finish_source(Reporter&, void* target, const Place& place) {
  Source& s = *static_cast<Source*>(target);
  s.pointer = place.pointer;
  s.offset = place.offset;
}

void finish_section(Reporter&, void* target, const Place& place) {
  Section& s = *static_cast<Section*>(target);
  s.pointer = place.pointer;
  s.level = place.depth;
}

// An item without an id gets the slug of its question; a gated question's own words must not reach
// its id (an attribute the page carries), so a gated item with a safe question takes that one's.
void finish_faq_item(Reporter&, void* target, const Place& place) {
  FaqItem& item = *static_cast<FaqItem*>(target);
  if (!item.id.empty() || place.node.contains("id")) return;
  item.id = slugify(item.spoiler && !item.safe_question.empty() ? item.safe_question : item.question);
  if (item.id.empty() || !is_slug(item.id)) item.id = "question-" + std::to_string(place.index + 1);
  if (item.id.size() > 100) item.id.resize(100);
  while (!item.id.empty() && item.id.back() == '-') item.id.pop_back();
}

// The spoiler settings sit in the article struct: their table fills the article itself.
void* spoiler_settings(void* article) { return article; }

}  // namespace

// ---- The tables ---------------------------------------------------------------------------------

extern const Object kPerson, kSubject, kSpoilers, kQuickAnswer, kSource, kSection, kFaqItem, kRelatedLink, kArticle;

constexpr std::string_view kDirections[] = {"ltr", "rtl"};
constexpr std::string_view kSubjectKinds[] = {"film", "series", "book", "game", "album", "other"};
constexpr std::string_view kSpoilerLevels[] = {"none", "minor", "major"};

const Field kPersonFields[] = {
    scalar<&Person::name>("name", Kind::Text, kRequired, AW_DOC("The person's name as shown in the byline.")),
    scalar<&Person::role>("role", Kind::Text, kOptional, AW_DOC("Role shown after the name (\"Staff Writer\").")),
    scalar<&Person::url>("url", Kind::Url, kOptional, AW_DOC("Link for the name (profile page, mailto:).")),
};
const Object kPerson{"person", "ArticlePerson", "a person", AW_DOC("An author or reviewer."), kPersonFields};

const Field kSubjectFields[] = {
    scalar<&Subject::title>("title", Kind::Text, kRequired, AW_DOC("Title of the work.")),
    integer<&Subject::year>("year", 1000, 9999, AW_DOC("Year of release or publication (four digits).")),
    one_of<&Subject::kind>("kind", kSubjectKinds, kOptional, AW_DOC("Kind of work.")),
};
const Object kSubject{"subject", "ArticleSubject", "a subject", AW_DOC("What the article is about."), kSubjectFields};

constexpr Field kSpoilerTerm = element(Kind::Text, "a spoiler term", 100);
const Field kSpoilersFields[] = {
    one_of<&Article::spoiler_level>("level", kSpoilerLevels, kRequired, AW_DOC("How strongly the article spoils its subject.")),
    scalar<&Article::spoiler_warning>("warning", Kind::Text, kOptional,
                                      AW_DOC("Warning text; a default in the article's language naming the subject is used when absent.")),
    list_of<&Article::spoiler_terms>("terms", kSpoilerTerm, kOptional,
                                     AW_DOC("Words and phrases that are spoilers (\"married\", \"five years later\"), at most 100 characters "
                                            "each: validate warns (spoiler-term-ungated) at each one found in a text readers see "
                                            "before any reveal.")),
};
// The spoiler settings fill the article itself (they have no struct of their own).
const Object kSpoilers{"spoilers", "ArticleSpoilers", "the spoiler settings",
                       AW_DOC("Spoiler settings. When the level is not \"none\", every part marked \"spoiler\": true (quick answer, "
                              "section, sub-section, FAQ item) is gated until the reader reveals it; a sub-section of a gated "
                              "section is gated with it."),
                       kSpoilersFields};

const Field kQuickAnswerFields[] = {
    scalar<&QuickAnswer::question>("question", Kind::Text, kRequired, AW_DOC("The question the box answers.")),
    scalar<&QuickAnswer::answer>("answer", Kind::Markdown, kRequired, AW_DOC("Short Markdown answer.")),
    scalar<&QuickAnswer::spoiler>("spoiler", Kind::Boolean, kOptional, AW_DOC("Gated content (see spoilers).")),
};
const Object kQuickAnswer{"quickAnswer", "ArticleQuickAnswer", "the quick answer", AW_DOC("The quick-answer box."), kQuickAnswerFields};

const Field kSourceFields[] = {
    scalar<&Source::id>("id", Kind::Slug, kRequired, AW_DOC("What [^id] and section `sources` lists refer to. Unique.")),
    scalar<&Source::label>("label", Kind::Text, kRequired,
                           AW_DOC("How the \"Drawing on …\" line names it: \"Owen Gleiberman's Variety review (Venice)\".")),
    scalar<&Source::author>("author", Kind::Text, kOptional, AW_DOC("Author of the cited work.")),
    scalar<&Source::title>("title", Kind::Text, kRequired, AW_DOC("Title of the cited work.")),
    scalar<&Source::publisher>("publisher", Kind::Text, kOptional, AW_DOC("Outlet.")),
    scalar<&Source::date>("date", Kind::PartialDate, kOptional, AW_DOC("When it was published: YYYY-MM-DD, YYYY-MM or YYYY.")),
    scalar<&Source::url>("url", Kind::Url, kOptional, AW_DOC("Where to read it.")),
};
const Object kSource{"source", "ArticleSource", "a source", AW_DOC("A cited work."), kSourceFields, &finish_source};

constexpr Field kSourceReference = element(Kind::Slug, "a source id", 0, true);
const Field kSectionFields[] = {
    scalar<&Section::id>("id", Kind::Slug, kRequired, AW_DOC("Unique across all sections, sub-sections and FAQ items; the anchor (#id).")),
    scalar<&Section::heading>("heading", Kind::Text, kRequired, AW_DOC("The section heading.")),
    scalar<&Section::safe_heading>("safeHeading", Kind::Text, kOptional,
                                   AW_DOC("For a gated section: a spoiler-free heading shown on the page and in Contents until the "
                                          "reader reveals the section.")),
    scalar<&Section::body>("body", Kind::Markdown, kOptional, AW_DOC("The section text, shown before its sub-sections.")),
    scalar<&Section::spoiler>("spoiler", Kind::Boolean, kOptional, AW_DOC("Gated content (see spoilers); its sub-sections are gated with it.")),
    list_of<&Section::sources>("sources", kSourceReference, kOptional,
                               AW_DOC("Ids of the sources this section draws on, rendered as \"Drawing on A, B, and C.\" under the "
                                      "heading.")),
    list_of<&Section::sections>("sections", kSection, kOptional,
                                AW_DOC("Sub-sections, the same shape, at most 4 levels deep in all (h2–h5)."), 4),
    scalar<&Section::conclusion>("conclusion", Kind::Markdown, kOptional, AW_DOC("Closing text of the section, shown after its sub-sections.")),
};
const Object kSection{"section", "ArticleSection", "a section", AW_DOC("A part of the article under its own heading."), kSectionFields,
                      &finish_section};

const Field kFaqItemFields[] = {
    scalar<&FaqItem::id>("id", Kind::Slug, kOptional,
                         AW_DOC("Anchor of the item; defaults to a slug of the question. A link to #id opens the item.")),
    scalar<&FaqItem::question>("question", Kind::Text, kRequired, AW_DOC("The question.")),
    scalar<&FaqItem::safe_question>("safeQuestion", Kind::Text, kOptional,
                                    AW_DOC("For a gated item: a spoiler-free question shown until the reader reveals the answer; the "
                                           "default id is its slug.")),
    scalar<&FaqItem::answer>("answer", Kind::Markdown, kRequired, AW_DOC("The answer, shown when the item is opened.")),
    scalar<&FaqItem::spoiler>("spoiler", Kind::Boolean, kOptional, AW_DOC("Gated content (see spoilers).")),
};
const Object kFaqItem{"faqItem", "ArticleFaqItem", "an FAQ item", AW_DOC("A \"Frequently Asked\" item."), kFaqItemFields, &finish_faq_item};

const Field kRelatedLinkFields[] = {
    scalar<&RelatedLink::label>("label", Kind::Text, kOptional,
                                AW_DOC("Label above the card; defaults to \"Continue reading\" in the article's language.")),
    scalar<&RelatedLink::title>("title", Kind::Text, kRequired, AW_DOC("Title of the linked page.")),
    scalar<&RelatedLink::summary>("summary", Kind::Text, kOptional, AW_DOC("One-line summary of the linked page.")),
    scalar<&RelatedLink::url>("url", Kind::Url, kRequired, AW_DOC("Where the card links to.")),
    scalar<&RelatedLink::cta>("cta", Kind::Text, kOptional, AW_DOC("Call to action; defaults to \"Open\" in the article's language.")),
};
const Object kRelatedLink{"relatedLink", "ArticleRelatedLink", "a related link", AW_DOC("A \"Continue reading\" card."), kRelatedLinkFields};

const Field kArticleFields[] = {
    scalar<&Article::id>("id", Kind::Slug, kRequired, AW_DOC("Stable article id. Used for the persisted spoiler choice.")),
    scalar<&Article::lang>("lang", Kind::Lang, kRequired,
                           AW_DOC("Language of the text (en, es, fr, de, pt-BR…). Picks labels and date format.")),
    one_of<&Article::dir>("dir", kDirections, kOptional, AW_DOC("Text direction; default from the language (ar, he, fa, ur are rtl).")),
    scalar<&Article::kicker>("kicker", Kind::Text, kOptional, AW_DOC("Small label above the title (\"Ending Explained\").")),
    scalar<&Article::title>("title", Kind::Text, kRequired, AW_DOC("The headline.")),
    scalar<&Article::dek>("dek", Kind::Text, kOptional, AW_DOC("One-sentence summary under the title.")),
    object<&Article::subject, &Article::has_subject>("subject", kSubject, AW_DOC("What the article is about.")),
    list_of<&Article::authors>("authors", kPerson, kRequired, AW_DOC("The authors (at least one).")),
    list_of<&Article::reviewers>("reviewers", kPerson, kOptional, AW_DOC("Reviewers; the same shape as authors.")),
    scalar<&Article::published>("published", Kind::Date, kRequired, AW_DOC("Publication date.")),
    scalar<&Article::updated>("updated", Kind::Date, kOptional, AW_DOC("Last update, not before `published`.")),
    integer<&Article::reading_minutes>("readingMinutes", 1, 600,
                                       AW_DOC("Reading time in minutes; computed from the word count (230 words/min) when absent.")),
    in_place("spoilers", kSpoilers, &spoiler_settings,
             AW_DOC("Whether and how strongly the article spoils its subject. Absent: the article spoils nothing.")),
    object<&Article::quick_answer, &Article::has_quick_answer>("quickAnswer", kQuickAnswer,
                                                               AW_DOC("Quick-answer box: a question and a short Markdown answer.")),
    list_of<&Article::sources>("sources", kSource, kOptional,
                               AW_DOC("The cited works. Markdown cites them with [^id]; sections list them in `sources`.")),
    list_of<&Article::sections>("sections", kSection, kRequired, AW_DOC("The body (at least one section).")),
    list_of<&Article::faq>("faq", kFaqItem, kOptional, AW_DOC("\"Frequently Asked\" items.")),
    list_of<&Article::related>("related", kRelatedLink, kOptional, AW_DOC("\"Continue reading\" cards.")),
};
const Object kArticle{"article", "ArticleJSON", "an article", AW_DOC("One article."), kArticleFields, &finish_article};

const Object& article() { return kArticle; }

std::vector<const Object*> all_objects() {
  std::vector<const Object*> out{&kArticle};
  for (size_t i = 0; i < out.size(); ++i)
    for (const Field& f : out[i]->fields)
      if (f.object && std::find(out.begin(), out.end(), f.object) == out.end()) out.push_back(f.object);
  return out;
}

const Field* find_field(const Object& object, std::string_view name) {
  for (const Field& f : object.fields)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace aw::format
