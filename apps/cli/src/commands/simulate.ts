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
  /** purchase intents per minute across all chatters: real orders for the pinned product, left unpaid (they expire) */
  buysPerMinute?: number;
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
  /** orders placed (201) for the pinned product, and refusals by error code in `errors` */
  ordersPlaced: number;
  errors: Record<string, number>;
}

interface Chatter {
  cookie: string;
  csrf: string;
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

const SIM_ADDRESS = { name: '模拟观众', phone: '13900000000', region: '上海市 嘉定区', detail: '安亭镇模拟路 1 号' };

/** Signs in through the API (from a distinct loopback address per chatter, so one machine's throttle is not hit). */
async function signIn(baseUrl: string, username: string, password: string, n: number): Promise<Chatter | null> {
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
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('lh_session='))?.split(';')[0];
          let csrf = '';
          try {
            csrf = (JSON.parse(Buffer.concat(chunks).toString()) as { csrfToken?: string }).csrfToken ?? '';
          } catch {
            // not JSON: no session
          }
          resolve(res.statusCode === 200 && cookie && csrf ? { cookie, csrf } : null);
        });
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
  const result: SimulateResult = {
    connected: 0,
    chatSent: 0,
    blocked: 0,
    framesReceived: 0,
    chatDelivered: 0,
    ordersPlaced: 0,
    errors: {},
  };
  const cookies: Array<Chatter | null> = [];
  for (let i = 0; i < chatterCount; i++)
    cookies.push(await signIn(o.baseUrl, `consumer_${String(i + 1).padStart(5, '0')}`, o.password ?? 'livehub-demo', i));
  const signedIn = cookies.filter(Boolean).length;
  if (signedIn < chatterCount) log(`signed in ${signedIn} of ${chatterCount} chatters (the others watch)`);

  const sockets: WebSocket[] = [];
  const chatters: WebSocket[] = [];
  let pinned: string | null = null;
  const buyers = cookies.filter((c): c is Chatter => c !== null);
  const buy = async (who: Chatter) => {
    if (!pinned) return;
    const json = (path: string, init?: RequestInit) =>
      fetch(new URL(path, o.baseUrl), { ...init, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(init?.headers ?? {}) } });
    try {
      const product = (await (await json(`/api/catalog/products/${pinned}`)).json()) as { skus?: Array<{ id: string; stock: number }> };
      const sku = product.skus?.find((k) => k.stock > 0);
      if (!sku) return;
      const res = await json('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `sim-${Date.now()}-${Math.random().toString(36).slice(2)}` },
        body: JSON.stringify({ lines: [{ skuId: sku.id, qty: 1 }], sessionId: o.sessionId, address: SIM_ADDRESS }),
      });
      if (res.status === 201) result.ordersPlaced++;
      else {
        const code = ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code ?? `http_${res.status}`;
        result.errors[code] = (result.errors[code] ?? 0) + 1;
      }
    } catch {
      result.errors.order_request = (result.errors.order_request ?? 0) + 1;
    }
  };
  const open = (i: number) =>
    new Promise<void>((resolve) => {
      const cookie = cookies[i]?.cookie ?? null;
      const ws = new WebSocket(wsUrl, cookie ? { headers: { cookie, origin: o.baseUrl } } : {});
      ws.on('open', () => {
        result.connected++;
        if (cookie) chatters.push(ws);
        resolve();
      });
      ws.on('message', (data) => {
        result.framesReceived++;
        const text = data.toString();
        if (text.startsWith('{"t":"batch"')) {
          result.chatDelivered += text.split('"k":"chat"').length - 1;
          if (text.includes('"k":"pinned"')) pinned = /"k":"pinned","product":\{"productId":"([^"]+)"/.exec(text)?.[1] ?? pinned;
        } else if (text.startsWith('{"t":"welcome"')) pinned = /"pinned":\{"productId":"([^"]+)"/.exec(text)?.[1] ?? pinned;
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
    // the violating share is spread evenly (every 1/violations-th message), not drawn at random: a short run with
    // a given share always carries it, so the gateway's blocking is seen every time
    let badCarry = 0;
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
        badCarry += violations;
        const bad = badCarry >= 1;
        if (bad) badCarry -= 1;
        const pool = bad ? VIOLATIONS : CHAT;
        const text = pool[Math.floor(Math.random() * pool.length)] as string;
        if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'chat', text }));
        sent++;
        result.chatSent++;
      }
      // purchase intents: a chatter orders the pinned product now and then
      if (buyers.length > 0 && Math.random() < ((o.buysPerMinute ?? 0) * tickMs) / 60_000)
        void buy(buyers[Math.floor(Math.random() * buyers.length)] as Chatter);
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
  // the last messages' answers (blocked, delivered batches) are still on their way: wait a batch interval or two
  await new Promise((r) => setTimeout(r, 300));
  for (const ws of sockets) ws.close();
  return result;
}
