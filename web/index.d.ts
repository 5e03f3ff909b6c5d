// Types for article-widget's JavaScript API (web/index.js). Hand-written; checked by
// tests/node/package.test.js with `tsc --noEmit` against a usage file.

/** Limits that bound the work one article can cause. Defaults in docs/API.md. */
export interface Limits {
  maxInputBytes?: number;
  maxDepth?: number;
  maxItems?: number;
  maxTextChars?: number;
  maxMarkdownBytes?: number;
  maxMarkdownNesting?: number;
  /** The work budget: cmark nodes and inline special bytes over all Markdown fields. */
  maxMarkdownElements?: number;
  /** The work budget: bytes of the article's HTML. */
  maxHtmlBytes?: number;
}

export interface RenderOptions {
  /** Prefix of every id in the output: /^[A-Za-z][A-Za-z0-9_-]{0,31}$/. Default "aw-". */
  idPrefix?: string;
  /** Render spoiler-gated parts open. Default false. */
  revealSpoilers?: boolean;
  /** Allow images (Markdown, hero, figures, posters) from any http(s) origin. Default false: same-origin only. */
  allowRemoteImages?: boolean;
  /** Origins whose images may load besides the page's own ("https://images.example.com"). Default []. */
  imageOrigins?: string[];
  /** Let gated text into meta.description and meta.jsonLd. Default false. */
  spoilersInMetadata?: boolean;
  /** schema.org publisher for meta.jsonLd. */
  publisher?: { name?: string; url?: string; logo?: string };
  /** schema.org mainEntityOfPage for meta.jsonLd. */
  canonicalUrl?: string;
  /** For mounting into a page (what the widget does): non-ASCII as character references (faster across the boundary), no meta.jsonLd / meta.toc. Ignored with a shell. Default false. */
  mount?: boolean;
  /** Server-side rendering wrapper: the article alone, <article-widget> with a declarative shadow root, or a page. */
  shell?: 'none' | 'element' | 'page';
  /**
   * Shell: where the element holds the article. 'shadow' (default): a declarative shadow root.
   * 'light': the element's own children (`dom="light"`), so reader modes and text search see it;
   * link or inline the light stylesheet (dist/article-widget.light.css) with it.
   */
  dom?: 'shadow' | 'light';
  /** Shell: the element's src attribute. */
  src?: string;
  /** Shell: stylesheet linked inside the shadow root (or the light element). */
  stylesheetHref?: string;
  /** Shell: stylesheet inlined in a <style> inside the shadow root (or the light element). */
  stylesheetText?: string;
  /** Page shell: the module script that hydrates the element. */
  scriptSrc?: string;
  /** Subresource Integrity ("sha384-…") of scriptSrc; adds crossorigin="anonymous". */
  scriptIntegrity?: string;
  /** Subresource Integrity ("sha384-…") of stylesheetHref; adds crossorigin="anonymous". */
  stylesheetIntegrity?: string;
  /** Publisher overrides of the interface words (keys listed in docs/API.md), e.g. { faq: 'Questions' }. */
  labels?: Partial<Record<LabelKey, string>>;
  limits?: Limits;
}

export type LabelKey =
  | 'updated' | 'readingTime' | 'by' | 'reviewedBy' | 'published' | 'spoilerWarning' | 'revealAll'
  | 'hideAll' | 'gatedSection' | 'gatedAnswer' | 'reveal' | 'quickAnswer' | 'contents' | 'drawingOn'
  | 'and' | 'continueReading' | 'open' | 'faq' | 'sources' | 'sourceN' | 'backToCitation' | 'close'
  | 'spoilersShown' | 'spoilersHidden' | 'spoiler';

export type DiagnosticCode =
  | 'input-too-large' | 'json-syntax' | 'json-too-deep' | 'duplicate-key' | 'wrong-type'
  | 'missing-field' | 'empty-value' | 'too-long' | 'too-many' | 'invalid-slug' | 'invalid-date'
  | 'invalid-language' | 'invalid-value' | 'unsafe-url' | 'invalid-url' | 'duplicate-id' | 'unknown-source'
  | 'sections-too-deep' | 'markdown-too-nested' | 'invalid-option' | 'render-budget-exceeded' | 'out-of-memory'
  | 'unknown-field' | 'unknown-option' | 'unused-source' | 'missing-anchor' | 'unsafe-markdown-url'
  | 'url-without-scheme' | 'raw-html-dropped' | 'date-order' | 'spoiler-term-ungated' | 'too-many-problems';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  /** JSON Pointer of the value ("" = the whole document). */
  path: string;
  /** 1-based line in the JSON text. */
  line: number;
  /** 1-based column, in Unicode code points. */
  column: number;
  /** Byte offset (UTF-8) in the JSON text. */
  offset: number;
  message: string;
}

export interface TocEntry {
  /** The section's id in the article. */
  id: string;
  /** The element id in the output (prefix + id). */
  anchor: string;
  title: string;
  level: number;
}

export interface ArticleMeta {
  id: string;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  readingMinutes: number;
  spoilers: 'none' | 'minor' | 'major';
  idPrefix: string;
  /** Plain text for <meta name="description"> (no gated text unless spoilersInMetadata). */
  description: string;
  /** schema.org Article (+ FAQPage) JSON, safe to put inside <script type="application/ld+json">. */
  jsonLd: string;
  toc: TocEntry[];
  /** The article's kicker and publication date (ISO), as written ("" when absent). */
  kicker: string;
  published: string;
  /** The words the browser shim writes itself, in the article's language (with overrides). */
  labels: { close: string; hideAll: string; spoilersHidden: string; spoilersShown: string };
}

export interface ValidationResult {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  meta: ArticleMeta;
}

export interface RenderResult extends ValidationResult {
  /** The article's HTML ("" when ok is false). */
  html: string;
}

export interface MarkdownResult {
  ok: boolean;
  /** The HTML ("" when the Markdown is over limits.maxMarkdownBytes or an option is invalid). */
  html: string;
  /** Located in the Markdown text itself (path ""). */
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** An article: JSON text, its UTF-8 bytes, or an object (serialised with JSON.stringify). */
export type ArticleInput = string | Uint8Array | ArrayBuffer | ArticleJSON | object;

export interface Widget {
  /** Validates and renders. Never throws for bad input. */
  render(article: ArticleInput, options?: RenderOptions): RenderResult;
  /** Validates without keeping the HTML. */
  validate(article: ArticleInput, options?: RenderOptions): ValidationResult;
  /** One Markdown string to safe HTML (no citations), with its problems. */
  renderMarkdownResult(markdown: string | Uint8Array, options?: RenderOptions): MarkdownResult;
  /** renderMarkdownResult's HTML alone. */
  renderMarkdown(markdown: string | Uint8Array, options?: RenderOptions): string;
  /** The error state's words for a failure, chosen by the core in the first language it has
   *  labels for (the widget uses this; a host page showing its own error state can too). */
  failureText(facts: FailureFacts): FailureText | null;
  /** The index page of a site of articles (what `article-widget build` writes as index.html). */
  renderIndex(index: SiteIndex | string, options?: RenderOptions): MarkdownResult;
  /** Bytes of wasm linear memory (for leak checks). */
  memoryBytes(): number;
  /** Frees the module's buffers. The object must not be used afterwards. */
  release(): void;
}

export interface FailureFacts {
  kind: 'network' | 'timeout' | 'http' | 'stylesheet' | 'invalid' | 'render' | 'unexpected';
  /** The HTTP status, for kind "http". */
  status?: number;
  /** The reader's languages, most wanted first (the article's, then the page's). */
  lang?: string[];
  /** The codes of the article's errors, for kind "invalid". */
  codes?: string[];
}
export interface FailureText {
  title: string;
  message: string;
  /** Whether asking again can help (the widget then shows a retryLabel button). */
  retry: boolean;
  retryLabel: string;
  /** How many located problems to list under the message. */
  shown: number;
  /** "…and 4 more (the browser console lists them all).", or "". */
  more: string;
}
/** renderIndex's input: the page's language and title, one entry per article. */
export interface SiteIndex {
  lang: string;
  title: string;
  articles: Array<{ href: string; title: string; description?: string; kicker?: string; published?: string; readingMinutes?: number; lang?: string; dir?: 'ltr' | 'rtl' }>;
}

export interface LoadOptions {
  /** Where the .wasm is (default: next to this module, in dist/). */
  wasmUrl?: string | URL;
  /** Browsers: the wasm's Subresource Integrity ("sha384-…"); bytes that do not match fail to load. */
  wasmIntegrity?: string;
  /** The .wasm bytes, if you already have them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** The wasm already compiled (or its promise), used instead of fetching `wasmUrl`: the widget
   *  compiles it while it imports this module. */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
}

/** Loads and instantiates the wasm module (once; every call after it is synchronous). */
export function loadWidget(options?: LoadOptions): Promise<Widget>;

// ---- The article format (docs/FORMAT.md), generated like the schema from the format's tables --

// <format:types generated from src/format.cpp; tests/native/format_test.cpp checks them>
/** One article. */
export interface ArticleJSON {
  /** Stable article id. Used for the persisted spoiler choice. */
  id: string;
  /** Language of the text (en, es, fr, de, pt-BR…). Picks labels and date format. */
  lang: string;
  /** Text direction; default from the language (ar, he, fa, ur are rtl). */
  dir?: 'ltr' | 'rtl';
  /** Small label above the title ("Ending Explained"). */
  kicker?: string;
  /** The headline. */
  title: string;
  /** One-sentence summary under the title. */
  dek?: string;
  /** The article's lead image, under the header, loaded first; also its image in JSON-LD and og:image. */
  hero?: ArticleImage;
  /** What the article is about. */
  subject?: ArticleSubject;
  /** The authors (at least one). */
  authors: ArticlePerson[];
  /** Reviewers; the same shape as authors. */
  reviewers?: ArticlePerson[];
  /** Publication date. */
  published: string;
  /** Last update, not before `published`. */
  updated?: string;
  /** Reading time in minutes; computed from the word count (230 words/min) when absent. */
  readingMinutes?: number;
  /** Whether and how strongly the article spoils its subject. Absent: the article spoils nothing. */
  spoilers?: ArticleSpoilers;
  /** Quick-answer box: a question and a short Markdown answer. */
  quickAnswer?: ArticleQuickAnswer;
  /** The cited works. Markdown cites them with [^id]; sections list them in `sources`. */
  sources?: ArticleSource[];
  /** Footnotes that are not sources, cited with [^id] like them. */
  notes?: ArticleNote[];
  /** The body (at least one section). */
  sections: ArticleSection[];
  /** "Frequently Asked" items. */
  faq?: ArticleFaqItem[];
  /** "Continue reading" cards. */
  related?: ArticleRelatedLink[];
  /** Reserved for tools and ignored, like every name starting with "x-". */
  $schema?: string;
  [tool: `x-${string}`]: unknown;
}
/** An image with its size, text alternative, caption and credit: the article's hero, or a figure. */
export interface ArticleImage {
  /** The image: a path on this site, or an http(s) URL from an origin the render options allow (imageOrigins, or allowRemoteImages). */
  src: string;
  /** What the image shows, for readers who cannot see it. Required unless `decorative` is true. */
  alt?: string;
  /** true: the image adds nothing the text and caption do not say (it gets alt=""); then it has no `alt`. */
  decorative?: boolean;
  /** Width in pixels of `src`. With `height`, the space is reserved before the image loads: the page never moves. */
  width: number;
  /** Height in pixels of `src`. */
  height: number;
  /** The same picture at other widths; the browser picks the one that fits (srcset). */
  srcset?: ArticleImageSource[];
  /** How wide the image is shown, for picking from `srcset` (the sizes attribute: "(min-width: 48rem) 42rem, 100vw"); without it the browser assumes the viewport's width. */
  sizes?: string;
  /** Caption: one paragraph of inline Markdown (emphasis, links, citations, notes, inline spoilers). */
  caption?: string;
  /** Who made or owns the image ("Photo: Dale Robinette / Lionsgate"). */
  credit?: string;
  [tool: `x-${string}`]: unknown;
}
/** What the article is about. */
export interface ArticleSubject {
  /** Title of the work. */
  title: string;
  /** Year of release or publication (four digits). */
  year?: number;
  /** Kind of work. */
  kind?: 'film' | 'series' | 'book' | 'game' | 'album' | 'other';
  [tool: `x-${string}`]: unknown;
}
/** An author or reviewer. */
export interface ArticlePerson {
  /** The person's name as shown in the byline. */
  name: string;
  /** Role shown after the name ("Staff Writer"). */
  role?: string;
  /** Link for the name (profile page, mailto:). */
  url?: string;
  [tool: `x-${string}`]: unknown;
}
/** Spoiler settings. When the level is not "none", every part marked "spoiler": true (quick answer, section, sub-section, FAQ item) is gated until the reader reveals it; a sub-section of a gated section is gated with it. */
export interface ArticleSpoilers {
  /** How strongly the article spoils its subject. */
  level: 'none' | 'minor' | 'major';
  /** Warning text; a default in the article's language naming the subject is used when absent. */
  warning?: string;
  /** Words and phrases that are spoilers ("married", "five years later"), at most 100 characters each: validate warns (spoiler-term-ungated) at each one found in a text readers see before any reveal. */
  terms?: string[];
  [tool: `x-${string}`]: unknown;
}
/** The quick-answer box. */
export interface ArticleQuickAnswer {
  /** The question the box answers. */
  question: string;
  /** Short Markdown answer. */
  answer: string;
  /** Gated content (see spoilers). */
  spoiler?: boolean;
  [tool: `x-${string}`]: unknown;
}
/** A cited work. */
export interface ArticleSource {
  /** What [^id] and section `sources` lists refer to. Unique. */
  id: string;
  /** How the "Drawing on …" line names it: "Owen Gleiberman's Variety review (Venice)". */
  label: string;
  /** Author of the cited work. */
  author?: string;
  /** Title of the cited work. */
  title: string;
  /** Outlet. */
  publisher?: string;
  /** When it was published: YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  /** Where to read it. */
  url?: string;
  [tool: `x-${string}`]: unknown;
}
/** A footnote that is not a source: a remark, a translation, a correction. Cited from any Markdown field with [^id], numbered with the sources in one sequence, shown in a popover and in the endnotes. */
export interface ArticleNote {
  /** What [^id] refers to. Unique among notes and sources (both are cited with [^id]). */
  id: string;
  /** The note: one paragraph of inline Markdown (emphasis, links, inline spoilers, citations of sources with [^source-id], not of another note). */
  text: string;
  [tool: `x-${string}`]: unknown;
}
/** A part of the article under its own heading. */
export interface ArticleSection {
  /** Unique across all sections, sub-sections and FAQ items; the anchor (#id). */
  id: string;
  /** The section heading. */
  heading: string;
  /** For a gated section: a spoiler-free heading shown on the page and in Contents until the reader reveals the section. */
  safeHeading?: string;
  /** The section text, shown before its sub-sections. */
  body?: string;
  /** Figures, videos and quotes, in this order after the body, before the sub-sections. */
  media?: ArticleMedia[];
  /** Gated content (see spoilers); its sub-sections are gated with it. */
  spoiler?: boolean;
  /** Ids of the sources this section draws on, rendered as "Drawing on A, B, and C." under the heading. */
  sources?: string[];
  /** Sub-sections, the same shape, at most 4 levels deep in all (h2–h5). */
  sections?: ArticleSection[];
  /** Closing text of the section, shown after its sub-sections. */
  conclusion?: string;
  [tool: `x-${string}`]: unknown;
}
/** A "Frequently Asked" item. */
export interface ArticleFaqItem {
  /** Anchor of the item; defaults to a slug of the question. A link to #id opens the item. */
  id?: string;
  /** The question. */
  question: string;
  /** For a gated item: a spoiler-free question shown until the reader reveals the answer; the default id is its slug. */
  safeQuestion?: string;
  /** The answer, shown when the item is opened. */
  answer: string;
  /** Gated content (see spoilers). */
  spoiler?: boolean;
  [tool: `x-${string}`]: unknown;
}
/** A "Continue reading" card. */
export interface ArticleRelatedLink {
  /** Label above the card; defaults to "Continue reading" in the article's language. */
  label?: string;
  /** Title of the linked page. */
  title: string;
  /** One-line summary of the linked page. */
  summary?: string;
  /** Where the card links to. */
  url: string;
  /** Call to action; defaults to "Open" in the article's language. */
  cta?: string;
  [tool: `x-${string}`]: unknown;
}
/** The same picture at another width, for responsive images. */
export interface ArticleImageSource {
  /** The file at this width. */
  src: string;
  /** Its width in pixels (srcset's w descriptor). */
  width: number;
  [tool: `x-${string}`]: unknown;
}
/** A figure, a video or a quote (exactly one of them) in a section. */
export interface ArticleMedia {
  /** An image with its caption. */
  figure?: ArticleImage;
  /** A YouTube or Vimeo clip. */
  video?: ArticleVideo;
  /** A block or pull quote. */
  quote?: ArticleQuote;
  /** Gated content (see spoilers): hidden, and its image or clip not loaded, until revealed. */
  spoiler?: boolean;
  [tool: `x-${string}`]: unknown;
}
/** A clip from YouTube or Vimeo (exactly one of `youtube` and `vimeo`), loaded only when the reader presses play. */
export interface ArticleVideo {
  /** A YouTube video's id (the v= of its address, 11 characters). Played from youtube-nocookie.com. */
  youtube?: string;
  /** A Vimeo video's id (the number in its address). Played with dnt=1 (no tracking). */
  vimeo?: string;
  /** What the clip is ("Official trailer"): the player's title and the link's text. */
  title: string;
  /** Where to start playing (0:45, 1:02:03). */
  start?: string;
  /** A still of this site shown until the reader presses play; without it, a neutral placeholder. Nothing is asked of the provider before play. */
  poster?: ArticlePoster;
  /** Caption: one paragraph of inline Markdown. */
  caption?: string;
  [tool: `x-${string}`]: unknown;
}
/** A block or pull quote with its attribution. */
export interface ArticleQuote {
  /** The quoted words, Markdown. */
  text: string;
  /** Who says them: a person, or a character. */
  speaker?: string;
  /** The id of the source they come from: the attribution names it and cites it, numbered like [^id]. */
  source?: string;
  /** Where in the film or episode they are said (1:52:10). */
  timestamp?: string;
  /** block (default): a quotation in the text; pull: a short passage set off and enlarged. */
  style?: 'block' | 'pull';
  [tool: `x-${string}`]: unknown;
}
/** A still of this site shown in place of a video until it is played (decorative: the play button names the video). */
export interface ArticlePoster {
  /** The image, under the same rules as an image's `src`. */
  src: string;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  [tool: `x-${string}`]: unknown;
}
// </format:types>

