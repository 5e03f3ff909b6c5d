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
  /** Allow Markdown images from other origins (http/https). Default false: same-origin only. */
  allowRemoteImages?: boolean;
  /** Let gated text into meta.description and meta.jsonLd. Default false. */
  spoilersInMetadata?: boolean;
  /** schema.org publisher for meta.jsonLd. */
  publisher?: { name?: string; url?: string; logo?: string };
  /** schema.org mainEntityOfPage for meta.jsonLd. */
  canonicalUrl?: string;
  /** Server-side rendering wrapper: the article alone, <article-widget> with a declarative shadow root, or a page. */
  shell?: 'none' | 'element' | 'page';
  /** Shell: the element's src attribute. */
  src?: string;
  /** Shell: stylesheet linked inside the shadow root. */
  stylesheetHref?: string;
  /** Shell: stylesheet inlined in a <style> inside the shadow root. */
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
  labels: { close: string; hideAll: string; sourceN: string; spoilersHidden: string; spoilersShown: string };
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
  /** The index page of a site of articles (what `article-widget build` writes as index.html). */
  renderIndex(index: SiteIndex | string, options?: RenderOptions): MarkdownResult;
  /** Bytes of wasm linear memory (for leak checks). */
  memoryBytes(): number;
  /** Frees the module's buffers. The object must not be used afterwards. */
  release(): void;
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
}

/** Loads and instantiates the wasm module (once; every call after it is synchronous). */
export function loadWidget(options?: LoadOptions): Promise<Widget>;

// ---- The article format (docs/FORMAT.md; schema/article.schema.json is the same, and
// tests/node/schema.test.js checks that the two list the same fields, required alike) ----------

/** An article as JSON: what `render()` takes (as text, bytes, or this object). */
export interface ArticleJSON {
  /** Stable slug, ^[a-z0-9][a-z0-9-]*$. */
  id: string;
  /** BCP 47 tag: picks labels and date format. */
  lang: string;
  dir?: 'ltr' | 'rtl';
  kicker?: string;
  title: string;
  dek?: string;
  subject?: ArticleSubject;
  authors: ArticlePerson[];
  reviewers?: ArticlePerson[];
  /** YYYY-MM-DD */
  published: string;
  updated?: string;
  readingMinutes?: number;
  spoilers?: ArticleSpoilers;
  quickAnswer?: ArticleQuickAnswer;
  sources?: ArticleSource[];
  sections: ArticleSection[];
  faq?: ArticleFaqItem[];
  related?: ArticleRelatedLink[];
  /** Reserved for tools and ignored, like every name starting with "x-". */
  $schema?: string;
  [tool: `x-${string}`]: unknown;
}
export interface ArticlePerson { name: string; role?: string; url?: string }
export interface ArticleSubject { title: string; year?: number; kind?: 'film' | 'series' | 'book' | 'game' | 'album' | 'other' }
export interface ArticleSpoilers {
  level: 'none' | 'minor' | 'major';
  warning?: string;
  /** Phrases that are spoilers: validate warns (spoiler-term-ungated) where readers would see them. */
  terms?: string[];
}
export interface ArticleQuickAnswer { question: string; answer: string; spoiler?: boolean }
export interface ArticleSource { id: string; label: string; author?: string; title: string; publisher?: string; date?: string; url?: string }
export interface ArticleSection {
  id: string;
  heading: string;
  /** For a gated section: shown (and in Contents) until it is revealed. */
  safeHeading?: string;
  body?: string;
  spoiler?: boolean;
  sources?: string[];
  /** Sub-sections, at most 4 levels deep in all. */
  sections?: ArticleSection[];
  conclusion?: string;
}
export interface ArticleFaqItem {
  id?: string;
  question: string;
  /** For a gated item: shown until its answer is revealed. */
  safeQuestion?: string;
  answer: string;
  spoiler?: boolean;
}
export interface ArticleRelatedLink { label?: string; title: string; summary?: string; url: string; cta?: string }

