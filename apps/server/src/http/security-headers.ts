/**
 * Security headers on every response. A Content-Security-Policy for the web app (scripts only from this origin;
 * antd injects its styles, so inline styles are allowed; video from the configured playback origins), no caching of
 * API answers (they carry personal data and are per user), and a Permissions-Policy that turns off the browser
 * features the app never uses. A route that needs its own policy (the simulated payment page, Swagger UI) sets it
 * and is left alone.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'interest-cohort=()',
].join(', ');

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(config: Pick<Config, 'playbackBaseUrl' | 'hlsBaseUrl'>): string {
  const media = [...new Set([originOf(config.playbackBaseUrl), originOf(config.hlsBaseUrl)].filter((o): o is string => o !== null))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `media-src 'self' blob: ${media.join(' ')}`.trim(),
    `connect-src 'self' ${media.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'playbackBaseUrl' | 'hlsBaseUrl'>): void {
  const csp = contentSecurityPolicy(config);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', csp);
    // API answers are per user and often carry personal data: never stored by a browser or a shared cache.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
