import { createContext, type ReactNode, useContext } from 'react';
import type { ScopeOptions } from '@contracts/admin';
import type { Loaded } from '../../api/client-context';

/**
 * The site's projects, request types and priorities (listScopeOptions), asked for once with the
 * configuration: the lists name what each scope covers, the editors offer them as pickers.
 */
const ScopeOptionsContext = createContext<Loaded<ScopeOptions>>({ state: 'loading' });

export function ScopeOptionsProvider({ loaded, children }: { loaded: Loaded<ScopeOptions>; children: ReactNode }) {
  return <ScopeOptionsContext.Provider value={loaded}>{children}</ScopeOptionsContext.Provider>;
}

export function useScopeOptions(): Loaded<ScopeOptions> {
  return useContext(ScopeOptionsContext);
}
