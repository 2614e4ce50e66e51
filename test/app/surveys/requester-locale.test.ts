/**
 * What each option of `requesterLocale` means, against hand-written fakes: `cached` omitted reads
 * the cache, `cached: null` means "read, none cached" and goes to the profile, `remember: false`
 * keeps a read language out of the cache, `alsoAccepted` decides when the profile names no language
 * we ship. Oracles: hand-derived answers (the shipped locales of src/domain/i18n/locale.ts and a
 * week's age limit) and the fakes' count of profile reads.
 */
import { describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/ports';
import { requesterLocale } from '../../../src/app/surveys/requester-locale';
import { fakeWorld } from '../fakes/ports';

const HOUR = 3_600_000;
const WHO = 'customer-1';

function world() {
  const w = fakeWorld();
  const reads: string[] = [];
  const ports: AppPorts = {
    ...w.ports,
    directory: {
      ...w.ports.directory,
      userLocale: async (id) => {
        reads.push(id);
        return w.ports.directory.userLocale(id);
      },
    },
  };
  w.site.locales.set(WHO, 'fr_FR');
  return { w, ports, reads };
}

describe('requesterLocale options', () => {
  it('omitted `cached`: a language cached within the week is used, no profile read', async () => {
    const { w, ports, reads } = world();
    w.locales.set(WHO, { locale: 'de_DE', at: w.now - HOUR });
    expect(await requesterLocale(ports, WHO)).toBe('de-DE');
    expect(reads).toEqual([]);
  });

  it('`cached: null` (read by the caller, none cached): the profile is read and remembered', async () => {
    const { w, ports, reads } = world();
    w.locales.set(WHO, { locale: 'de_DE', at: w.now - HOUR });
    expect(await requesterLocale(ports, WHO, { cached: null })).toBe('fr-FR');
    expect(reads).toEqual([WHO]);
    expect(w.locales.get(WHO)).toEqual({ locale: 'fr_FR', at: w.now });
  });

  it('a cached language older than a week is read again', async () => {
    const { w, ports, reads } = world();
    const cached = { locale: 'de_DE', at: w.now - 7 * 24 * HOUR };
    expect(await requesterLocale(ports, WHO, { cached })).toBe('fr-FR');
    expect(reads).toEqual([WHO]);
  });

  it('`remember: false`: the profile language is used but not cached', async () => {
    const { w, ports, reads } = world();
    expect(await requesterLocale(ports, WHO, { remember: false })).toBe('fr-FR');
    expect(reads).toEqual([WHO]);
    expect(w.locales.has(WHO)).toBe(false);
  });

  it('`alsoAccepted` decides when the profile names no language we ship, else English', async () => {
    const { w, ports } = world();
    w.site.locales.set(WHO, 'ko_KR');
    expect(await requesterLocale(ports, WHO, { alsoAccepted: ['it-IT', 'pt-BR'] })).toBe('pt-BR');
    w.locales.clear();
    expect(await requesterLocale(ports, WHO, { alsoAccepted: ['it-IT'] })).toBe('en-US');
  });
});
