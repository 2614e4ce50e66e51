import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { Verbatim } from '../../api/project-contract';
import { formatDate } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { ChoiceInput } from '../../ui/choice-input';

type BandFilter = 'all' | Verbatim['band'];
type SourceFilter = 'all' | Verbatim['source'];

const BAND_COLOUR = { negative: 'color.border.danger', neutral: 'color.border', positive: 'color.border.success' } as const;

/** What requesters said, in their words, filtered by tone, source and text. */
export function VerbatimList({ verbatims }: { verbatims: readonly Verbatim[] }) {
  const searchId = useId();
  const [band, setBand] = useState<BandFilter>('all');
  const [source, setSource] = useState<SourceFilter>('all');
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = verbatims.filter(
    (v) => (band === 'all' || v.band === band) && (source === 'all' || v.source === source) && (needle === '' || v.text.toLowerCase().includes(needle)),
  );
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
          <label htmlFor={searchId} style={{ display: 'block', font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}>
            Contains
          </label>
          <Textfield id={searchId} width="medium" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      <p role="status" style={{ margin: 0, color: token('color.text.subtlest') }}>
        {shown.length} of {verbatims.length} shown
      </p>
      {shown.length === 0 ? (
        <Muted>No verbatim matches these filters.</Muted>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          {shown.map((v) => (
            <li key={v.id} style={{ borderLeft: `3px solid ${token(BAND_COLOUR[v.band])}`, paddingLeft: token('space.100') }}>
              <blockquote style={{ margin: 0 }}>“{v.text}”</blockquote>
              <Muted>
                <IssueLink issueKey={v.issueKey} /> · {formatDate(v.at)} · {v.source === 'answer' ? 'survey answer' : 'comment'}
                {v.score !== null ? ` ${scoreText(v.score.kind, v.score.score)}` : ''}
                {v.requestTypeName !== null ? ` · ${v.requestTypeName}` : ''}
              </Muted>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
