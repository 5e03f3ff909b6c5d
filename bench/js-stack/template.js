// The article template of the JS stack (bench/js-stack/article.js): the article object → the same
// structure the core emits (docs/HTML.md: header, spoiler warning and gates, quick answer,
// Contents, sections, related links, FAQ as <details>, citations and endnotes), every Markdown
// field through markdown-it + markdown-it-footnote. No DOM needed (Node can run it). Not a
// product: the words are English only and render options are ignored.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
// Every field is rendered with one shared env, so citations are numbered by first appearance in
// page order across fields (as the core numbers them); the endnotes are the template's, so the
// plugin's per-render footnote list is turned off.
md.disable('footnote_tail');
const esc = md.utils.escapeHtml;
md.renderer.rules.footnote_ref = (tokens, idx, options, env) => {
  const { id, subId, label } = tokens[idx].meta;
  const p = env.prefix, s = esc(label), n = id + 1;
  return `<sup class="aw-cite"><a class="aw-cite-ref" tabindex="0" id="${p}_ref_${s}_${subId + 1}" href="#${p}_fn_${s}" data-aw-source="${s}" aria-label="Source ${n}">${n}</a></sup>`;
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return d ? `${MONTHS[m - 1]} ${d}, ${y}` : `${MONTHS[m - 1]} ${y}`; };
const monthYear = (iso) => { const [y, m] = iso.split('-').map(Number); return `${MONTHS[m - 1]} ${y}`; };
const LABELS = { close: 'Close', hideAll: 'Hide spoilers', spoilersHidden: 'Spoilers hidden.', spoilersShown: 'All spoilers shown.' };
const list = (items) => (items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`);

/** The article object → its HTML (not yet sanitised). */
export function articleTemplate(a, prefix = 'aw-') {
  const P = esc(prefix);
  const env = { prefix: P, footnotes: { refs: Object.fromEntries([...(a.sources ?? []), ...(a.notes ?? [])].map((s) => [`:${s.id}`, -1])) } };
  const markdown = (text) => md.render(text, env);
  const gated = (part, spoiler, inner, what = 'section') => (!spoiler ? inner
    : `<div class="aw-gate" data-aw-gate="${esc(part)}"><p class="aw-gate-text">This ${what} contains spoilers.</p>` +
      `<button type="button" class="aw-button" data-aw-action="reveal" aria-controls="${P}${esc(part)}_content" data-aw-js>Reveal</button></div>` +
      `<div class="aw-gated" id="${P}${esc(part)}_content" data-aw-gated="${esc(part)}" hidden>${inner}</div>`);
  const sourceLabel = new Map((a.sources ?? []).map((s) => [s.id, s.label]));
  const o = [];
  o.push(`<article class="aw-article" lang="${esc(a.lang ?? 'en')}" dir="ltr" data-aw-article="${esc(a.id)}" data-aw-prefix="${P}" data-aw-labels="${esc(JSON.stringify(LABELS))}"${a.spoilers?.level && a.spoilers.level !== 'none' ? ` data-aw-spoilers="${esc(a.spoilers.level)}"` : ''}>`);
  // Header.
  o.push('<header class="aw-header"><p class="aw-topline">');
  if (a.kicker) o.push(`<span class="aw-kicker">${esc(a.kicker)}</span>`);
  if (a.updated) o.push(`<span class="aw-updated">Updated <time datetime="${esc(a.updated)}">${monthYear(a.updated)}</time></span>`);
  if (a.readingMinutes) o.push(`<span class="aw-reading-time">${a.readingMinutes} min read</span>`);
  o.push(`</p><h1 class="aw-title" id="${P}_title">${esc(a.title)}</h1>`);
  if (a.dek) o.push(`<p class="aw-dek">${esc(a.dek)}</p>`);
  const person = (p) => `<span class="aw-person">${esc(p.name)}</span>${p.role ? `, <span class="aw-role">${esc(p.role)}</span>` : ''}`;
  const sep = ' <span class="aw-sep" aria-hidden="true">·</span> ';
  o.push(`<p class="aw-byline">By ${(a.authors ?? []).map(person).join(', ')}`);
  if (a.reviewers?.length) o.push(`${sep}Reviewed by ${a.reviewers.map(person).join(', ')}`);
  o.push(`${sep}Published <time datetime="${esc(a.published)}">${longDate(a.published)}</time></p></header>`);
  // Spoiler warning.
  if (a.spoilers?.level && a.spoilers.level !== 'none') {
    o.push(`<aside class="aw-spoiler-warning" aria-labelledby="${P}_spoilers"><h2 class="aw-spoiler-warning-title" id="${P}_spoilers">Spoiler Warning</h2>`);
    if (a.spoilers.warning) o.push(`<p class="aw-spoiler-warning-text">${esc(a.spoilers.warning)}</p>`);
    o.push('<p class="aw-spoiler-actions" data-aw-js><button type="button" class="aw-button" data-aw-action="reveal-all">Show all spoilers</button></p></aside>');
  }
  // Quick answer.
  if (a.quickAnswer) {
    const q = a.quickAnswer;
    o.push(`<aside class="aw-quick-answer" aria-labelledby="${P}_quick-answer"><h2 class="aw-quick-answer-label" id="${P}_quick-answer">Quick Answer</h2>`);
    if (q.question) o.push(`<p class="aw-quick-answer-question">${esc(q.question)}</p>`);
    o.push(gated('_quick-answer', q.spoiler, `<div class="aw-body">${markdown(q.answer)}</div>`, 'answer'), '</aside>');
  }
  // Contents.
  const tocItems = (sections) => sections.map((s) => {
    const sub = s.sections?.length ? `<ol${s.spoiler ? ` data-aw-after-reveal="${esc(s.id)}" hidden` : ''}>${tocItems(s.sections)}</ol>` : '';
    return `<li><a href="#${P}${esc(s.id)}">${esc(s.heading)}</a>${sub}</li>`;
  }).join('');
  const sections = a.sections ?? [];
  o.push(`<nav class="aw-toc" aria-labelledby="${P}_toc"><h2 class="aw-toc-title" id="${P}_toc">Contents</h2><ol>${tocItems(sections)}`);
  if (a.faq?.length) o.push(`<li><a href="#${P}_faq">Frequently Asked</a></li>`);
  o.push('</ol></nav>');
  // Sections, nested; a spoiler section's content (and its sub-sections) behind its gate.
  const section = (s, level) => {
    const id = `${P}${esc(s.id)}`;
    const inner = [];
    if (s.sources?.length) inner.push(`<p class="aw-drawing-on">Drawing on ${list(s.sources.map((src) => `<a href="#${P}_fn_${esc(src)}">${esc(sourceLabel.get(src) ?? src)}</a>`))}.</p>`);
    if (s.body) inner.push(`<div class="aw-body">${markdown(s.body)}</div>`);
    for (const t of s.sections ?? []) inner.push(section(t, level + 1));
    if (s.conclusion) inner.push(`<div class="aw-body aw-conclusion">${markdown(s.conclusion)}</div>`);
    const h = Math.min(level + 1, 6);
    return `<section class="aw-section" id="${id}" aria-labelledby="${id}_title" data-aw-level="${level}"><h${h} class="aw-section-title" id="${id}_title">${esc(s.heading)}</h${h}>` +
      `${gated(s.id, s.spoiler, inner.join(''))}</section>`;
  };
  for (const s of sections) o.push(section(s, 1));
  // Related links.
  for (const r of a.related ?? []) {
    o.push(`<aside class="aw-related" aria-labelledby="${P}_related"><h2 class="aw-related-label" id="${P}_related">${esc(r.label ?? 'Related')}</h2><ul class="aw-related-list"><li>` +
      `<a class="aw-related-card" href="${esc(r.url)}"><span class="aw-related-title">${esc(r.title)}</span>${r.summary ? `<span class="aw-related-summary">${esc(r.summary)}</span>` : ''}` +
      `${r.cta ? `<span class="aw-related-cta">${esc(r.cta)} <span aria-hidden="true">→</span></span>` : ''}</a></li></ul></aside>`);
  }
  // FAQ.
  if (a.faq?.length) {
    o.push(`<section class="aw-faq" id="${P}_faq" aria-labelledby="${P}_faq_title"><h2 class="aw-faq-title" id="${P}_faq_title">Frequently Asked</h2>`);
    for (const f of a.faq) {
      const id = `${P}${esc(f.id)}`;
      o.push(`<details class="aw-faq-item" id="${id}"><summary class="aw-faq-question" id="${id}_question">${esc(f.question)}</summary>` +
        `<div class="aw-faq-answer">${gated(f.id, f.spoiler, `<div class="aw-body">${markdown(f.answer)}</div>`, 'answer')}</div></details>`);
    }
    o.push('</section>');
  }
  // Endnotes: cited sources in citation order with a way back per citation, then the uncited.
  const cited = env.footnotes.list ?? [];
  const byId = new Map((a.sources ?? []).map((s) => [s.id, s]));
  const order = [...cited.map((c) => c.label), ...(a.sources ?? []).map((s) => s.id).filter((id) => !cited.some((c) => c.label === id))];
  if (order.length) {
    o.push(`<footer class="aw-endnotes" aria-labelledby="${P}_sources"><h2 class="aw-endnotes-title" id="${P}_sources">Sources</h2><ol class="aw-endnote-list">`);
    order.forEach((sid, i) => {
      const s = byId.get(sid) ?? { id: sid, label: sid };
      const title = s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer">“${esc(s.title ?? s.label)}”</a>` : `“${esc(s.title ?? s.label)}”`;
      const text = [s.author && esc(s.author), title, s.publisher && `<cite>${esc(s.publisher)}</cite>`, s.date && `<time datetime="${esc(s.date)}">${longDate(s.date)}</time>`].filter(Boolean).join(', ');
      const backs = Array.from({ length: cited[i]?.count ?? 0 }, (_, k) =>
        `<a class="aw-backref" href="#${P}_ref_${esc(sid)}_${k + 1}" aria-label="Back to citation ${i + 1}.${k + 1}">↩<sup>${k + 1}</sup></a>`).join(' ');
      o.push(`<li class="aw-endnote" id="${P}_fn_${esc(sid)}" data-aw-source="${esc(sid)}"><span class="aw-endnote-text">${text}.</span> ${backs}</li>`);
    });
    o.push('</ol></footer>');
  }
  o.push('</article>');
  return o.join('');
}
