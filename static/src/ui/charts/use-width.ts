import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The pixel width of an element, kept current with a ResizeObserver: charts draw at their real
 * size (text stays legible, never scaled with a viewBox) and fill the width the page gives them.
 *
 * Never less than `minimum`, the chart's own margins plus a pixel: a column measured mid-layout
 * (0 or a few pixels wide) would otherwise turn a chart's scale round and give its shapes negative
 * sizes, which SVG refuses. Every chart gets the guard here rather than each its own.
 */
export function useWidth<T extends HTMLElement>(initial: number, minimum: number): [RefObject<T>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => setWidth(Math.max(0, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.max(minimum, width)];
}
