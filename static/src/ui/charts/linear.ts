/**
 * A linear map from data to pixels, and back for the pointer. Scale libraries (d3-scale through
 * @visx/scale) cost ≈ 11 KB gzip per view for these few lines of arithmetic (docs/ui-charts.md);
 * visx still draws the shapes.
 */
export interface Linear {
  (value: number): number;
  invert(pixel: number): number;
}

export function linear(domain: readonly [number, number], range: readonly [number, number], clamp = false): Linear {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  const map = ((value: number) => {
    const v = clamp ? Math.min(hi, Math.max(lo, value)) : value;
    return r0 + ((v - d0) / span) * (r1 - r0);
  }) as Linear;
  map.invert = (pixel: number) => d0 + ((pixel - r0) / (r1 - r0 || 1)) * span;
  return map;
}

/** About `count` evenly spread whole indexes from 0 to `last`, both ends included. */
export function indexTicks(last: number, count: number): number[] {
  if (last <= 0) return [0];
  const n = Math.max(2, Math.min(count, last + 1));
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round((i * last) / (n - 1))))];
}
