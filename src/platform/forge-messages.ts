/**
 * The message files through Forge's own i18n for functions: `i18n.createTranslationFunction` of
 * @forge/api resolves a key with the manifest's fallback rules; placeholders are filled by the
 * domain's translator. https://developer.atlassian.com/platform/forge/runtime-reference/i18n/
 */
import { i18n } from '@forge/api';
import type { Messages } from '../app/ports';
import { createTranslator } from '../domain/i18n';

export const forgeMessages: Messages = {
  async forLocale(locale) {
    return createTranslator(locale, await i18n.createTranslationFunction(locale));
  },
};
