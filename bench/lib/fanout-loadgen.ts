/**
 * A load-generator process for bench/fanout.bench.ts, forked and driven over IPC: opens `viewers` room sockets (the
 * first `cookies.length` of them are the chat senders, signed in when a cookie is given), sends chat round-robin
 * over the senders at `rate` messages/s, and measures what every viewer receives.
 *
 * Every viewer is measured, cheaply: all viewers of a room get byte-identical batch frames, so a frame is parsed
 * once (the first time its first `seq` is seen) into the send times its chat texts carry; each viewer then adds
 * (receive time − send time) for every chat in the frame to a histogram of 0.1 ms buckets. Deliveries = chat
 * events received by viewers. Receive time is taken when `ws` emits the message, so a saturated load generator
 * shows up as latency: it reports its own CPU and event-loop utilization to tell.
 */
import WebSocket from 'ws';
import { chatText, sentAt } from './chat-text.ts';
import { HIST_BUCKETS, type LoadgenCommand, type LoadgenReport } from './fanout-protocol.ts';

const now = () => performance.timeOrigin + performance.now();
const BATCH = Buffer.from('{"t":"batch"');
const WELCOME = Buffer.from('{"t":"welcome"');
const SEQ = Buffer.from('"seq":');

/** send times of the chats in a batch frame, by (first seq, length) */
const frames = new Map<number, Float64Array>();
let measuring = false;
let w = freshWindow();
const totals = { sent: 0, blocked: 0, errors: {} as Record<string, number>, closed: {} as Record<string, number> };
const sockets: WebSocket[] = [];
let senders: WebSocket[] = [];
let sendTimer: ReturnType<typeof setInterval> | null = null;

function freshWindow() {
  return {
    startedAt: now(),
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    deliveries: 0,
    frames: 0,
    bytes: 0,
    sent: 0,
    hist: new Uint32Array(HIST_BUCKETS),
  };
}

function parseBatch(data: Buffer): Float64Array {
  const f = JSON.parse(data.toString()) as { events: Array<{ k: string; text?: string }> };
  const times: number[] = [];
  for (const e of f.events) {
    if (e.k !== 'chat' || e.text === undefined) continue;
    const t = sentAt(e.text);
    if (t !== null) times.push(t);
  }
  return Float64Array.from(times);
}

function onBatch(data: Buffer, at: number): void {
  const i = data.indexOf(SEQ);
  if (i < 0) return;
  let seq = 0;
  for (let j = i + SEQ.length; j < data.length; j++) {
    const ch = data[j] as number;
    if (ch < 48 || ch > 57) break;
    seq = seq * 10 + ch - 48;
  }
  const key = seq * 1_048_576 + (data.length & 0xfffff);
  let times = frames.get(key);
  if (!times) {
    times = parseBatch(data);
    frames.set(key, times);
    if (frames.size > 50_000) frames.delete(frames.keys().next().value as number);
  }
  if (!measuring) return;
  w.frames++;
  w.bytes += data.length;
  w.deliveries += times.length;
  const hist = w.hist;
  for (const t of times) {
    const b = Math.min(HIST_BUCKETS - 1, Math.max(0, Math.round((at - t) * 10)));
    hist[b] = (hist[b] as number) + 1;
  }
}

function onOther(data: Buffer): void {
  // direct frames: blocked (to the sender of a screened message), error (rate limits …), viewers, staff, pong
  const s = data.toString();
  if (s.startsWith('{"t":"blocked"')) totals.blocked++;
  else if (s.startsWith('{"t":"error"')) {
    const code = (JSON.parse(s) as { code: string }).code;
    totals.errors[code] = (totals.errors[code] ?? 0) + 1;
  }
}

function open(url: string, origin: string, cookie: string | null): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: cookie ? { cookie, origin } : {},
      perMessageDeflate: false,
      // the load generator trusts the server's UTF-8; a browser would check it (cost on the client, not the server)
      skipUTF8Validation: true,
    });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no welcome within 60 s'));
    }, 60_000);
    let welcomed = false;
    ws.on('message', (raw: WebSocket.RawData, isBinary) => {
      if (isBinary) return;
      const data = raw as Buffer;
      const at = now();
      if (data.compare(BATCH, 0, BATCH.length, 0, BATCH.length) === 0) return onBatch(data, at);
      if (!welcomed && data.compare(WELCOME, 0, WELCOME.length, 0, WELCOME.length) === 0) {
        welcomed = true;
        clearTimeout(timer);
        return resolve(ws);
      }
      onOther(data);
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      if (!welcomed) reject(new Error(`closed ${code} before welcome`));
      else totals.closed[code] = (totals.closed[code] ?? 0) + 1;
    });
  });
}

async function connect(
  c: Extract<LoadgenCommand, { cmd: 'connect' }>,
): Promise<{ connected: number; failed: number; firstError: string | null }> {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const opened: Array<WebSocket | null> = new Array(c.viewers).fill(null);
  await Promise.all(
    Array.from({ length: c.concurrency }, async () => {
      while (next < c.viewers) {
        const i = next++;
        try {
          opened[i] = await open(c.url, c.origin, i < c.cookies.length ? (c.cookies[i] ?? null) : null);
        } catch (e) {
          failed++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
      }
    }),
  );
  for (const ws of opened) if (ws) sockets.push(ws);
  senders = opened.slice(0, c.cookies.length).filter((ws): ws is WebSocket => ws !== null);
  return { connected: sockets.length, failed, firstError };
}

function startSending(rate: number, violatingEvery: number): void {
  if (senders.length === 0) return;
  const started = now();
  let sent = 0;
  // Round-robin over the senders: each sends every senders/rate seconds, within the gateway's per-connection limit.
  sendTimer = setInterval(() => {
    const due = Math.floor(((now() - started) * rate) / 1000);
    while (sent < due) {
      const ws = senders[sent % senders.length] as WebSocket;
      const violating = violatingEvery > 0 && sent % violatingEvery === violatingEvery - 1;
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'chat', text: chatText(sent, violating, now()) }));
      sent++;
      totals.sent++;
      if (measuring) w.sent++;
    }
  }, 5);
}

function report(): LoadgenReport {
  const cpu = process.cpuUsage(w.cpu);
  const elu = performance.eventLoopUtilization(w.elu);
  const hist: Array<[number, number]> = [];
  for (let b = 0; b < HIST_BUCKETS; b++) if (w.hist[b]) hist.push([b, w.hist[b] as number]);
  return {
    ev: 'report',
    windowMs: now() - w.startedAt,
    deliveries: w.deliveries,
    frames: w.frames,
    bytes: w.bytes,
    sent: w.sent,
    hist,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    elu: elu.utilization,
    rssMb: process.memoryUsage.rss() / 1048576,
    totals,
  };
}

const reply = (m: object) => process.send?.(m);

process.on('message', (m: LoadgenCommand) => {
  switch (m.cmd) {
    case 'connect':
      void connect(m).then((r) => reply({ ev: 'connected', ...r }));
      return;
    case 'send':
      startSending(m.rate, m.violatingEvery);
      return reply({ ev: 'sending' });
    case 'mark':
      w = freshWindow();
      measuring = true;
      return reply({ ev: 'marked' });
    case 'report':
      measuring = false;
      if (sendTimer) clearInterval(sendTimer);
      return reply(report());
    case 'exit':
      for (const ws of sockets) ws.terminate();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
reply({ ev: 'up', pid: process.pid });
