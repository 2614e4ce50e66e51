/**
 * Forge's own translation lookup (@forge/i18n, the code @forge/api and @forge/bridge run) over the
 * repository's message files and manifest fallback rules: what a deployed function or Custom UI
 * resolves, without a host. Tests and fakes use it so a message is checked as Forge would find it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TranslationsGetter, Translator, type ForgeSupportedLocaleCode } from '@forge/i18n';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  createTranslator,
  type ForgeTranslate,
  type Locale,
  type Translator as AppTranslator,
} from '../../src/domain/i18n';

// A path, not a URL: under jsdom, import.meta.url is not a file URL.
const root = `${join(import.meta.dirname, '..', '..')}/`;
const Config = z.object({
  translations: z.object({
    resources: z.array(z.object({ key: z.string(), path: z.string() })),
    fallback: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
});
const { translations } = Config.parse(parse(readFileSync(`${root}manifest.yml`, 'utf8')));

const getter = new TranslationsGetter({
  getI18nInfoConfig: async () =>
    ({ locales: translations.resources.map((r) => r.key), fallback: translations.fallback }) as never,
  getTranslationResource: async (locale: string) => {
    const r = translations.resources.find((x) => x.key === locale);
    if (!r) throw new Error(`no message file for ${locale}`);
    return JSON.parse(readFileSync(`${root}${r.path}`, 'utf8')) as never;
  },
});

/** Forge's `t` for a locale, as `i18n.createTranslationFunction(locale)` gives it. */
export async function forgeTranslate(locale: string): Promise<ForgeTranslate> {
  const translator = new Translator(locale as ForgeSupportedLocaleCode, getter);
  await translator.init();
  return (key, defaultValue) => translator.translate(key) ?? defaultValue ?? key;
}

/** The app's translator over Forge's lookup: what `ports.messages.forLocale` answers on Forge. */
export async function forgeTranslator(locale: Locale): Promise<AppTranslator> {
  return createTranslator(locale, await forgeTranslate(locale));
}
