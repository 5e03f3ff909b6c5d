#!/usr/bin/env node
// Draws the images of examples/starfall-avenue.json (examples/media/*.png): illustrations made
// here, pixel by pixel, so the example owns its images. Deterministic: running it again writes the
// same bytes.   node tools/draw-example-images.js
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../examples/media/', import.meta.url);

// ---- A canvas of RGB pixels and the few shapes the pictures need --------------------------------

function canvas(width, height) {
  const px = new Uint8Array(width * height * 3);
  const c = {
    width,
    height,
    set(x, y, [r, g, b], a = 1) {
      if (x < 0 || y < 0 || x >= width || y >= height) return;
      const i = (y * width + x) * 3;
      px[i] = px[i] * (1 - a) + r * a;
      px[i + 1] = px[i + 1] * (1 - a) + g * a;
      px[i + 2] = px[i + 2] * (1 - a) + b * a;
    },
    /** Vertical gradient through colour stops [[t, rgb], …]. */
    sky(stops) {
      for (let y = 0; y < height; y++) {
        const t = y / (height - 1);
        let k = 0;
        while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
        const [t0, a] = stops[k];
        const [t1, b] = stops[k + 1];
        const u = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
        const col = a.map((v, i) => Math.round(v + (b[i] - v) * u));
        for (let x = 0; x < width; x++) c.set(x, y, col);
      }
    },
    /** Filled where f(x, y) is true (in 0..1 units of the width/height). */
    fill(col, f, a = 1) {
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (f(x / width, y / height)) c.set(x, y, col, a);
    },
    /** A soft round glow. */
    glow(cx, cy, radius, col, strength = 1) {
      const R = radius * width;
      for (let y = Math.floor(cy * height - R); y <= cy * height + R; y++)
        for (let x = Math.floor(cx * width - R); x <= cx * width + R; x++) {
          const d = Math.hypot(x - cx * width, y - cy * height) / R;
          if (d < 1) c.set(x, y, col, strength * (1 - d) ** 2);
        }
    },
    /** Stars from a seeded generator, in the top `depth` of the picture. */
    stars(count, depth, seed) {
      let s = seed;
      const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
      for (let i = 0; i < count; i++) {
        const x = Math.floor(rnd() * width);
        const y = Math.floor(rnd() * height * depth);
        const big = rnd() > 0.9;
        c.set(x, y, [255, 250, 235], 0.9);
        if (big) for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) c.set(x + dx, y + dy, [255, 250, 235], 0.5);
      }
    },
    png() {
      return encodePng(width, height, px);
    },
  };
  return c;
}

// ---- PNG: signature, IHDR, one IDAT (filter "Up" per row), IEND --------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(width, height, px) {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 2; // Up
    for (let i = 0; i < stride; i++) {
      const above = y ? px[(y - 1) * stride + i] : 0;
      raw[y * (stride + 1) + 1 + i] = (px[y * stride + i] - above) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- The pictures, each a function of its size ---------------------------------------------------

const hill = (x, base, amp, freq, phase) => base - amp * Math.sin(x * freq + phase) - amp * 0.4 * Math.sin(x * freq * 2.7 + phase);

/** Dusk over the hills, the observatory's dome on the ridge (the hero). */
function observatory(w, h) {
  const c = canvas(w, h);
  c.sky([[0, [28, 22, 64]], [0.45, [120, 60, 110]], [0.72, [240, 140, 90]], [1, [250, 200, 120]]]);
  c.stars(Math.round(w * h / 2500), 0.4, 7);
  c.glow(0.72, 0.74, 0.22, [255, 210, 140], 0.6);
  c.fill([60, 36, 70], (x, y) => y > hill(x, 0.7, 0.05, 5, 1));
  // The observatory: a drum and a dome on the ridge, two small towers.
  const ground = 0.66;
  c.fill([30, 20, 44], (x, y) => (y > hill(x, 0.8, 0.04, 3, 0.3)) || (x > 0.36 && x < 0.64 && y > ground && y < 0.82));
  c.fill([30, 20, 44], (x, y) => Math.hypot((x - 0.5) * w, (y - ground) * h) < 0.09 * w && y < ground);
  c.fill([30, 20, 44], (x, y) => [0.38, 0.62].some((cx) => Math.hypot((x - cx) * w, (y - 0.64) * h) < 0.035 * w && y < 0.64));
  c.fill([255, 214, 150], (x, y) => x > 0.47 && x < 0.53 && y > 0.72 && y < 0.8, 0.85); // the lit door
  return c;
}

/** Two dancers floating among painted stars (a figure). */
function planetarium(w, h) {
  const c = canvas(w, h);
  c.sky([[0, [8, 12, 40]], [1, [36, 28, 90]]]);
  c.stars(Math.round(w * h / 900), 1, 42);
  c.glow(0.5, 0.45, 0.35, [120, 110, 220], 0.35);
  const dancer = (cx, cy, s, col) => {
    c.fill(col, (x, y) => Math.hypot((x - cx) * w, (y - cy) * h) < s * 0.28 * w); // head
    c.fill(col, (x, y) => {
      const dy = (y - cy) * h / w;
      const dx = (x - cx);
      return dy > s * 0.3 && dy < s * 2.2 && Math.abs(dx) < s * 0.2 + (dy - s * 0.3) * 0.45;
    });
  };
  dancer(0.44, 0.36, 0.05, [250, 215, 120]);
  dancer(0.56, 0.33, 0.05, [140, 190, 255]);
  // Their joined hands.
  c.fill([200, 200, 220], (x, y) => x > 0.45 && x < 0.55 && Math.abs(y - (0.47 - (x - 0.45) * 0.3)) < 0.006);
  c.fill([20, 18, 50], (x, y) => y > 0.86 + 0.02 * Math.sin(x * 9));
  return c;
}

/** A jazz club after hours: one spotlight on an empty piano (the gated figure: the ending). */
function club(w, h) {
  const c = canvas(w, h);
  c.sky([[0, [24, 8, 14]], [1, [70, 24, 30]]]);
  c.glow(0.5, 0.55, 0.45, [255, 200, 130], 0.45);
  c.fill([255, 230, 180], (x, y) => y > 0.05 && Math.abs(x - 0.5) < 0.04 + (y - 0.05) * 0.3 && y < 0.9, 0.12); // the beam
  // The piano: body, lid, legs, and an empty bench.
  c.fill([12, 6, 10], (x, y) => x > 0.34 && x < 0.66 && y > 0.56 && y < 0.66);
  c.fill([12, 6, 10], (x, y) => y > 0.34 && y < 0.57 && x > 0.34 + (0.57 - y) * 0.2 && x < 0.36 + (0.57 - y) * 0.9 && x < 0.62);
  c.fill([12, 6, 10], (x, y) => (Math.abs(x - 0.37) < 0.008 || Math.abs(x - 0.63) < 0.008) && y > 0.6 && y < 0.82);
  c.fill([12, 6, 10], (x, y) => x > 0.44 && x < 0.56 && y > 0.72 && y < 0.75);
  c.fill([12, 6, 10], (x, y) => (Math.abs(x - 0.45) < 0.006 || Math.abs(x - 0.55) < 0.006) && y > 0.74 && y < 0.84);
  c.fill([40, 14, 22], (x, y) => y > 0.84);
  return c;
}

/** A marquee at night (the video's poster). */
function marquee(w, h) {
  const c = canvas(w, h);
  c.sky([[0, [16, 14, 30]], [1, [44, 30, 52]]]);
  c.fill([180, 40, 60], (x, y) => x > 0.2 && x < 0.8 && y > 0.2 && y < 0.5);
  c.fill([250, 230, 170], (x, y) => x > 0.24 && x < 0.76 && y > 0.25 && y < 0.45, 0.9);
  // Bulbs around the sign.
  for (let i = 0; i <= 24; i++) {
    c.glow(0.2 + (0.6 * i) / 24, 0.2, 0.008, [255, 240, 190], 1);
    c.glow(0.2 + (0.6 * i) / 24, 0.5, 0.008, [255, 240, 190], 1);
  }
  // Letters: blocks that read as a title from afar.
  for (let i = 0; i < 8; i++) c.fill([60, 20, 30], (x, y) => x > 0.28 + i * 0.058 && x < 0.32 + i * 0.058 && y > 0.3 && y < 0.4);
  c.fill([28, 22, 36], (x, y) => y > 0.5 && (x < 0.25 || x > 0.75 || y > 0.85));
  return c;
}

const PICTURES = [
  ['observatory', observatory, [[1600, 900], [800, 450]]],
  ['planetarium', planetarium, [[1200, 800], [600, 400]]],
  ['club', club, [[1200, 675], [600, 338]]],
  ['marquee', marquee, [[1280, 720]]],
];

mkdirSync(OUT, { recursive: true });
for (const [name, draw, sizes] of PICTURES) {
  for (const [w, h] of sizes) {
    const file = new URL(`${name}-${w}.png`, OUT);
    const bytes = draw(w, h).png();
    writeFileSync(file, bytes);
    console.log(`${file.pathname.split('/examples/')[1]}: ${w}×${h}, ${(bytes.length / 1024).toFixed(0)} KB`);
  }
}
