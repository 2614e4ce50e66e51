import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/**
 * The pixel width of an element, kept current with a ResizeObserver: charts draw at their real
 * size (text stays legible, never scaled with a viewBox) and fill the width the page gives them.
 */
export function useWidth<T extends HTMLElement>(initial: number): [RefObject<T>, number] {
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
  return [ref, width];
}
