// @vitest-environment jsdom
/**
 * The words the views build from their own message files (locales/issue, locales/project) in
 * other locales. Oracle: sentences written out by hand here from the German and Japanese files
 * and Intl's unit names, not produced by the code under test.
 */
import './support/setup';
import { render, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { RiskView, TicketExperienceView } from '@contracts/agent';
import type { AtRiskTicket } from '@contracts/project';
import type { Locale, Translator } from '@domain/i18n';
import type { RefusalFacts } from '@domain/survey/decision-summary';
import { loadArea, type Area } from '../../static/src/i18n/area-files';
import { withArea } from '../../static/src/i18n/area-messages';
import { MessagesProvider } from '../../static/src/i18n/messages';
import { SlaChip } from '../../static/src/views/issue/sla-chip';
import { AsksSection } from '../../static/src/views/issue/asks-section';
import { refusalSentence } from '../../static/src/views/issue/refusal-text';
import { timelineTitle } from '../../static/src/views/issue/server-words';
import { reasonText } from '../../static/src/ui/risk-reasons';
import { CallErrorMessage } from '../../static/src/ui/call-error-message';
import { Field } from '../../static/src/ui/field';
import { Notice } from '../../static/src/ui/notice';
import { AtRiskList } from '../../static/src/views/project/at-risk-list';
import { IndicatorTable } from '../../static/src/views/project/indicator-table';
import { ScorecardCard } from '../../static/src/views/project/scorecard-card';
import { watermelonVerdict } from '../../static/src/views/project/watermelon-table';
import { anExperience, aScorecard, aWatermelon } from './support/builders';
import { hostFor } from './support/fake-host';
import { HostProvider } from '../../static/src/app/host-context';
import { forgeTranslator } from '../i18n/forge-translations';

async function wordsOf(locale: Locale, area: Area): Promise<Translator> {
  return withArea(await forgeTranslator(locale), await loadArea(area, locale));
}

async function renderIn(locale: Locale, area: Area, node: ReactNode): Promise<HTMLElement> {
  const m = await wordsOf(locale, area);
  return render(<MessagesProvider messages={m}>{node}</MessagesProvider>).container;
}

/** Intl, the oracle for how a locale writes a percentage. */
const percentIn = (locale: string, x: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(x);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
type Reading = TicketExperienceView['sla'];
const breached: Reading = {
  read: 'read',
  slas: [
    { name: 'Zeit bis zur Lösung', state: 'breached', remainingMs: -(2 * HOUR + 5 * MINUTE), breachedBefore: false },
  ],
};

describe('the SLA chip in other languages', () => {
  it('says the state, the SLA and the time overdue in German', async () => {
    const chip = await renderIn('de-DE', 'issue', <SlaChip reading={breached} />);
    expect(chip.querySelector('.sentio-explain-term')?.textContent).toBe(
      'SLA verletzt Zeit bis zur Lösung, 2 Stunden 5 Minuten überfällig',
    );
  });

  it('says it in Japanese, with Japanese units and no spaces between them', async () => {
    const chip = await renderIn('ja-JP', 'issue', <SlaChip reading={breached} />);
    expect(chip.querySelector('.sentio-explain-term')?.textContent).toBe(
      'SLA 違反 Zeit bis zur Lösung、2 時間5 分超過',
    );
  });

  it('says in French when the read failed', async () => {
    const chip = await renderIn('fr-FR', 'issue', <SlaChip reading={{ read: 'failed' }} />);
    expect(chip.querySelector('.sentio-explain-term')?.textContent).toBe('Le SLA n’a pas pu être lu');
  });
});

describe('the SLA chip when Jira has more SLAs than the panel read', () => {
  const many: Reading = {
    read: 'read',
    slas: Array.from({ length: 250 }, (_, i) => ({
      name: `SLA ${i + 1}`,
      state: 'on-track' as const,
      remainingMs: 5 * HOUR,
      breachedBefore: false,
    })),
    more: true,
  };
  const note = (chip: HTMLElement) => chip.querySelector('.sentio-sla-first-only')?.textContent;

  it('says in German that it shows the first 250', async () => {
    const chip = await renderIn('de-DE', 'issue', <SlaChip reading={many} />);
    expect(note(chip)).toBe(
      'Die ersten 250 SLAs werden gezeigt: Diese Anfrage hat weitere, und Jiras SLA-Panel zeigt sie alle.',
    );
  });

  it('says it in Japanese', async () => {
    const chip = await renderIn('ja-JP', 'issue', <SlaChip reading={many} />);
    expect(note(chip)).toBe(
      '最初の 250 件の SLA を表示しています。このリクエストには他にも SLA があり、Jira の SLA パネルにすべて表示されます。',
    );
  });

  it('says nothing of the kind when the read had every SLA', async () => {
    const chip = await renderIn('de-DE', 'issue', <SlaChip reading={{ ...many, more: false }} />);
    expect(note(chip)).toBeUndefined();
  });
});

describe('the scorecard in other languages', () => {
  it('gives the indicator table’s arithmetic in German, with decimal commas', async () => {
    const table = await renderIn('de-DE', 'project', <IndicatorTable card={aScorecard()} />);
    // By hand, as in the English test: 70 × 80 % × 70 % = 39.2, written the German way.
    // Percentages as Intl writes them in German (a no-break space before the sign).
    const de = (x: number) => percentIn('de-DE', x);
    expect(table.textContent).toContain(`70,0 × ${de(0.8)} von Erlebnis × ${de(0.7)} (Anteil Erlebnis) = 39,2 Punkte.`);
    expect(table.textContent).toContain('31 gut von 40');
    // The interval as one range, with the locale's own range sign: "63–87 %" (builder: 0.63 to 0.87).
    expect(table.textContent).toContain(new Intl.NumberFormat('de-DE', { style: 'percent' }).formatRange(0.63, 0.87));
    const points = [...table.querySelectorAll('td .sentio-explain-term')].map((t) => t.textContent);
    expect(points).toContain('39,2');
    expect(table.querySelector('caption')?.textContent).toBe('Indikatoren von People get back to work fast');
  });

  it('names the card’s target and window in Japanese', async () => {
    const card = await renderIn('ja-JP', 'project', <ScorecardCard card={aScorecard()} />);
    expect(card.textContent).toContain('目標 80 · 過去 30 日間');
  });
});

describe('the SLA-versus-experience verdict in other languages', () => {
  it('says why a row is a watermelon in Spanish, with the basis in words', async () => {
    const row = aWatermelon().rows.find((r) => r.flagged);
    expect(row).toBeDefined();
    if (row === undefined) return;
    const m = await wordsOf('es-ES', 'project');
    // By hand from the row: operations 95 ≥ 80, satisfaction's upper bound 55 % under 70 %.
    const es = (x: number) => percentIn('es-ES', x);
    expect(watermelonVerdict(m, row).full).toContain(
      `La puntuación operativa 95 (≥ 80) parece verde, pero la satisfacción es como mucho ${es(0.55)}, por debajo de ${es(0.7)}. Una sandía`,
    );
    expect(watermelonVerdict(m, row).short).toBe('Sandía');
  });
});

describe('shared error words in other languages', () => {
  it('says a timed-out call in German, with the retry action, and no bridge text', async () => {
    const error = { code: 'bridge', message: 'FUNCTION_TIME_OUT', fields: [], reason: 'timeout' } as const;
    const box = await renderIn('de-DE', 'issue', <CallErrorMessage error={error} onRetry={() => undefined} />);
    expect(box.textContent).toContain('Jira ist ausgelastet oder nicht erreichbar');
    expect(box.textContent).toContain('Jira hat zu lange für die Antwort gebraucht.');
    expect(box.querySelector('button')?.textContent).toBe('Erneut versuchen');
    expect(box.textContent).not.toContain('FUNCTION_TIME_OUT');
  });
});

describe('risk reasons and timeline titles sent as codes with figures', () => {
  // The server's English sentences (src/domain/ticket/risk.ts, written separately) are the oracle
  // for English; the German ones are written out by hand from the German file.
  const reasons: Array<RiskView['reasons'][number] & { de: string }> = [
    {
      code: 'low-score-no-follow-up',
      text: 'Low survey answer (1 of 5) with no follow-up yet',
      facts: { answer: { kind: 'csat5', score: 1 } },
      de: 'Schlechte Umfrageantwort (1 von 5), noch ohne Nachfassen',
    },
    {
      code: 'sla-breached',
      text: 'SLA breached: Time to first response, Time to resolution',
      facts: { slas: ['Time to first response', 'Time to resolution'] },
      de: 'SLA verletzt: Time to first response, Time to resolution',
    },
    {
      code: 'negative-mood',
      text: "Requester's recent comments read negative (−0.62 on a −1 to +1 scale)",
      facts: { mood: -0.62 },
      de: 'Die letzten Kommentare der anfragenden Person wirken negativ (−0,62 auf einer Skala von −1 bis +1)',
    },
    {
      code: 'chasers',
      text: 'Requester asked for an update twice',
      facts: { count: 2 },
      de: 'Die anfragende Person hat zweimal nach dem Stand gefragt',
    },
    { code: 'reassigned', text: 'Reassigned 3 times', facts: { count: 3 }, de: '3 Mal neu zugewiesen' },
    {
      code: 'long-wait',
      text: 'Waited for support 3 days in total (the limit is 24 hours)',
      facts: { waitedHours: 80, limitHours: 24 },
      de: 'Insgesamt 3 Tage auf den Support gewartet (die Grenze ist 24 Stunden)',
    },
  ];

  it('words each reason as the server does in English, and in German from the figures', async () => {
    const en = await wordsOf('en-US', 'issue');
    const de = await wordsOf('de-DE', 'issue');
    for (const r of reasons) {
      expect(reasonText(en, r)).toBe(r.text);
      expect(reasonText(de, r)).toBe(r.de);
    }
  });

  it('keeps the server’s English when no figures come with a reason', async () => {
    const de = await wordsOf('de-DE', 'issue');
    expect(reasonText(de, { code: 'chasers', text: 'Requester asked for an update once' })).toBe(
      'Requester asked for an update once',
    );
  });

  it('titles timeline entries in Japanese', async () => {
    const ja = await wordsOf('ja-JP', 'issue');
    const entry = { id: 'e', at: 0, kind: 'answer', detail: null, tone: 'bad' } as const;
    expect(
      timelineTitle(ja, {
        ...entry,
        title: 'Survey answer: 2 of 5',
        says: { title: 'answer', questionKind: 'csat5', score: 2 },
      }),
    ).toBe('アンケート回答: 5 段階中 2');
    expect(timelineTitle(ja, { ...entry, kind: 'reopened', title: 'Reopened', says: { title: 'reopened' } })).toBe(
      '再オープン',
    );
  });
});

describe('the project page’s at-risk reasons from codes and figures', () => {
  const tickets = [
    {
      issueKey: 'HELP-12',
      riskLevel: 'high',
      riskScore: 70,
      reasons: [
        { code: 'chasers', text: 'Requester asked for an update twice', facts: { count: 2 } },
        {
          code: 'long-wait',
          text: 'Waited for support 3 days in total (the limit is 24 hours)',
          facts: { waitedHours: 80, limitHours: 24 },
        },
      ],
      mood: null,
      lastScore: null,
      requestTypeId: null,
      requestTypeName: null,
      assignee: null,
      ageHours: null,
    },
  ] satisfies AtRiskTicket[];
  // The issue links open through the host (a project page's own).
  const host = hostFor('sentio-project-page');
  const inHost = (node: ReactNode) => (
    <HostProvider host={host} context={host.context}>
      {node}
    </HostProvider>
  );
  const reasonsShown = (table: HTMLElement) =>
    [...table.querySelectorAll('tbody td:last-child li')].map((li) => li.textContent);

  it('says them in German, as the agent panel does', async () => {
    const table = await renderIn('de-DE', 'project', inHost(<AtRiskList tickets={tickets} />));
    // Written out by hand from the German file and Intl's unit names.
    expect(reasonsShown(table)).toEqual([
      'Die anfragende Person hat zweimal nach dem Stand gefragt',
      'Insgesamt 3 Tage auf den Support gewartet (die Grenze ist 24 Stunden)',
    ]);
  });

  it('says them in Japanese', async () => {
    const table = await renderIn('ja-JP', 'project', inHost(<AtRiskList tickets={tickets} />));
    expect(reasonsShown(table)).toEqual([
      '依頼者が進捗を 2 回 問い合わせました',
      'サポートを合計 3 日 待ちました（上限は 24 時間）',
    ]);
  });
});

describe('shared pieces’ own words in other languages', () => {
  it('names a notice’s status icon in German', async () => {
    const box = await renderIn(
      'de-DE',
      'issue',
      <Notice appearance="error" title="x">
        {null}
      </Notice>,
    );
    expect(within(box).getByRole('img').getAttribute('aria-label')).toBe('Fehler');
  });

  it('names a field’s help in Japanese, without the label’s parenthesised range', async () => {
    const box = await renderIn(
      'ja-JP',
      'issue',
      <Field label="下限（0–1）" help="…">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(within(box).getByRole('img').getAttribute('aria-label')).toBe('「下限」の意味');
  });
});

describe('why a plan cannot ask, from the refusal’s figures', () => {
  const now = Date.UTC(2026, 11, 6, 12);
  const maxAsks = {
    reason: 'max-asks-reached',
    message: 'the requester was already asked twice on this ticket; the plan allows twice',
    facts: { asked: 2, allowed: 2 },
  };
  const cooldown = {
    reason: 'cooldown',
    message: 'the requester was last asked 3 h ago; the plan waits 24 h between asks',
    facts: { lastAskedAt: now - 3 * HOUR, cooldownHours: 24 },
  };
  const sampled = {
    reason: 'sampled-out',
    message: 'not in the 50 % sample this time',
    facts: { samplingPercent: 50 },
  };

  it('says them in German: counts in words, the wait in Intl’s units, the share through Intl', async () => {
    const de = await wordsOf('de-DE', 'issue');
    expect(refusalSentence(de, maxAsks, now)).toBe(
      'Die anfragende Person wurde zu diesem Ticket schon zweimal gefragt; der Plan erlaubt 2 Fragen.',
    );
    expect(refusalSentence(de, cooldown, now)).toBe(
      'Die anfragende Person wurde zuletzt vor 3 Stunden gefragt; der Plan wartet 24 Stunden zwischen zwei Fragen.',
    );
    expect(refusalSentence(de, sampled, now)).toBe(
      `Diesmal nicht in der Stichprobe von ${percentIn('de-DE', 0.5)} des Plans.`,
    );
  });

  it('says them in Japanese', async () => {
    const ja = await wordsOf('ja-JP', 'issue');
    expect(refusalSentence(ja, maxAsks, now)).toBe(
      'このチケットでは依頼者にすでに 2 回質問しています。プランで許可されているのは 2 回までです。',
    );
    expect(refusalSentence(ja, cooldown, now)).toBe(
      '依頼者への前回の質問は3 時間前です。プランでは質問の間隔を 24 時間 空けます。',
    );
  });

  it('keeps the server’s sentence when a refusal comes without its figures (a decision stored before)', async () => {
    const de = await wordsOf('de-DE', 'issue');
    expect(refusalSentence(de, { reason: 'cooldown', message: cooldown.message }, now)).toBe(
      'The requester was last asked 3 h ago; the plan waits 24 h between asks.',
    );
  });
});

type PlanDecisionView = TicketExperienceView['planDecisions'][number];

describe('the plans that did not ask, when the waypoint was not reached', () => {
  const at = Date.now() - 2 * HOUR;
  const miss = (planName: string, message: string, facts?: RefusalFacts): PlanDecisionView => ({
    planId: planName,
    planName,
    asked: false,
    reason: 'waypoint-mismatch',
    message,
    ...(facts !== undefined ? { facts } : {}),
    at,
  });
  const decisions: PlanDecisionView[] = [
    miss('Erste Antwort', 'waits for the first public reply, not the scheduled check', {
      miss: 'wrong-trigger',
      waypoint: 'first-response',
      trigger: 'tick',
    }),
    miss('Lange offen', 'the ticket has been open less than 72 hours', { miss: 'open-less-than', hours: 72 }),
    miss('Ruhig', 'an agent was publicly active within the last 1 hour', { miss: 'agent-active-within', hours: 1 }),
    miss('Status', 'the new status "In Bearbeitung" is not one the plan asks at', {
      miss: 'status-not-listed',
      status: 'In Bearbeitung',
    }),
    miss('Weitergereicht', 'this is reassignment 2; the plan asks from reassignment 3 on', {
      miss: 'before-nth-reassignment',
      nth: 2,
      fromNth: 3,
    }),
    miss('Intern', 'an internal comment is not a response the requester sees', { miss: 'internal-comment' }),
    // Stored before misses had codes: the server's English stands.
    miss('Alt', 'this is reassignment 2; the plan asks from reassignment 3 on'),
  ];
  const linesIn = async (locale: Locale): Promise<string[]> => {
    const box = await renderIn(
      locale,
      'issue',
      <AsksSection view={anExperience({ asks: [], planDecisions: decisions })} actions={null} />,
    );
    return [...box.querySelectorAll('details li')].map((li) => li.textContent ?? '');
  };

  it('words each miss in German from its code and figures, hours through Intl’s units', async () => {
    expect(await linesIn('de-DE')).toEqual([
      'Erste Antwort: Der Plan wartet auf die erste öffentliche Antwort, nicht auf die geplante Prüfung. (vor 2 Stunden)',
      'Lange offen: Das Ticket ist seit weniger als 72 Stunden offen. (vor 2 Stunden)',
      'Ruhig: Ein Agent war vor weniger als 1 Stunde öffentlich auf dem Ticket aktiv. (vor 2 Stunden)',
      'Status: Der neue Status „In Bearbeitung“ gehört nicht zu denen, bei denen der Plan fragt. (vor 2 Stunden)',
      'Weitergereicht: Dies ist die 2. Neuzuweisung; der Plan fragt erst ab der 3. Neuzuweisung. (vor 2 Stunden)',
      'Intern: Ein interner Kommentar ist keine Antwort, die die anfragende Person sieht. (vor 2 Stunden)',
      'Alt: This is reassignment 2; the plan asks from reassignment 3 on. (vor 2 Stunden)',
    ]);
  });

  it('words each miss in Japanese', async () => {
    expect(await linesIn('ja-JP')).toEqual([
      'Erste Antwort: このプランが待つのは最初の公開返信で、定期チェックではありません。（2 時間前）',
      'Lange offen: チケットが作成されてから 72 時間 経っていません。（2 時間前）',
      'Ruhig: エージェントが 1 時間 以内にチケットで公開の対応をしています。（2 時間前）',
      'Status: 新しいステータス「In Bearbeitung」は、このプランが質問するステータスではありません。（2 時間前）',
      'Weitergereicht: これは 2 回目の再割り当てです。このプランが質問するのは 3 回目以降です。（2 時間前）',
      'Intern: 内部コメントは、依頼者に見える返信ではありません。（2 時間前）',
      'Alt: This is reassignment 2; the plan asks from reassignment 3 on.（2 時間前）',
    ]);
  });

  it('says the English ordinals in English', async () => {
    const en = await wordsOf('en-US', 'issue');
    const [, , , , nth] = decisions;
    expect(nth && refusalSentence(en, nth)).toBe('This is the 2nd reassignment; the plan asks from the 3rd on.');
  });
});
