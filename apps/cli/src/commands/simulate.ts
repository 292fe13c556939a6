/**
 * `livehub simulate`: real WebSocket viewers in a live room — anonymous watchers, signed-in chatters sending
 * realistic Chinese danmaku (a share of it violating, which the gateway must block), likes and purchase intents.
 * Used for the demo room started by `serve`, for trying the streamer console, and for load tests.
 */
import { request } from 'node:http';
import WebSocket from 'ws';

export interface SimulateOptions {
  baseUrl: string;
  sessionId: string;
  viewers: number;
  /** chat messages per second across all chatters */
  chatRate: number;
  durationS: number;
  /** signed-in chatters (demo consumers consumer_00001 …); the gateway allows each about one message per 2 s */
  chatters?: number;
  password?: string;
  /** share of chat messages that contain a violation (0–1) */
  violations?: number;
  /** print progress lines */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface SimulateResult {
  connected: number;
  chatSent: number;
  blocked: number;
  framesReceived: number;
  chatDelivered: number;
  errors: Record<string, number>;
}

const CHAT = [
  '主播好！刚进来',
  '这个颜色好好看',
  '有没有小码？',
  '上身效果怎么样',
  '已拍 2 件，期待',
  '求讲解一下面料',
  '能不能再便宜点',
  '主播声音好好听',
  '发货快吗？',
  '保温效果能保持多久',
  '316 和 304 有什么区别',
  '老粉来支持了',
  '链接在哪里',
  '可以七天无理由吗',
  '买过一次，质量不错',
  '滩羊肉是现切的吗',
  '猕猴桃甜不甜',
  '已下单，冲冲冲',
  '来晚了，还有库存吗',
  '这个价格很划算',
];

const VIOLATIONS = [
  '想要便宜的加我微信 vx12345678',
  '好评返现 5 元，私聊我',
  '刷单兼职日结，扫码进群',
  '这个能根治高血压吗',
  '私下转账更便宜哦',
];

/** Signs in through the API (from a distinct loopback address per chatter, so one machine's throttle is not hit). */
async function signIn(baseUrl: string, username: string, password: string, n: number): Promise<string | null> {
  const url = new URL('/api/auth/login', baseUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const body = JSON.stringify({ username, password });
  return new Promise((resolve) => {
    const req = request(
      {
        hostname: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        ...(loopback ? { localAddress: `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}` } : {}),
      },
      (res) => {
        res.resume();
        const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('lh_session='));
        resolve(res.statusCode === 200 && cookie ? (cookie.split(';')[0] ?? null) : null);
      },
    );
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

export async function simulate(o: SimulateOptions): Promise<SimulateResult> {
  const log = o.log ?? (() => {});
  const wsUrl = `${o.baseUrl.replace(/^http/, 'ws')}/api/live/rooms/${o.sessionId}/ws`;
  const chatterCount = Math.min(o.chatters ?? Math.max(1, Math.min(o.viewers, Math.ceil(o.chatRate * 2.5))), o.viewers, 2000);
  const result: SimulateResult = { connected: 0, chatSent: 0, blocked: 0, framesReceived: 0, chatDelivered: 0, errors: {} };
  const cookies: Array<string | null> = [];
  for (let i = 0; i < chatterCount; i++)
    cookies.push(await signIn(o.baseUrl, `consumer_${String(i + 1).padStart(5, '0')}`, o.password ?? 'livehub-demo', i));
  const signedIn = cookies.filter(Boolean).length;
  if (signedIn < chatterCount) log(`signed in ${signedIn} of ${chatterCount} chatters (the others watch)`);

  const sockets: WebSocket[] = [];
  const chatters: WebSocket[] = [];
  const open = (i: number) =>
    new Promise<void>((resolve) => {
      const cookie = cookies[i] ?? null;
      const ws = new WebSocket(wsUrl, cookie ? { headers: { cookie, origin: o.baseUrl } } : {});
      ws.on('open', () => {
        result.connected++;
        if (cookie) chatters.push(ws);
        resolve();
      });
      ws.on('message', (data) => {
        result.framesReceived++;
        const text = data.toString();
        if (text.startsWith('{"t":"batch"')) result.chatDelivered += text.split('"k":"chat"').length - 1;
        else if (text.startsWith('{"t":"blocked"')) result.blocked++;
        else if (text.startsWith('{"t":"error"')) {
          const code = /"code":"([^"]+)"/.exec(text)?.[1] ?? 'error';
          result.errors[code] = (result.errors[code] ?? 0) + 1;
        }
      });
      ws.on('error', () => resolve());
      sockets.push(ws);
    });
  // connect in waves so the server is not hit by thousands of handshakes at once
  for (let i = 0; i < o.viewers; i += 200) await Promise.all(Array.from({ length: Math.min(200, o.viewers - i) }, (_, k) => open(i + k)));
  log(`${result.connected} viewers connected (${chatters.length} chatting)`);

  const started = Date.now();
  let sent = 0;
  const violations = o.violations ?? 0.05;
  await new Promise<void>((resolve) => {
    const tickMs = 100;
    let carry = 0;
    const timer = setInterval(() => {
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed >= o.durationS || o.signal?.aborted) {
        clearInterval(timer);
        clearInterval(progress);
        resolve();
        return;
      }
      carry += (o.chatRate * tickMs) / 1000;
      while (carry >= 1 && chatters.length > 0) {
        carry -= 1;
        const ws = chatters[sent % chatters.length];
        const bad = Math.random() < violations;
        const pool = bad ? VIOLATIONS : CHAT;
        const text = pool[Math.floor(Math.random() * pool.length)] as string;
        if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'chat', text }));
        sent++;
        result.chatSent++;
      }
      // a few likes from random viewers
      const liker = sockets[Math.floor(Math.random() * sockets.length)];
      if (liker?.readyState === WebSocket.OPEN && Math.random() < 0.1) liker.send('{"t":"like","n":1}');
    }, tickMs);
    const progress = setInterval(
      () =>
        log(
          `t=${Math.round((Date.now() - started) / 1000)}s sent ${result.chatSent} delivered ${result.chatDelivered} blocked ${result.blocked}`,
        ),
      5000,
    );
    progress.unref();
  });
  for (const ws of sockets) ws.close();
  return result;
}
