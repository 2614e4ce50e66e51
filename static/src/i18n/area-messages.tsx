import { createTranslator, type Translator } from '@domain/i18n';
import { type ReactNode, useEffect, useState } from 'react';
import { ViewSkeleton } from '../ui/view-skeleton';
import { type Area, type AreaWords, loadArea } from './area-files';
import { lookup } from './tree';
import { MessagesProvider, useMessages } from './messages';

/**
 * The page's translator with one area's words on top: keys under the area's prefix come from its
 * own file, every other key from the page's translator.
 */
export function withArea(page: Translator, area: AreaWords): Translator {
  const own = createTranslator(page.locale, (key) => lookup(area.words, key) ?? key);
  const prefix = `${area.prefix}.`;
  return { locale: page.locale, t: (key, values) => (key.startsWith(prefix) ? own : page).t(key, values) };
}

/**
 * Shows `children` once the area's words for the page's locale are in; a skeleton of `lines` until
 * then. A failed download reaches the app's crash guard, as a failed view chunk does.
 */
export function AreaMessages({ area, lines = 5, children }: { area: Area; lines?: number; children: ReactNode }) {
  const page = useMessages();
  const [m, setM] = useState<Translator | null>(null);
  useEffect(() => {
    let live = true;
    loadArea(area, page.locale).then(
      (words) => live && setM(withArea(page, words)),
      (e: unknown) =>
        setM(() => {
          throw e;
        }),
    );
    return () => {
      live = false;
    };
  }, [area, page]);
  if (m === null || m.locale !== page.locale) return <ViewSkeleton lines={lines} />;
  return <MessagesProvider messages={m}>{children}</MessagesProvider>;
}
