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
constexpr Field integer(std::string_view name, long long min, long long max, const char* doc, bool required = kOptional) {
  Field f = scalar<M>(name, Kind::Integer, required, doc);
  f.min = min;
  f.max = max;
  return f;
}
template <auto M>
constexpr Field text(std::string_view name, long long max_chars, const char* doc) {
  Field f = scalar<M>(name, Kind::Text, kOptional, doc);
  f.max = max_chars;
  return f;
}
// Required unless the Boolean field `flag` is true, and then absent.
template <auto M>
constexpr Field unless(std::string_view name, Kind kind, std::string_view flag, const char* doc) {
  Field f = scalar<M>(name, kind, kOptional, doc);
  f.unless = flag;
  return f;
}
template <auto M>
constexpr Field source_id(std::string_view name, const char* doc) {
  Field f = scalar<M>(name, Kind::Slug, kOptional, doc);
  f.names_source = true;
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

template <typename T>
void finish_located(Reporter&, void* target, const Place& place) {
  static_cast<T*>(target)->pointer = place.pointer;
}

// An image (or one of its sources) remembers where its src is: whether it may load is decided
// while rendering (the render options' image origins).
template <typename T>
void finish_image(Reporter&, void* target, const Place& place) {
  T& image = *static_cast<T*>(target);
  image.pointer = place.pointer;
  image.offset = place.doc.offset_of(place.pointer + "/src");
}

void finish_note(Reporter&, void* target, const Place& place) {
  Note& n = *static_cast<Note*>(target);
  n.pointer = place.pointer;
  n.offset = place.offset;
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

extern const Object kPerson, kSubject, kSpoilers, kQuickAnswer, kSource, kNote, kImageSource, kImage, kPoster, kQuote, kVideo, kMedia,
    kSection, kFaqItem, kRelatedLink, kArticle;

constexpr std::string_view kDirections[] = {"ltr", "rtl"};
constexpr std::string_view kSubjectKinds[] = {"film", "series", "book", "game", "album", "other"};
constexpr std::string_view kSpoilerLevels[] = {"none", "minor", "major"};
constexpr std::string_view kQuoteStyles[] = {"block", "pull"};
constexpr std::string_view kMediaKinds[] = {"figure", "video", "quote"};
constexpr long long kMaxPixels = 10000;

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
    list_of<&Article::spoiler_terms>(
        "terms", kSpoilerTerm, kOptional,
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

const Field kNoteFields[] = {
    scalar<&Note::id>("id", Kind::Slug, kRequired,
                      AW_DOC("What [^id] refers to. Unique among notes and sources (both are cited with [^id]).")),
    scalar<&Note::text>("text", Kind::Markdown, kRequired,
                        AW_DOC("The note: one paragraph of inline Markdown (emphasis, links, inline spoilers, citations of sources "
                               "with [^source-id], not of another note).")),
};
const Object kNote{"note",
                   "ArticleNote",
                   "a note",
                   AW_DOC("A footnote that is not a source: a remark, a translation, a correction. Cited from any Markdown field "
                          "with [^id], numbered with the sources in one sequence, shown in a popover and in the endnotes."),
                   kNoteFields,
                   &finish_note};

const Field kImageSourceFields[] = {
    scalar<&ImageSource::src>("src", Kind::ImageUrl, kRequired, AW_DOC("The file at this width.")),
    integer<&ImageSource::width>("width", 1, kMaxPixels, AW_DOC("Its width in pixels (srcset's w descriptor)."), kRequired),
};
const Object kImageSource{"imageSource",      "ArticleImageSource",
                          "an image source",  AW_DOC("The same picture at another width, for responsive images."),
                          kImageSourceFields, &finish_image<ImageSource>};

const Field kImageFields[] = {
    scalar<&Image::src>("src", Kind::ImageUrl, kRequired,
                        AW_DOC("The image: a path on this site, or an http(s) URL from an origin the render options allow "
                               "(imageOrigins, or allowRemoteImages).")),
    unless<&Image::alt>("alt", Kind::Text, "decorative",
                        AW_DOC("What the image shows, for readers who cannot see it. Required unless `decorative` is true.")),
    scalar<&Image::decorative>("decorative", Kind::Boolean, kOptional,
                               AW_DOC("true: the image adds nothing the text and caption do not say (it gets alt=\"\"); then it has "
                                      "no `alt`.")),
    integer<&Image::width>("width", 1, kMaxPixels,
                           AW_DOC("Width in pixels of `src`. With `height`, the space is reserved before the image loads: the page "
                                  "never moves."),
                           kRequired),
    integer<&Image::height>("height", 1, kMaxPixels, AW_DOC("Height in pixels of `src`."), kRequired),
    list_of<&Image::srcset>("srcset", kImageSource, kOptional,
                            AW_DOC("The same picture at other widths; the browser picks the one that fits (srcset).")),
    text<&Image::sizes>("sizes", 300,
                        AW_DOC("How wide the image is shown, for picking from `srcset` (the sizes attribute: \"(min-width: 48rem) "
                               "42rem, 100vw\"); without it the browser assumes the viewport's width.")),
    scalar<&Image::caption>("caption", Kind::Markdown, kOptional,
                            AW_DOC("Caption: one paragraph of inline Markdown (emphasis, links, citations, notes, inline spoilers).")),
    scalar<&Image::credit>("credit", Kind::Text, kOptional, AW_DOC("Who made or owns the image (\"Photo: Dale Robinette / Lionsgate\").")),
};
const Object kImage{"image",      "ArticleImage",
                    "an image",   AW_DOC("An image with its size, text alternative, caption and credit: the article's hero, or a figure."),
                    kImageFields, &finish_image<Image>};

const Field kPosterFields[] = {
    scalar<&Image::src>("src", Kind::ImageUrl, kRequired, AW_DOC("The image, under the same rules as an image's `src`.")),
    integer<&Image::width>("width", 1, kMaxPixels, AW_DOC("Width in pixels."), kRequired),
    integer<&Image::height>("height", 1, kMaxPixels, AW_DOC("Height in pixels."), kRequired),
};
const Object kPoster{"poster",
                     "ArticlePoster",
                     "a poster",
                     AW_DOC("A still of this site shown in place of a video until it is played (decorative: the play button names "
                            "the video)."),
                     kPosterFields,
                     &finish_image<Image>};

const Field kQuoteFields[] = {
    scalar<&Quote::text>("text", Kind::Markdown, kRequired, AW_DOC("The quoted words, Markdown.")),
    scalar<&Quote::speaker>("speaker", Kind::Text, kOptional, AW_DOC("Who says them: a person, or a character.")),
    source_id<&Quote::source>("source", AW_DOC("The id of the source they come from: the attribution names it and cites it, numbered like "
                                               "[^id].")),
    scalar<&Quote::timestamp>("timestamp", Kind::Timestamp, kOptional, AW_DOC("Where in the film or episode they are said (1:52:10).")),
    one_of<&Quote::style>("style", kQuoteStyles, kOptional,
                          AW_DOC("block (default): a quotation in the text; pull: a short passage set off and enlarged.")),
};
const Object kQuote{"quote",      "ArticleQuote",        "a quote", AW_DOC("A block or pull quote with its attribution."),
                    kQuoteFields, &finish_located<Quote>};

constexpr std::string_view kVideoIds[] = {"youtube", "vimeo"};
const Field kVideoFields[] = {
    scalar<&Video::youtube>("youtube", Kind::YouTubeId, kOptional,
                            AW_DOC("A YouTube video's id (the v= of its address, 11 characters). Played from youtube-nocookie.com.")),
    scalar<&Video::vimeo>("vimeo", Kind::VimeoId, kOptional,
                          AW_DOC("A Vimeo video's id (the number in its address). Played with dnt=1 (no tracking).")),
    scalar<&Video::title>("title", Kind::Text, kRequired,
                          AW_DOC("What the clip is (\"Official trailer\"): the player's title and the link's text.")),
    scalar<&Video::start>("start", Kind::Timestamp, kOptional, AW_DOC("Where to start playing (0:45, 1:02:03).")),
    object<&Video::poster, &Video::has_poster>("poster", kPoster,
                                               AW_DOC("A still of this site shown until the reader presses play; without it, a "
                                                      "neutral placeholder. Nothing is asked of the provider before play.")),
    scalar<&Video::caption>("caption", Kind::Markdown, kOptional, AW_DOC("Caption: one paragraph of inline Markdown.")),
};
const Object kVideo{"video",
                    "ArticleVideo",
                    "a video",
                    AW_DOC("A clip from YouTube or Vimeo (exactly one of `youtube` and `vimeo`), loaded only when the reader presses "
                           "play."),
                    kVideoFields,
                    &finish_located<Video>,
                    kVideoIds};

const Field kMediaFields[] = {
    object<&Media::figure, &Media::has_figure>("figure", kImage, AW_DOC("An image with its caption.")),
    object<&Media::video, &Media::has_video>("video", kVideo, AW_DOC("A YouTube or Vimeo clip.")),
    object<&Media::quote, &Media::has_quote>("quote", kQuote, AW_DOC("A block or pull quote.")),
    scalar<&Media::spoiler>("spoiler", Kind::Boolean, kOptional,
                            AW_DOC("Gated content (see spoilers): hidden, and its image or clip not loaded, until revealed.")),
};
const Object kMedia{
    "media",      "ArticleMedia", "a media entry", AW_DOC("A figure, a video or a quote (exactly one of them) in a section."),
    kMediaFields, nullptr,        kMediaKinds};

constexpr Field kSourceReference = element(Kind::Slug, "a source id", 0, true);
const Field kSectionFields[] = {
    scalar<&Section::id>("id", Kind::Slug, kRequired, AW_DOC("Unique across all sections, sub-sections and FAQ items; the anchor (#id).")),
    scalar<&Section::heading>("heading", Kind::Text, kRequired, AW_DOC("The section heading.")),
    scalar<&Section::safe_heading>("safeHeading", Kind::Text, kOptional,
                                   AW_DOC("For a gated section: a spoiler-free heading shown on the page and in Contents until the "
                                          "reader reveals the section.")),
    scalar<&Section::body>("body", Kind::Markdown, kOptional, AW_DOC("The section text, shown before its sub-sections.")),
    list_of<&Section::media>("media", kMedia, kOptional,
                             AW_DOC("Figures, videos and quotes, in this order after the body, before the sub-sections.")),
    scalar<&Section::spoiler>("spoiler", Kind::Boolean, kOptional,
                              AW_DOC("Gated content (see spoilers); its sub-sections are gated with it.")),
    list_of<&Section::sources>("sources", kSourceReference, kOptional,
                               AW_DOC("Ids of the sources this section draws on, rendered as \"Drawing on A, B, and C.\" under the "
                                      "heading.")),
    list_of<&Section::sections>("sections", kSection, kOptional,
                                AW_DOC("Sub-sections, the same shape, at most 4 levels deep in all (h2–h5)."), 4),
    scalar<&Section::conclusion>("conclusion", Kind::Markdown, kOptional,
                                 AW_DOC("Closing text of the section, shown after its sub-sections.")),
};
const Object kSection{"section",      "ArticleSection", "a section", AW_DOC("A part of the article under its own heading."),
                      kSectionFields, &finish_section};

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
const Object kRelatedLink{"relatedLink", "ArticleRelatedLink", "a related link", AW_DOC("A \"Continue reading\" card."),
                          kRelatedLinkFields};

const Field kArticleFields[] = {
    scalar<&Article::id>("id", Kind::Slug, kRequired, AW_DOC("Stable article id. Used for the persisted spoiler choice.")),
    scalar<&Article::lang>("lang", Kind::Lang, kRequired,
                           AW_DOC("Language of the text (en, es, fr, de, pt-BR…). Picks labels and date format.")),
    one_of<&Article::dir>("dir", kDirections, kOptional, AW_DOC("Text direction; default from the language (ar, he, fa, ur are rtl).")),
    scalar<&Article::kicker>("kicker", Kind::Text, kOptional, AW_DOC("Small label above the title (\"Ending Explained\").")),
    scalar<&Article::title>("title", Kind::Text, kRequired, AW_DOC("The headline.")),
    scalar<&Article::dek>("dek", Kind::Text, kOptional, AW_DOC("One-sentence summary under the title.")),
    object<&Article::hero, &Article::has_hero>("hero", kImage,
                                               AW_DOC("The article's lead image, under the header, loaded first; also its image in "
                                                      "JSON-LD and og:image.")),
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
    list_of<&Article::notes>("notes", kNote, kOptional, AW_DOC("Footnotes that are not sources, cited with [^id] like them.")),
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
