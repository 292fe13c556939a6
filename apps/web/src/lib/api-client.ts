/**
 * Typed fetch wrapper for the LiveHub API (same origin, under /api).
 * - session cookie (credentials: 'same-origin')
 * - X-CSRF-Token on every unsafe request (token from the login / me responses)
 * - extra headers per request (Idempotency-Key on order creation and payment)
 * - Accept-Language from the UI language switch
 * - non-2xx → ApiError carrying { status, code, message, field }
 */
import type { ErrorBody, Locale } from '@livehub/contracts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** extra request headers, e.g. Idempotency-Key */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  onUnauthorized: ((path: string) => void) | null;
}

const state: ClientState = { csrfToken: null, locale: 'zh-CN', onUnauthorized: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** Called on any 401 (except from the auth endpoints that legitimately return it). */
export function setUnauthorizedHandler(handler: ((path: string) => void) | null): void {
  state.onUnauthorized = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = path.startsWith('/api/') ? path : `/api${path.startsWith('/') ? '' : '/'}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

const SILENT_401_PATHS = ['/api/auth/me', '/api/auth/login', '/api/auth/register', '/api/auth/logout'];

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const DEVICE_KEY = 'livehub.device';
let deviceId: string | null | undefined;

/**
 * This browser's stable id (a random UUID kept in localStorage), sent with writes as `x-device-id`: the server keeps
 * only its keyed hash with an order, for the fake-order (刷单) detector. null when storage is unavailable.
 */
function browserDeviceId(): string | null {
  if (deviceId !== undefined) return deviceId;
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id || !/^[A-Za-z0-9_-]{8,128}$/.test(id)) {
      // getRandomValues, not randomUUID: the app may be served over plain HTTP on a LAN address (not a secure context)
      id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(DEVICE_KEY, id);
    }
    deviceId = id;
  } catch {
    deviceId = null;
  }
  return deviceId;
}

export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': state.locale,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  if (UNSAFE_METHODS.has(method)) {
    const device = browserDeviceId();
    if (device) headers['X-Device-Id'] = device;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network.error', cause instanceof Error ? cause.message : 'network error');
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);

  if (!response.ok) {
    const error = isErrorBody(payload)
      ? new ApiError(response.status, payload.error.code, payload.error.message, payload.error.field, payload.error.details)
      : new ApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
    if (response.status === 401 && !SILENT_401_PATHS.some((p) => url.startsWith(p))) {
      state.onUnauthorized?.(url);
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('DELETE', path, options),
};
