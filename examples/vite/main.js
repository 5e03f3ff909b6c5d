// The package from a bundler: importing the browser bundle defines <article-widget>. Vite sees its
// `new URL('./article-widget-core.wasm', import.meta.url)` and `new URL('./article-widget.css', …)`
// and emits both files, content-hashed, beside the built script. The article JSON is bundled too
// and handed over as an object (no fetch).
import 'article-widget/dist/article-widget.js';
import article from '../la-la-land.json';

const el = document.getElementById('story');
el.addEventListener('article-widget:render', (e) => (document.body.dataset.rendered = String(e.detail.ok)));
el.article = article;
