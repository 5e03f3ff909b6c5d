// The demo's example picker: /?article=starfall-avenue shows examples/starfall-avenue.json in the
// page's widget instead of La La Land; &dom=light renders it in the page's DOM (light mode). Runs before the widget's script (module scripts run in
// order), so the widget fetches only the chosen article.
const params = new URLSearchParams(location.search);
const name = params.get('article');
const widget = document.querySelector('article-widget');
if (widget && params.get('dom') === 'light') widget.setAttribute('dom', 'light');
if (widget && name && /^[a-z0-9-]+$/.test(name)) widget.setAttribute('src', `/examples/${name}.json`);
for (const link of document.querySelectorAll('.site-examples a')) {
  if (link.search === location.search) link.setAttribute('aria-current', 'page');
}
