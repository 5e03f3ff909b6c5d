// No import of 'vite' needed. The dev server pre-bundles dependencies into one file of its own,
// which would move the bundle away from its wasm and stylesheet: keep article-widget as it is.
export default {
  optimizeDeps: { exclude: ['article-widget'] },
};
