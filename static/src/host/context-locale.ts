/**
 * The locale of a Forge context as Jira sent it, or null. Handed to the bridge's
 * `i18n.createTranslationFunction`, it spares the bridge asking for the context a second time; with
 * null the bridge reads it from the context itself (apis-reference/ui-api-bridge/i18n: the default
 * is the locale of `view.getContext()`, the same value).
 */
export function contextLocale(raw: unknown): string | null {
  const locale = typeof raw === 'object' && raw !== null ? (raw as { locale?: unknown }).locale : undefined;
  return typeof locale === 'string' && locale !== '' ? locale : null;
}
