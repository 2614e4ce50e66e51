import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { getProjectDashboard, type ProjectDashboard } from '../../api/project-contract';
import { useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { ChoiceInput } from '../../ui/choice-input';
import { downloadText } from '../../ui/download';
import { Muted, Section } from '../../ui/section';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { AtRiskList } from './at-risk-list';
import { IndicatorTable } from './indicator-table';
import { ResponseFiguresView } from './response-figures';
import { ScorecardCard } from './scorecard-card';
import { scorecardsToCsv } from './scorecard-csv';
import { ScorecardSeries } from './scorecard-series';
import { VerbatimList } from './verbatim-list';
import { WatermelonTable } from './watermelon-table';
import { WINDOW_OPTIONS, type WindowChoice, windowOf } from './window-choice';

/** The service owner's page: XLA scorecards and everything behind them, for one project. */
export default function ProjectPage() {
  const [choice, setChoice] = useState<WindowChoice>('own');
  const window = windowOf(choice);
  // One call brings the whole page; changing the window is one more round, nothing else.
  const { loaded, reload } = useCall(getProjectDashboard, window !== undefined ? { window } : {});
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300'), padding: token('space.100') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: token('space.200'), flexWrap: 'wrap' }}>
        <Heading size="large" as="h1">
          Experience (XLA)
        </Heading>
        <div style={{ display: 'flex', gap: token('space.200'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <ChoiceInput<WindowChoice> label="Window" value={choice} options={WINDOW_OPTIONS} onChange={setChoice} />
          <Button
            isDisabled={loaded.state !== 'ok'}
            onClick={() => {
              if (loaded.state === 'ok') downloadText(`sentio-xla-${loaded.data.projectKey}.csv`, scorecardsToCsv(loaded.data.scorecards), 'text/csv');
            }}
          >
            Export CSV
          </Button>
        </div>
      </div>
      {loaded.state === 'loading' ? <ViewSkeleton lines={8} /> : null}
      {loaded.state === 'error' ? <CallErrorMessage error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? <Dashboard data={loaded.data} window={window} /> : null}
    </div>
  );
}

function Dashboard({ data, window }: { data: ProjectDashboard; window: ReturnType<typeof windowOf> }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = data.scorecards.find((c) => c.xlaId === selectedId) ?? data.scorecards[0] ?? null;
  return (
    <>
      <Section title="Scorecards">
        {data.scorecards.length === 0 ? (
          <Muted>No XLA covers this project yet. An admin can add one on the Sentio configure page.</Muted>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
            {data.scorecards.map((c) => (
              <ScorecardCard key={c.xlaId} card={c} />
            ))}
          </div>
        )}
      </Section>
      {selected !== null ? (
        <Section
          title={`Behind “${selected.name}”`}
          actions={
            data.scorecards.length > 1 ? (
              <ChoiceInput<string>
                label="XLA"
                value={selected.xlaId}
                options={data.scorecards.map((c) => ({ value: c.xlaId, label: c.name }))}
                onChange={setSelectedId}
              />
            ) : undefined
          }
        >
          <ScorecardSeries card={selected} />
          <IndicatorTable card={selected} />
        </Section>
      ) : null}
      <Section title="SLA vs experience by request type">
        <WatermelonTable rows={data.watermelon} window={window ?? selected?.window ?? { kind: 'rolling', days: 30 }} />
      </Section>
      <Section title="Open tickets at risk">
        <AtRiskList tickets={data.atRisk} />
      </Section>
      <Section title="What requesters said">
        <VerbatimList verbatims={data.verbatims} />
      </Section>
      <Section title="Response rate and survey fatigue">
        <ResponseFiguresView figures={data.response} />
      </Section>
    </>
  );
}
