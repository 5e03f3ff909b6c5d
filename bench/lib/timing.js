// Timing: warm-up, then rounds interleaved across subjects (round r of every subject runs before
// round r+1 of any), so drift on a shared machine spreads over all subjects alike. Each round runs
// the subject enough times to last about `roundMs`; its value is the mean time per call. Reported:
// median over rounds, min, max, and the interquartile range.
import { performance } from 'node:perf_hooks';

/** Milliseconds per call of fn: the best of 5 runs, each repeating fn until 25 ms have passed. */
export function bestOf(fn) {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed;
    do {
      fn();
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    } while (elapsed < 25);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

export function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p) => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i), hi = Math.ceil(i);
    return v[lo] + (v[hi] - v[lo]) * (i - lo);
  };
  return { median: q(0.5), min: v[0], max: v[v.length - 1], q1: q(0.25), q3: q(0.75), n: v.length };
}

/**
 * subjects: [{ name, fn }] — fn() does one unit of work (one article).
 * Returns Map name → stats (µs per call).
 */
export function runInterleaved(subjects, { rounds = 15, roundMs = 60, warmupMs = 300, minCalls = 1 } = {}) {
  const plan = new Map();
  for (const s of subjects) {
    // Warm-up (JIT, wasm tier-up, buffers) and calibration of the calls per round.
    let calls = 0;
    const t0 = performance.now();
    do {
      s.fn();
      calls++;
    } while (performance.now() - t0 < warmupMs || calls < 3);
    const perCall = (performance.now() - t0) / calls;
    plan.set(s.name, Math.max(minCalls, Math.round(roundMs / perCall)));
  }
  const samples = new Map(subjects.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of subjects) {
      const n = plan.get(s.name);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) s.fn();
      samples.get(s.name).push(((performance.now() - t0) * 1000) / n);
    }
  }
  return new Map([...samples].map(([name, v]) => [name, { ...stats(v), callsPerRound: plan.get(name) }]));
}
