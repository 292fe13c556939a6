/**
 * The fan-out ceiling for bench/fanout.bench.ts: a bare `ws` server relaying every chat frame to every socket, in
 * the room protocol's shape (`welcome` on connect, `{t:'batch',events:[…]}` with the same event fields), and
 * nothing else: no HTTP framework, no auth, no screening, no rate limits, no pub/sub, no history.
 *   MODE=batched   — events collected and sent as one frame every BATCH_MS (one serialization for every socket)
 *   MODE=unbatched — one frame per message, serialized once, sent to every socket at once
 * Prints `{"ready":true,…}` with its pid and port.
 */
import { randomUUID } from 'node:crypto';
import { type WebSocket, WebSocketServer } from 'ws';

const mode = process.env.MODE === 'unbatched' ? 'unbatched' : 'batched';
const batchMs = Number(process.env.BATCH_MS ?? 100);

interface ChatEvent {
  k: 'chat';
  id: string;
  uid: string;
  name: string;
  text: string;
  at: number;
  seq: number;
}

const clients = new Set<WebSocket>();
let seq = 0;
let connections = 0;
let pending: ChatEvent[] = [];

function broadcast(events: ChatEvent[]): void {
  const frame = Buffer.from(JSON.stringify({ t: 'batch', events }));
  for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame, { binary: false });
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0), maxPayload: 64 * 1024 });
wss.on('connection', (ws) => {
  const uid = randomUUID();
  const name = `用户${String(++connections).padStart(5, '0')}`;
  clients.add(ws);
  ws.send(JSON.stringify({ t: 'welcome', seq }));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let f: { t?: unknown; text?: unknown };
    try {
      f = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (f.t !== 'chat' || typeof f.text !== 'string') return;
    const e: ChatEvent = { k: 'chat', id: randomUUID(), uid, name, text: f.text, at: Date.now(), seq: ++seq };
    if (mode === 'unbatched') broadcast([e]);
    else pending.push(e);
  });
  ws.on('close', () => clients.delete(ws));
});

if (mode === 'batched') {
  setInterval(() => {
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    broadcast(events);
  }, batchMs);
}

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
wss.on('listening', () => {
  const addr = wss.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, port, mode, batchMs })}\n`);
});
