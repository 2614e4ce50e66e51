import { it } from 'vitest';
import { startHost } from '../../local/index';
it('timing', async () => {
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const h = await startHost({
      dataDir: ':memory:',
      seed: 'basic',
      clock: Date.UTC(2026, 0, 5, 9),
      delayScale: 0,
      scheduler: false,
      concurrency: 1,
    });
    const t2 = performance.now();
    const c = h.users.customers[0]!;
    for (let k = 0; k < 20; k++) h.site.createTicket({ projectKey: 'IT', summary: 'x', reporter: c });
    await h.waitForIdle();
    const t3 = performance.now();
    await h.close();
    console.log(
      'start',
      (t2 - t).toFixed(0),
      '20 tickets',
      (t3 - t2).toFixed(0),
      'close',
      (performance.now() - t3).toFixed(0),
    );
  }
  console.log(Object.keys(await import('../../local/index')));
}, 60000);
