// The demo's example picker: /?article=starfall-avenue shows examples/starfall-avenue.json in the
// page's widget instead of La La Land. Runs before the widget's script (module scripts run in
// order), so the widget fetches only the chosen article.
const name = new URLSearchParams(location.search).get('article');
const widget = document.querySelector('article-widget');
if (widget && name && /^[a-z0-9-]+$/.test(name)) widget.setAttribute('src', `/examples/${name}.json`);
for (const link of document.querySelectorAll('.site-examples a')) {
  if (link.search === location.search) link.setAttribute('aria-current', 'page');
}
