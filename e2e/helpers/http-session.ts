/**
 * A plain HTTP client for the e2e tests that drive a real `livehub serve` process (the crash tests): sign in, call
 * the API with the session's cookie and CSRF token, and poll until a condition holds.
 */
import { expect } from 'vitest';

export interface Session {
  name: string;
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { id?: string; status?: string; error?: { code: string } };
}

/** Signs `username` in at `base`; `headers` e.g. an X-Forwarded-For so each buyer counts as its own client. */
export async function signIn(base: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken: string };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return { name: username, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

/** One API call as `who` (or anonymous); a body that is not JSON comes back as `{ text }`. */
export async function callAs(
  base: string,
  who: Session | null,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(who ? { cookie: who.cookie, ...(method !== 'GET' ? { 'x-csrf-token': who.csrf } : {}) } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
  });
  const text = await res.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { text } as Answer['body'];
  }
  return { status: res.status, body };
}

/** Calls `f` until `ok` holds or `ms` pass (then returns the last value: the caller's assertion says what was wrong). */
export async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000, everyMs = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
