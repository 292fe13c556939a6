/**
 * A health probe of its own (a child process, so the load generator's busy event loop does not delay it): GET
 * /api/health every `intervalMs` (one request at a time, over one keep-alive connection) from `start` until `stop`,
 * then answers with every latency and status. Talks over IPC:
 *   {cmd:'start', port, intervalMs} → {ev:'started'}
 *   {cmd:'stop'}                    → {ev:'probed', latenciesMs, statuses}
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let running = false;
const latenciesMs: number[] = [];
const statuses: Record<string, number> = {};

function once(port: number): Promise<void> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => {
        latenciesMs.push(performance.now() - t0);
        statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      latenciesMs.push(performance.now() - t0);
      statuses.error = (statuses.error ?? 0) + 1;
      resolve();
    });
  });
}

async function loop(port: number, intervalMs: number): Promise<void> {
  while (running) {
    await once(port);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

let done: Promise<void> = Promise.resolve();
process.on('message', (m: { cmd: string; port?: number; intervalMs?: number }) => {
  if (m.cmd === 'start') {
    latenciesMs.length = 0;
    for (const k of Object.keys(statuses)) delete statuses[k];
    running = true;
    done = loop(m.port ?? 0, m.intervalMs ?? 100);
    process.send?.({ ev: 'started' });
  } else if (m.cmd === 'stop') {
    running = false;
    void done.then(() => process.send?.({ ev: 'probed', latenciesMs, statuses }));
  } else if (m.cmd === 'exit') process.exit(0);
});
process.send?.({ ev: 'up' });
