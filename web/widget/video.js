// Click-to-load videos (docs/HTML.md "Videos"). The core renders a poster or a neutral placeholder
// and a play button carrying the player's address (privacy-enhanced: youtube-nocookie.com, or
// Vimeo with dnt=1) and the video's title; nothing is asked of the provider before the reader
// presses it. Pressing it puts the player in the frame, focused, with the video's title and only
// the permissions a player needs. Without JavaScript the button stays hidden and the link under
// the frame leads to the video on the provider's site.

const ALLOW = 'autoplay; encrypted-media; picture-in-picture; fullscreen';

export function wireVideos(ctx) {
  const playing = new Map(); // frame → the placeholder nodes it showed before

  function play(button) {
    const frame = button.closest('.aw-video-frame');
    const embed = button.dataset.awEmbed;
    if (!frame || !embed || playing.has(frame)) return;
    const player = document.createElement('iframe');
    player.className = 'aw-video-player';
    player.src = embed;
    player.title = button.dataset.awTitle || button.getAttribute('aria-label') || '';
    player.allow = ALLOW;
    player.allowFullscreen = true;
    player.referrerPolicy = 'strict-origin-when-cross-origin';
    playing.set(frame, [...frame.childNodes]);
    frame.replaceChildren(player);
    player.focus();
  }

  ctx.on(ctx.article, 'click', (event) => {
    const button = event.target.closest?.('button[data-aw-action="play"]');
    if (button && ctx.article.contains(button)) play(button);
  });

  /** Every player back to its placeholder (spoilers hidden again: a hidden player must not play on). */
  function stopAll() {
    for (const [frame, placeholder] of playing) frame.replaceChildren(...placeholder);
    playing.clear();
  }
  return { stopAll };
}
