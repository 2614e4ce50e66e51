import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { memo, useMemo, useState } from 'react';
import {
  exportCsv,
  getAtRiskTickets,
  getResponseStats,
  getScorecards,
  getWatermelon,
  type DashboardWindow,
} from '@contracts/project';
import type { Scorecard } from '@domain/scorecard';
import { AreaMessages } from '../../i18n/area-messages';
import { useMessages } from '../../i18n/messages';
import { useAction, useCall } from '../../api/client-context';
import { ChoiceInput } from '../../ui/choice-input';
import { downloadText } from '../../ui/download';
import { useNotify } from '../../ui/flags';
import { NoAccess } from '../../ui/no-access';
import { Muted, Section } from '../../ui/section';
import { AtRiskList } from './at-risk-list';
import { IndicatorTable } from './indicator-table';
import { LoadedSection } from './loaded-section';
import { ResponseFiguresView } from './response-figures';
import { ScorecardCard } from './scorecard-card';
import { ScorecardSeries } from './scorecard-series';
import { VerbatimSection } from './verbatim-list';
import { WatermelonTable } from './watermelon-table';
import { DEFAULT_WINDOW, windowOptions } from './window-choice';

/**
 * The service owner's page: XLA scorecards and everything behind them, for one project. Every
 * section starts its own call at once, so the page waits on one round of invokes; changing the
 * window is one more round.
 */
export default function ProjectPage() {
  return (
    <AreaMessages area="project" lines={8}>
      <ProjectSections />
    </AreaMessages>
  );
}

function ProjectSections() {
  const m = useMessages();
  const [window, setWindow] = useState<DashboardWindow>(DEFAULT_WINDOW);
  const scorecards = useCall(getScorecards, { window });
  const watermelon = useCall(getWatermelon, { window });
  const atRisk = useCall(getAtRiskTickets, {});
  const response = useCall(getResponseStats, { window });
  const csv = useAction(exportCsv);
  const notify = useNotify();
  // Every section asks the same project: a refusal is the page's answer, said once, not per section.
  const calls = [scorecards.loaded, watermelon.loaded, atRisk.loaded, response.loaded];
  const refused = calls.find((c) => c.state === 'error' && c.error.code === 'forbidden');

  async function download() {
    const result = await csv.run({ window });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    downloadText(result.data.filename, result.data.csv, 'text/csv');
  }

  const targets = useMemo(
    () =>
      Object.fromEntries(
        scorecards.loaded.state === 'ok' ? scorecards.loaded.data.scorecards.map((c) => [c.xlaId, c.targetScore]) : [],
      ),
    [scorecards.loaded],
  );
  // Jira titles the project page with the module's name: the view does not repeat it.
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300'), padding: token('space.100') }}>
      <div style={{ display: 'flex', gap: token('space.200'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <ChoiceInput<DashboardWindow>
          label={m.t('projectPage.window.label')}
          value={window}
          options={windowOptions(m)}
          onChange={setWindow}
          disabled={refused !== undefined}
        />
        <Button isLoading={csv.pending} isDisabled={refused !== undefined} onClick={() => void download()}>
          {m.t('projectPage.exportCsv')}
        </Button>
      </div>
      {refused !== undefined && refused.state === 'error' ? (
        <NoAccess message={refused.error.message} />
      ) : (
        <>
          <LoadedSection loaded={scorecards.loaded} reload={scorecards.reload} lines={6}>
            {(data) => <Scorecards cards={data.scorecards} />}
          </LoadedSection>
          <Section title={m.t('projectPage.section.watermelon')}>
            <LoadedSection loaded={watermelon.loaded} reload={watermelon.reload}>
              {(data) => <Watermelon data={data} window={window} targets={targets} />}
            </LoadedSection>
          </Section>
          <Section title={m.t('projectPage.section.atRisk')}>
            <LoadedSection loaded={atRisk.loaded} reload={atRisk.reload}>
              {(data) => <AtRisk tickets={data.tickets} />}
            </LoadedSection>
          </Section>
          <Section title={m.t('projectPage.section.verbatims')}>
            <Verbatims window={window} />
          </Section>
          <Section title={m.t('projectPage.section.response')}>
            <LoadedSection loaded={response.loaded} reload={response.reload}>
              {(data) => <ResponseFigures figures={data} />}
            </LoadedSection>
          </Section>
        </>
      )}
    </div>
  );
}

// Each section's answer comes on its own and re-renders the page: a section whose data did not
// change is not drawn again (its props are the same objects until its own call answers).
const Watermelon = memo(WatermelonTable);
const AtRisk = memo(AtRiskList);
const Verbatims = memo(VerbatimSection);
const ResponseFigures = memo(ResponseFiguresView);

const Scorecards = memo(function Scorecards({ cards }: { cards: readonly Scorecard[] }) {
  const m = useMessages();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = cards.find((c) => c.xlaId === selectedId) ?? cards[0] ?? null;
  return (
    <>
      <Section title={m.t('projectPage.section.scorecards')}>
        {cards.length === 0 ? (
          <Muted>{m.t('projectPage.noXla')}</Muted>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
            {cards.map((c) => (
              <ScorecardCard key={c.xlaId} card={c} />
            ))}
          </div>
        )}
      </Section>
      {selected !== null ? (
        <Section
          title={m.t('projectPage.section.behind', { xla: selected.name })}
          actions={
            cards.length > 1 ? (
              <ChoiceInput<string>
                label={m.t('projectPage.xla')}
                value={selected.xlaId}
                options={cards.map((c) => ({ value: c.xlaId, label: c.name }))}
                onChange={setSelectedId}
              />
            ) : undefined
          }
        >
          <ScorecardSeries card={selected} />
          <IndicatorTable card={selected} />
        </Section>
      ) : null}
    </>
  );
});
