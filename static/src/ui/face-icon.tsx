import { createElement } from 'react';
import { FACE_SVG_ATTRS, type FaceLevel, faceParts } from './face';

/**
 * A face (ui/face.ts) at a pixel size; `null` draws the question mark of "nothing to show yet". With a `label` it is an image with that name; without one
 * it is decoration beside text that already says the same.
 */
export function FaceIcon({ level, size = 16, label }: { level: FaceLevel | null; size?: number; label?: string }) {
  return (
    <svg
      {...FACE_SVG_ATTRS}
      width={size}
      height={size}
      focusable="false"
      style={{ flex: 'none', display: 'block' }}
      {...(label !== undefined ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {faceParts(level).map((part, i) => createElement(part.tag, { key: i, ...part.attrs }))}
    </svg>
  );
}
