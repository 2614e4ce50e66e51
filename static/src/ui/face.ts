import { type QuestionKind, scoreBand } from '@domain/question';

/**
 * A face drawn as SVG, from very unhappy (−2) to very happy (+2), in the style of Atlassian's
 * `emoji` icon (16-unit canvas, 1.5-unit strokes, `currentColor`). Emoji glyphs turn into boxes
 * where no emoji font is installed; these read the same everywhere and follow the theme's text
 * colour. Plain data, so the React views and the glance's plain DOM draw the same faces.
 */
export type FaceLevel = -2 | -1 | 0 | 1 | 2;

export interface FacePart {
  readonly tag: 'circle' | 'path';
  /** Attributes without dashes, valid both as DOM attributes and as React props. */
  readonly attrs: Readonly<Record<string, string>>;
}

/** Set on the `<svg>`: every part inherits them. */
export const FACE_SVG_ATTRS = {
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: '1.5',
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const ring: FacePart = { tag: 'circle', attrs: { cx: '8', cy: '8', r: '7.25' } };
const eye = (cx: string): FacePart => ({
  tag: 'circle',
  attrs: { cx, cy: '6.4', r: '1.1', fill: 'currentColor', stroke: 'none' },
});
const line = (d: string): FacePart => ({ tag: 'path', attrs: { d } });

const MOUTH: Readonly<Record<FaceLevel, readonly FacePart[]>> = {
  // A frown under brows drawn down toward the nose.
  [-2]: [line('M5 12 Q8 8.6 11 12'), line('M4.6 4.1 L7 5'), line('M11.4 4.1 L9 5')],
  [-1]: [line('M5.3 11.7 Q8 9.4 10.7 11.7')],
  0: [line('M5.5 10.6 H10.5')],
  1: [line('M5.3 9.8 Q8 12.3 10.7 9.8')],
  // An open smile, filled.
  2: [{ tag: 'path', attrs: { d: 'M4.8 9.3 Q8 13.9 11.2 9.3 Z', fill: 'currentColor' } }],
};

/** A question mark in the same ring: no face to show yet (no answer, no comment scored). */
const UNKNOWN: readonly FacePart[] = [
  ring,
  line('M6 6.2 Q6 4.2 8 4.2 Q10 4.2 10 6 Q10 7.4 8 8.2 V9.4'),
  { tag: 'circle', attrs: { cx: '8', cy: '11.9', r: '0.9', fill: 'currentColor', stroke: 'none' } },
];

export function faceParts(level: FaceLevel | null): readonly FacePart[] {
  return level === null ? UNKNOWN : [ring, eye('5.6'), eye('10.4'), ...MOUTH[level]];
}

/** The same attributes as the DOM spells them (the glance builds its SVG without React). */
export const FACE_SVG_DOM_ATTRS: Readonly<Record<string, string>> = {
  viewBox: FACE_SVG_ATTRS.viewBox,
  fill: FACE_SVG_ATTRS.fill,
  stroke: FACE_SVG_ATTRS.stroke,
  'stroke-width': FACE_SVG_ATTRS.strokeWidth,
  'stroke-linecap': FACE_SVG_ATTRS.strokeLinecap,
  'stroke-linejoin': FACE_SVG_ATTRS.strokeLinejoin,
};

/** The face for a survey answer: the 5-point scales face by face, the others by their band. */
export function answerFace(kind: QuestionKind, score: number): FaceLevel {
  if (kind === 'emoji5' || kind === 'csat5') return Math.max(-2, Math.min(2, score - 3)) as FaceLevel;
  const band = scoreBand(kind, score);
  return band === 'negative' ? -1 : band === 'positive' ? 1 : 0;
}
