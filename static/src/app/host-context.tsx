import { createContext, type ReactNode, useContext } from 'react';
import type { Host, ViewContext } from '../host/host';

interface HostValue {
  readonly host: Host;
  readonly context: ViewContext;
}

const HostContext = createContext<HostValue | null>(null);

export function HostProvider({ host, context, children }: HostValue & { children: ReactNode }) {
  return <HostContext.Provider value={{ host, context }}>{children}</HostContext.Provider>;
}

export function useHost(): HostValue {
  const value = useContext(HostContext);
  if (value === null) throw new Error('useHost needs a <HostProvider> above it');
  return value;
}
