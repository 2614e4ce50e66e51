import type { MouseEvent } from 'react';
import { useHost } from '../app/host-context';
import { useMessages } from '../i18n/messages';

/**
 * A ticket key that opens the issue through the Forge router (a plain link cannot leave the
 * iframe). It is a real link, so it reads and behaves as one; `newTab` keeps the list it was
 * clicked from open (Forge `router.open`).
 */
export function IssueLink({ issueKey, newTab = false }: { issueKey: string; newTab?: boolean }) {
  const { host, context } = useHost();
  const m = useMessages();
  const href = `${context.siteUrl ?? ''}/browse/${encodeURIComponent(issueKey)}`;
  function open(e: MouseEvent<HTMLAnchorElement>) {
    e.preventDefault();
    void host.navigate({ kind: 'issue', issueKey, newTab });
  }
  return (
    <a
      href={href}
      className="sentio-link"
      onClick={open}
      {...(newTab
        ? { target: '_blank', rel: 'noopener noreferrer', title: m.t('common.openInNewTab', { key: issueKey }) }
        : {})}
    >
      {issueKey}
    </a>
  );
}
