import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useState } from 'react';
import { getVerbatims, type DashboardWindow, type ReasonCount, type Verbatim } from '@contracts/project';
import { formatList, formatNumber } from '@domain/i18n';
import { useAction, useCall } from '../../api/client-context';
import { useHost } from '../../app/host-context';
import { answerWords } from '../../i18n/answer-words';
import { useMessages } from '../../i18n/messages';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { IssueLink } from '../../ui/issue-link';
import { Muted } from '../../ui/section';
import { LoadedSection } from './loaded-section';
import { requestTypeLabel } from './request-type-name';

type BandFilter = 'all' | Verbatim['band'];
interface Page {
  readonly verbatims: readonly Verbatim[];
  readonly reasonCounts: readonly ReasonCount[];
  readonly answersRead: number;
}
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
  const m = useMessages();
  const { context } = useHost();
  const searchId = useId();
  const [band, setBand] = useState<BandFilter>('all');
  const [source, setSource] = useState<SourceFilter>('all');
  const [search, setSearch] = useState('');
  const payload = {
    window,
    ...(band !== 'all' ? { band } : {}),
    ...(source !== 'all' ? { source } : {}),
    ...(projectId !== undefined ? { projectId } : {}),
    // The chips' words in the viewer's language; the prefetch sends the same.
    ...(context.locale !== undefined ? { locale: context.locale } : {}),
  };
  const first = useCall(getVerbatims, payload);
  const more = useAction(getVerbatims);
  const notify = useNotify();
  const [extra, setExtra] = useState<{ pages: Page[]; cursor: string | null } | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const key = JSON.stringify(payload);
  useEffect(() => {
    setExtra(null);
    setReason(null);
  }, [key]);

  async function loadMore(cursor: string) {
    const result = await more.run({ ...payload, cursor });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    setExtra((prev) => ({ pages: [...(prev?.pages ?? []), result.data], cursor: result.data.nextCursor }));
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
        <ChoiceInput<BandFilter>
          label={m.t('projectPage.verbatims.tone')}
          value={band}
          options={[
            { value: 'all', label: m.t('projectPage.verbatims.all') },
            { value: 'negative', label: m.t('projectPage.verbatims.negative') },
            { value: 'neutral', label: m.t('projectPage.verbatims.neutral') },
            { value: 'positive', label: m.t('projectPage.verbatims.positive') },
          ]}
          onChange={setBand}
        />
        <ChoiceInput<SourceFilter>
          label={m.t('projectPage.verbatims.from')}
          value={source}
          options={[
            { value: 'all', label: m.t('projectPage.verbatims.all') },
            { value: 'answer', label: m.t('projectPage.verbatims.answers') },
            { value: 'comment', label: m.t('projectPage.verbatims.comments') },
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
            {m.t('projectPage.verbatims.contains')}
          </label>
          <Textfield id={searchId} width="medium" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      <LoadedSection loaded={first.loaded} reload={first.reload}>
        {(data) => {
          const pages: Page[] = [data, ...(extra?.pages ?? [])];
          const all = pages.flatMap((p) => p.verbatims);
          const cursor = extra !== null ? extra.cursor : data.nextCursor;
          return (
            <>
              <ReasonCounts pages={pages} selected={reason} onSelect={setReason} />
              <VerbatimList verbatims={all} search={search} reason={reason} />
              {cursor !== null ? (
                <div>
                  <Button isLoading={more.pending} onClick={() => void loadMore(cursor)}>
                    {m.t('projectPage.verbatims.more')}
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

/**
 * The loaded pages' chip counts added up, most picked first. Keyed by the words the reader sees (the
 * server words every chip in the page's locale): two plans' chips that read the same count as one.
 */
function addUp(pages: readonly Page[]): { counts: ReasonCount[]; answers: number } {
  const byKey = new Map<string, ReasonCount>();
  for (const p of pages)
    for (const c of p.reasonCounts) {
      const key = `${c.band}\u001f${c.reason}`;
      byKey.set(key, { ...c, count: (byKey.get(key)?.count ?? 0) + c.count });
    }
  return {
    counts: [...byKey.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    answers: pages.reduce((n, p) => n + p.answersRead, 0),
  };
}

/**
 * How often requesters picked each reason chip, in the survey answers behind the loaded verbatims
 * (with or without a comment). A chip filters the list to the answers that picked it.
 */
function ReasonCounts({
  pages,
  selected,
  onSelect,
}: {
  pages: readonly Page[];
  selected: string | null;
  onSelect: (reason: string | null) => void;
}) {
  const m = useMessages();
  const { counts, answers } = addUp(pages);
  if (answers === 0) return null;
  if (counts.length === 0) return <Muted>{m.t('projectPage.verbatims.noChip', { answers })}</Muted>;
  const most = counts[0]?.count ?? 1;
  return (
    <section
      aria-label={m.t('projectPage.verbatims.reasons')}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}
    >
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
        {m.t('projectPage.verbatims.picked', { answers })}
        {selected !== null ? ` · ${m.t('projectPage.verbatims.filtered')}` : ''}
      </span>
      <ul
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}
      >
        {counts.map((c) => {
          const on = selected === c.reason;
          return (
            <li key={`${c.band}:${c.reason}`}>
              <button
                type="button"
                className="sentio-tap"
                aria-pressed={on}
                aria-label={m.t('projectPage.verbatims.chip', { reason: c.reason, count: c.count, band: c.band })}
                onClick={() => onSelect(on ? null : c.reason)}
                style={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  gap: token('space.075'),
                  padding: `${token('space.025')} ${token('space.100')}`,
                  borderInlineStart: `4px solid ${token(BAND_COLOUR[c.band])}`,
                }}
              >
                <span>{c.reason}</span>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: `${Math.max(4, Math.round((32 * c.count) / most))}px`,
                    height: 6,
                    borderRadius: 3,
                    background: token(BAND_COLOUR[c.band]),
                  }}
                />
                <strong aria-hidden>{c.count}</strong>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function VerbatimList({
  verbatims,
  search,
  reason,
}: {
  verbatims: readonly Verbatim[];
  search: string;
  reason: string | null;
}) {
  const m = useMessages();
  const needle = search.trim().toLowerCase();
  const shown = verbatims.filter(
    (v) => (needle === '' || v.text.toLowerCase().includes(needle)) && (reason === null || v.reasons.includes(reason)),
  );
  return (
    <>
      <p role="status" style={{ margin: 0, color: token('color.text.subtlest') }}>
        {m.t('projectPage.verbatims.shown', { shown: formatNumber(m.locale, shown.length), total: verbatims.length })}
      </p>
      {shown.length === 0 ? (
        <Muted>{m.t('projectPage.verbatims.noMatch')}</Muted>
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
              style={{
                borderInlineStart: `3px solid ${token(BAND_COLOUR[v.band])}`,
                paddingInlineStart: token('space.100'),
              }}
            >
              <blockquote className="sentio-quote" style={{ margin: 0 }}>
                {m.t('projectPage.verbatims.quote', { text: v.text })}
              </blockquote>
              <Muted>
                <IssueLink issueKey={v.issueKey} />{' '}
                {m.t(
                  v.source === 'comment'
                    ? 'projectPage.verbatims.aboutComment'
                    : v.reasons.length > 0
                      ? 'projectPage.verbatims.aboutAnswerReasons'
                      : 'projectPage.verbatims.aboutAnswer',
                  {
                    at: v.at,
                    score: v.score !== null ? answerWords(m, v.score.kind, v.score.score) : '',
                    reasons: formatList(m.locale, v.reasons),
                    requestType: requestTypeLabel(m, v.requestTypeId, v.requestTypeName),
                  },
                )}
              </Muted>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
