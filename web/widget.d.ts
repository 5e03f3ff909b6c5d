// Types for the browser shim (web/widget.js): importing it registers <article-widget> and starts
// watching for <div data-article-widget>. Its events, for host pages written in TypeScript.

export interface SpoilerRevealDetail { articleId: string; part: 'all' | string }
export interface FaqToggleDetail { articleId: string; id: string; open: boolean }
export interface FootnoteOpenDetail { articleId: string; source: string; number: number }
export interface RenderDetail { articleId: string; ok: boolean }
/** Why the widget shows its error state: the article is invalid, or loading or rendering failed. */
export type ErrorKind = 'invalid' | 'network' | 'timeout' | 'http' | 'core' | 'stylesheet' | 'render' | 'unexpected';
export interface ErrorDetail {
  kind: ErrorKind;
  /** `invalid`: the diagnostics of render(); otherwise one entry (fetch-failed, fetch-timeout, http-status with `status`, core-load-failed, stylesheet-failed, render-failed). */
  errors: Array<{ code: string; message: string; path?: string; line?: number; column?: number; status?: number }>;
}

export interface ArticleWidgetEventMap {
  'article-widget:render': CustomEvent<RenderDetail>;
  'article-widget:error': CustomEvent<ErrorDetail>;
  'article-widget:spoiler-reveal': CustomEvent<SpoilerRevealDetail>;
  'article-widget:faq-toggle': CustomEvent<FaqToggleDetail>;
  'article-widget:footnote-open': CustomEvent<FootnoteOpenDetail>;
}

/**
 * Where the element renders, from its `dom` attribute (`data-dom` on the div form), read when it
 * connects: 'shadow' (default; an open shadow root) or 'light' (the element's own children,
 * styled by dist/article-widget.light.css, kept to the element by `@scope`: reader modes such as
 * Firefox's Reader View see the article). docs/HTML.md, "Light DOM".
 */
export type WidgetDom = 'shadow' | 'light';

export interface ArticleWidgetElement extends HTMLElement {
  /** An article object or JSON text; setting it renders without a fetch. */
  article: object | string | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-widget': ArticleWidgetElement;
  }
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
}
