// Pure placement maths for footnote popovers (no DOM): easy to test, easy to reason about.
// All rectangles are in viewport coordinates (CSS px), like getBoundingClientRect().

/**
 * Where to put a popover of size `pop` next to the reference rectangle `ref`.
 * Below the reference when it fits, else above, else on the roomier side with a max height.
 * Horizontally centred on the reference, then clamped inside the viewport.
 * It never overlaps the reference: below starts under ref.bottom, above ends over ref.top.
 * @returns {{top:number,left:number,placement:'below'|'above',maxHeight:number|null}}
 */
export function placePopover({ ref, pop, viewport, margin = 8, gap = 8, minHeight = 96 }) {
  const spaceBelow = viewport.height - ref.bottom - gap - margin;
  const spaceAbove = ref.top - gap - margin;
  let placement = 'below';
  let maxHeight = null;
  if (pop.height > spaceBelow) {
    if (pop.height <= spaceAbove) placement = 'above';
    else {
      placement = spaceAbove > spaceBelow ? 'above' : 'below';
      maxHeight = Math.max(minHeight, placement === 'above' ? spaceAbove : spaceBelow);
    }
  }
  const height = maxHeight === null ? pop.height : Math.min(pop.height, maxHeight);
  const top = placement === 'below' ? ref.bottom + gap : ref.top - gap - height;

  const width = Math.min(pop.width, viewport.width - 2 * margin);
  const centre = ref.left + ref.width / 2;
  const left = clamp(centre - width / 2, margin, viewport.width - margin - width);
  return { top, left, placement, maxHeight };
}

export function clamp(value, min, max) {
  return max < min ? min : Math.min(Math.max(value, min), max);
}
