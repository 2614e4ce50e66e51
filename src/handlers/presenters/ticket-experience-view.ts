/**
 * The agent panel's view of a ticket: the use case's read model in the panel's words (titles,
 * tones, indicator states). Wording lives here, beside the handler, not in the use case.
 */
import type { TicketExperienceRead } from '../../app/experience/get-ticket-experience';
import type { AskSummary, TicketExperienceView, TimelineEntry } from '../../contracts/agent';
import type { Ask } from '../../domain/ask';
import { normalisedScore, type QuestionKind, SCALES } from '../../domain/question';
import type { Signal } from '../../domain/signal';
import type { Translator } from '../../domain/i18n';
import { wordQuestion } from '../../domain/survey/waypoint-wording';
import { NEGATIVE_MOOD, POSITIVE_MOOD, isDone, ticketSignals, type TicketExperience } from '../../domain/ticket';

function moodLabel(mood: number | null): TicketExperienceView['moodLabel'] {
  if (mood === null) return 'unknown';
  return mood <= NEGATIVE_MOOD ? 'negative' : mood >= POSITIVE_MOOD ? 'positive' : 'neutral';
}

/** An answer in the words of its scale ("4 of 5", "thumbs down"), never the scale's key. */
function answerWords(kind: QuestionKind, score: number): string {
  if (kind === 'thumbs') return score === 1 ? 'thumbs up' : 'thumbs down';
  return `${score} of ${SCALES[kind].max}`;
}

function timelineOf(signal: Signal): TimelineEntry {
  const at = { id: signal.id, at: signal.at };
  switch (signal.kind) {
    case 'answer':
      return {
        ...at,
        kind: 'answer',
        title: `Survey answer: ${answerWords(signal.questionKind, signal.score)}`,
        says: { title: 'answer', questionKind: signal.questionKind, score: signal.score },
        detail: signal.comment,
        tone: signal.favourable ? 'good' : 'bad',
      };
    case 'comment-sentiment': {
      const negative = signal.s <= NEGATIVE_MOOD;
      return {
        ...at,
        kind: 'comment-sentiment',
        title: negative ? 'Negative tone detected' : 'Requester comment',
        says: { title: negative ? 'negative-comment' : 'comment' },
        detail: signal.negativeSentences[0] ?? null,
        tone: negative ? 'bad' : 'neutral',
      };
    }
    case 'comment-not-scored':
      // Neither good nor bad: a comment in another language says nothing about tone (SCORING.md §4).
      return {
        ...at,
        kind: 'comment-sentiment',
        title: 'Requester comment: not scored (language)',
        says: { title: 'comment-not-scored' },
        detail: null,
        tone: 'neutral',
      };
    case 'chaser':
      return {
        ...at,
        kind: 'chaser',
        title: 'Requester asked for an update',
        says: { title: 'chaser' },
        detail: signal.excerpt,
        tone: 'bad',
      };
    case 'sla-breached':
      return {
        ...at,
        kind: 'sla-breached',
        title: `SLA breached: ${signal.slaName}`,
        says: { title: 'sla-breached', slaName: signal.slaName },
        detail: null,
        tone: 'bad',
      };
    case 'reopened':
      return { ...at, kind: 'reopened', title: 'Reopened', says: { title: 'reopened' }, detail: null, tone: 'bad' };
    case 'reassigned':
      return {
        ...at,
        kind: 'reassigned',
        title: `Reassigned (${signal.count})`,
        says: { title: 'reassigned', count: signal.count },
        detail: null,
        tone: signal.count > 1 ? 'bad' : 'neutral',
      };
  }
}

type SignalOf<K extends Signal['kind']> = Extract<Signal, { kind: K }>;

/**
 * One entry per thing that happened: a comment that chases an update is one event, the chaser,
 * carrying the comment's tone; not a chaser and a "requester comment" side by side.
 */
function timelineOfTicket(e: TicketExperience): TimelineEntry[] {
  const signals = ticketSignals(e);
  const tones = new Map<string, SignalOf<'comment-sentiment'>>();
  for (const s of signals) if (s.kind === 'comment-sentiment') tones.set(s.commentId, s);
  const chased = new Set(signals.flatMap((s) => (s.kind === 'chaser' ? [s.commentId] : [])));
  return signals
    .filter((s) => !(s.kind === 'comment-sentiment' && chased.has(s.commentId)))
    .map((s) => (s.kind === 'chaser' ? chaserEntry(s, tones.get(s.commentId)) : timelineOf(s)))
    .sort((a, b) => a.at - b.at);
}

function chaserEntry(signal: SignalOf<'chaser'>, tone: SignalOf<'comment-sentiment'> | undefined): TimelineEntry {
  const negative = tone !== undefined && tone.s <= NEGATIVE_MOOD;
  return {
    id: signal.id,
    at: signal.at,
    kind: 'chaser',
    title: negative ? 'Requester asked for an update, in a negative tone' : 'Requester asked for an update',
    says: { title: negative ? 'negative-chaser' : 'chaser' },
    detail: (negative ? tone.negativeSentences[0] : undefined) ?? signal.excerpt,
    tone: 'bad',
  };
}

function indicatorsOf(e: TicketExperience, mood: number | null): TicketExperienceView['indicators'] {
  const last = e.answers[e.answers.length - 1];
  const breached = e.slas.filter((s) => s.breached);
  const reopens = e.reopens.length + e.reopensDropped;
  const chasers = e.chasers.length + e.chasersDropped;
  return [
    {
      id: 'csat',
      state: last === undefined ? 'missing' : last.favourable ? 'good' : 'bad',
      detail: last === undefined ? 'No answer yet' : `Last answer ${answerWords(last.questionKind, last.score)}`,
    },
    {
      id: 'sentiment',
      state: mood === null ? 'missing' : mood > NEGATIVE_MOOD ? 'good' : 'bad',
      detail: mood === null ? 'No scorable requester comment' : `Mood ${mood.toFixed(2)}`,
    },
    {
      id: 'sla',
      state: e.slas.length === 0 ? 'missing' : breached.length > 0 ? 'bad' : 'good',
      detail: breached.length > 0 ? `Breached: ${breached.map((s) => s.name).join(', ')}` : `${e.slas.length} SLA(s)`,
    },
    {
      id: 'reopen',
      state: e.resolutions.length === 0 ? 'missing' : reopens > 0 ? 'bad' : 'good',
      detail: `${reopens} reopen(s)`,
    },
    { id: 'chaser', state: chasers > 0 ? 'bad' : 'good', detail: `${chasers} chaser(s)` },
  ];
}

/**
 * One ask as the agent sees it: the question the requester is asked now, in the plan's English (the
 * question about the outcome once the request is resolved), and, for an answer to that question,
 * the waypoint it counts at (`resolved`, not mid-flight) rather than the one it was first put at.
 * @param english the message files in English (Sentio's outcome question when the plan has none)
 */
export function askSummary(ask: Ask, planName: string, resolved: boolean, english: Translator): AskSummary {
  const worded = wordQuestion(ask, resolved, english);
  const outcomeAnswer = ask.answer?.wording === 'outcome';
  return {
    id: ask.id,
    planId: ask.planId,
    planName,
    waypoint: outcomeAnswer ? 'resolved' : ask.waypoint,
    status: ask.status,
    questionKind: ask.question.kind,
    questionText: worded.text,
    createdAt: ask.createdAt,
    expiresAt: ask.expiresAt,
    score: ask.answer?.score ?? null,
    midFlight: outcomeAnswer ? false : ask.midFlight,
  };
}

export function ticketExperienceView(read: TicketExperienceRead, english: Translator): TicketExperienceView {
  const e = read.experience;
  const last = e.answers[e.answers.length - 1];
  return {
    issueKey: e.issueKey,
    mood: read.mood,
    moodLabel: moodLabel(read.mood),
    moodTrajectory: [...read.moodTrajectory],
    risk: {
      level: read.risk.level,
      score: read.risk.score,
      reasons: read.risk.reasons.map((r) => ({
        code: r.code,
        text: r.text,
        facts: r.facts,
      })),
    },
    timeline: timelineOfTicket(e),
    indicators: indicatorsOf(e, read.mood),
    asks: read.asks.map((a) => askSummary(a.ask, a.planName, isDone(e), english)),
    planDecisions: [...read.planDecisions],
    manualPlans: [...read.manualPlans],
    lastScore:
      last === undefined
        ? null
        : { kind: last.questionKind, score: last.score, normalised: normalisedScore(last.questionKind, last.score) },
    followUp:
      read.followUp === null ? null : { needed: read.followUp.needed, doneAt: read.followUp.doneAt, doneBy: null },
    sla:
      read.sla.read === 'failed'
        ? { read: 'failed' }
        : { read: 'read', slas: read.sla.slas.map((s) => ({ ...s })), more: read.sla.more },
  };
}
