/**
 * The origin people reach the web app at, for the links the server hands out (the payment page and its way back to
 * the order). LIVEHUB_PUBLIC_URL wins when set. Unset, the origin comes from the request (Origin, else the Host /
 * X-Forwarded-Host header and protocol), so a buyer who opened the app at 127.0.0.1 comes back to 127.0.0.1 and
 * keeps the session cookie. Headers are the client's to write, so a derived origin is used only when it names a host
 * this server itself answers on — a loopback name or address, this machine's host name or one of its interface
 * addresses — on the port it listens on; anything else (a forged Host pointing elsewhere) falls back to
 * `http://localhost:<port>`, never to the header's value, so the links cannot be turned into an open redirect.
 */
import { hostname, networkInterfaces } from 'node:os';

export interface OriginRequest {
  headers: Record<string, string | string[] | undefined>;
  /** the protocol the client used (https behind a TLS-terminating proxy that says so) */
  protocol: string;
  /** `host[:port]` the client asked for */
  host: string;
  /** the port the connection came in on (undefined for injected requests) */
  localPort: number | undefined;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host names this server answers on: loopback, the machine's name, its interface addresses. */
export function servedHostnames(): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const own = hostname().toLowerCase();
  if (own) {
    names.add(own);
    names.add(`${own}.local`);
  }
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]?.toLowerCase()}]` : a.address);
  }
  return names;
}

const isLoopback = (h: string) => h === 'localhost' || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);

/**
 * The origin `candidate` (`protocol://host[:port]`) if this server serves it, else null.
 * `port`: the port the server listens on; `names`: what servedHostnames() returns.
 */
export function acceptOrigin(candidate: string, port: number, names: ReadonlySet<string>): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  const host = url.hostname.toLowerCase();
  if (!isLoopback(host) && !names.has(host)) return null;
  const effectivePort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (effectivePort !== port) return null;
  return url.origin;
}

let cachedNames: { at: number; names: Set<string> } | null = null;

/** servedHostnames(), re-read at most once a minute (interfaces come and go on a laptop). */
function names(now = Date.now()): Set<string> {
  if (!cachedNames || now - cachedNames.at > 60_000) cachedNames = { at: now, names: servedHostnames() };
  return cachedNames.names;
}

/**
 * Where links for this request should point: the configured public URL, else the request's own origin when this
 * server serves it, else `http://localhost:<port>`.
 */
export function publicOrigin(req: OriginRequest, config: { publicBaseUrl: string | null; port: number }): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const port = req.localPort ?? config.port;
  const fallback = `http://localhost:${port}`;
  const origin = req.headers.origin;
  const candidates = [typeof origin === 'string' && origin !== 'null' ? origin : null, `${req.protocol}://${req.host}`];
  for (const c of candidates) {
    if (!c) continue;
    const accepted = acceptOrigin(c, port, names());
    if (accepted) return accepted;
  }
  return fallback;
}
