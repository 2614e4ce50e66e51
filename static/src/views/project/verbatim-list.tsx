import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useState } from 'react';
import { getVerbatims, type DashboardWindow, type Verbatim } from '@contracts/project';
import { useAction, useCall } from '../../api/client-context';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { formatDate } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { LoadedSection } from './loaded-section';
import { requestTypeLabel } from './request-type-name';

type BandFilter = 'all' | Verbatim['band'];
type SourceFilter = 'all' | Verbatim['source'];

const BAND_COLOUR = {
  negative: 'color.border.danger',
  neutral: 'color.border',
  positive: 'color.border.success',
} as const;

/**
 * What requesters said, in their words. Tone and source filter on the server (each change is one
 * call); "contains" filters what is loaded; "Load more" follows the cursor.
 */
export function VerbatimSection({ window, projectId }: { window: DashboardWindow; projectId?: string | undefined }) {
  const searchId = useId();
  const [band, setBand] = useState<BandFilter>('all');
  const [source, setSource] = useState<SourceFilter>('all');
  const [search, setSearch] = useState('');
  const payload = {
    window,
    ...(band !== 'all' ? { band } : {}),
    ...(source !== 'all' ? { source } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
  };
  const first = useCall(getVerbatims, payload);
  const more = useAction(getVerbatims);
  const notify = useNotify();
  const [extra, setExtra] = useState<{ verbatims: Verbatim[]; cursor: string | null } | null>(null);
  const key = JSON.stringify(payload);
  useEffect(() => setExtra(null), [key]);

  async function loadMore(cursor: string) {
    const result = await more.run({ ...payload, cursor });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    setExtra((prev) => ({
      verbatims: [...(prev?.verbatims ?? []), ...result.data.verbatims],
      cursor: result.data.nextCursor,
    }));
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
        <ChoiceInput<BandFilter>
          label="Tone"
          value={band}
          options={[
            { value: 'all', label: 'All' },
            { value: 'negative', label: 'Negative' },
            { value: 'neutral', label: 'Neutral' },
            { value: 'positive', label: 'Positive' },
          ]}
          onChange={setBand}
        />
        <ChoiceInput<SourceFilter>
          label="From"
          value={source}
          options={[
            { value: 'all', label: 'All' },
            { value: 'answer', label: 'Survey answers' },
            { value: 'comment', label: 'Comments' },
          ]}
          onChange={setSource}
        />
        <div>
          <label
            htmlFor={searchId}
            style={{
              display: 'block',
              font: token('font.body.small'),
              fontWeight: 600,
              color: token('color.text.subtle'),
            }}
          >
            Contains
          </label>
          <Textfield id={searchId} width="medium" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      <LoadedSection loaded={first.loaded} reload={first.reload}>
        {(data) => {
          const all = [...data.verbatims, ...(extra?.verbatims ?? [])];
          const cursor = extra !== null ? extra.cursor : data.nextCursor;
          return (
            <>
              <VerbatimList verbatims={all} search={search} />
              {cursor !== null ? (
                <div>
                  <Button isLoading={more.pending} onClick={() => void loadMore(cursor)}>
                    Load more
                  </Button>
                </div>
              ) : null}
            </>
          );
        }}
      </LoadedSection>
    </div>
  );
}

function VerbatimList({ verbatims, search }: { verbatims: readonly Verbatim[]; search: string }) {
  const needle = search.trim().toLowerCase();
  const shown = verbatims.filter((v) => needle === '' || v.text.toLowerCase().includes(needle));
  return (
    <>
      <p role="status" style={{ margin: 0, color: token('color.text.subtlest') }}>
        {shown.length} of {verbatims.length} shown
      </p>
      {shown.length === 0 ? (
        <Muted>No verbatim matches these filters.</Muted>
      ) : (
        <ul
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.100'),
          }}
        >
          {shown.map((v) => (
            <li
              key={v.id}
              style={{ borderLeft: `3px solid ${token(BAND_COLOUR[v.band])}`, paddingLeft: token('space.100') }}
            >
              <blockquote className="sentio-quote" style={{ margin: 0 }}>
                “{v.text}”
              </blockquote>
              <Muted>
                <IssueLink issueKey={v.issueKey} /> · {formatDate(v.at)} ·{' '}
                {v.source === 'answer' ? 'survey answer' : 'comment'}
                {v.score !== null ? ` ${scoreText(v.score.kind, v.score.score)}` : ''} ·{' '}
                {requestTypeLabel(v.requestTypeId, v.requestTypeName)}
              </Muted>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
