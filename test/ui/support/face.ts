/**
 * How the face's mouth bends: the last path's quadratic curve, its control point against its ends
 * (SVG y grows downwards): > 0 a smile, < 0 a frown, 0 a straight line.
 */
export function mouthBend(face: Element): number {
  const paths = [...face.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
  const mouth = paths.find((d) => d.includes('Q')) ?? paths[0] ?? '';
  const n = (mouth.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  if (!mouth.includes('Q')) return 0;
  const [, y0 = 0, , cy = 0, , y1 = 0] = n;
  return cy - (y0 + y1) / 2;
}
