/**
 * A process the model-based suite kills: it opens the local host on the history's data folder,
 * delivers the burst's events to the app (the real handler, bundled as `npm start` runs it), and
 * prints `ack <i>` as each delivery returns. The suite sends SIGKILL part-way — a crash in the
 * middle of invocations, with whatever the app had half done on disk — then restarts the host and
 * delivers again what was not acknowledged, as Forge would.
 *
 * argv: <dataDir> <clock ms> <concurrency> <events.json>
 */
import { readFileSync } from 'node:fs';
import { startHost } from '../../../local/index';
import { deliver, EventSwitch, type Delivery, type JiraEvent } from './deliver';

async function main(): Promise<void> {
  const [dataDir, clock, concurrency, file] = process.argv.slice(2);
  if (dataDir === undefined || clock === undefined || concurrency === undefined || file === undefined)
    throw new Error('usage: crash-child <dataDir> <clock> <concurrency> <events.json>');
  const events = JSON.parse(readFileSync(file, 'utf8')) as JiraEvent[];
  const sw = new EventSwitch();
  const h = await startHost({
    dataDir,
    seed: 'basic',
    clock: Number(clock),
    delayScale: 0,
    scheduler: false,
    handlers: { 'issue-event': sw.handler },
  });
  sw.bind(h);
  process.stdout.write('ready\n');
  const deliveries: Delivery[] = events.map((event) => ({ event, faults: [] }));
  await deliver(h, sw, deliveries, Number(concurrency), (i) => process.stdout.write(`ack ${i}\n`));
  process.stdout.write('done\n');
  await h.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
