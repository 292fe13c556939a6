import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'livehub-config-'));

describe('configuration', () => {
  it('defaults to port 3000, PGlite and in-process adapters, and generates secrets once', () => {
    const dir = tmp();
    const a = loadConfig({ LIVEHUB_DATA_DIR: dir });
    expect(a.port).toBe(3000);
    expect(a.databaseUrl).toBeUndefined();
    expect(a.redisUrl).toBeUndefined();
    expect(a.piiKey).toHaveLength(32);
    const file = join(dir, 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    const b = loadConfig({ LIVEHUB_DATA_DIR: dir });
    expect(b.piiKey.equals(a.piiKey)).toBe(true);
    expect(b.sessionSecret.equals(a.sessionSecret)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('piiKey');
  });

  it('fails fast listing every problem', () => {
    try {
      loadConfig({ LIVEHUB_DATA_DIR: tmp(), PORT: 'eighty', DATABASE_URL: 'mysql://x', LIVEHUB_PII_KEY: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
      expect(msg).toMatch(/LIVEHUB_PII_KEY: must be 32 bytes/);
    }
  });

  it('trusts no proxy by default, and only the listed addresses and ranges when LIVEHUB_TRUST_PROXY is set', () => {
    expect(loadConfig({ LIVEHUB_DATA_DIR: tmp() }).trustProxy).toEqual([]);
    expect(loadConfig({ LIVEHUB_DATA_DIR: tmp(), LIVEHUB_TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,loopback,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'loopback',
      '::1',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ LIVEHUB_DATA_DIR: tmp(), LIVEHUB_TRUST_PROXY: bad }), bad).toThrow(/LIVEHUB_TRUST_PROXY/);
    }
  });

  it('video: the embedded media server on 1935 / 8000 by default, URLs following the ports, off with 0 or off', () => {
    const dir = tmp();
    const a = loadConfig({ LIVEHUB_DATA_DIR: dir });
    expect(a).toMatchObject({
      rtmpPort: 1935,
      flvPort: 8000,
      rtmpIngestUrl: 'rtmp://localhost:1935/live',
      playbackBaseUrl: 'http://localhost:8000/live',
      hlsBaseUrl: null,
      publishHookSecret: null,
    });
    const b = loadConfig({ LIVEHUB_DATA_DIR: dir, LIVEHUB_RTMP_PORT: '1936', LIVEHUB_FLV_PORT: '8080' });
    expect(b).toMatchObject({ rtmpIngestUrl: 'rtmp://localhost:1936/live', playbackBaseUrl: 'http://localhost:8080/live' });
    expect(loadConfig({ LIVEHUB_DATA_DIR: dir, LIVEHUB_RTMP_PORT: 'off' }).rtmpPort).toBeNull();
    expect(loadConfig({ LIVEHUB_DATA_DIR: dir, LIVEHUB_RTMP_PORT: '0' }).rtmpPort).toBeNull();
    const c = loadConfig({
      LIVEHUB_DATA_DIR: dir,
      LIVEHUB_RTMP_INGEST_URL: 'rtmp://push.example.com/live',
      LIVEHUB_PLAYBACK_BASE_URL: 'https://play.example.com/live/',
      LIVEHUB_HLS_BASE_URL: 'https://play.example.com/hls',
    });
    expect(c).toMatchObject({
      rtmpIngestUrl: 'rtmp://push.example.com/live',
      playbackBaseUrl: 'https://play.example.com/live',
      hlsBaseUrl: 'https://play.example.com/hls',
    });
    expect(() => loadConfig({ LIVEHUB_DATA_DIR: dir, LIVEHUB_RTMP_PORT: 'yes', LIVEHUB_PUBLISH_HOOK_SECRET: 'short' })).toThrow(
      /LIVEHUB_RTMP_PORT[\s\S]*LIVEHUB_PUBLISH_HOOK_SECRET: must be at least 24/,
    );
  });

  it('public URL: unset by default (derived from each request), as given when set', () => {
    expect(loadConfig({ LIVEHUB_DATA_DIR: tmp() }).publicBaseUrl).toBeNull();
    expect(loadConfig({ LIVEHUB_DATA_DIR: tmp(), LIVEHUB_PUBLIC_URL: 'https://shop.example.cn' }).publicBaseUrl).toBe(
      'https://shop.example.cn',
    );
  });
});
