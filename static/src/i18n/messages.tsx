import type { Translator } from '@domain/i18n';
import { createContext, type ReactNode, useContext } from 'react';
import { englishMessages } from './catalogue';

export { addEnglish, applyDocumentLanguage, englishMessages, loadMessages } from './catalogue';

const MessagesContext = createContext<Translator>(englishMessages);

export function MessagesProvider({ messages, children }: { messages: Translator; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The messages of the person's language (the Forge context's locale), English where none is shipped. */
export function useMessages(): Translator {
  return useContext(MessagesContext);
}
