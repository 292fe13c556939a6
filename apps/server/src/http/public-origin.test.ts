import { describe, expect, it } from 'vitest';
import { acceptOrigin, type OriginRequest, publicOrigin, servedHostnames } from './public-origin.ts';

const names = new Set(['localhost', '127.0.0.1', '[::1]', 'devbox', '192.168.1.20']);
const req = (host: string, extra: Partial<OriginRequest> = {}): OriginRequest => ({
  headers: {},
  protocol: 'http',
  host,
  localPort: 3101,
  ...extra,
});
const unset = { publicBaseUrl: null, port: 3101 };

describe('the public origin of a request', () => {
  it('accepts loopback, the machine’s own names and addresses on the port it listens on', () => {
    expect(acceptOrigin('http://127.0.0.1:3101', 3101, names)).toBe('http://127.0.0.1:3101');
    expect(acceptOrigin('http://127.0.0.2:3101', 3101, names)).toBe('http://127.0.0.2:3101');
    expect(acceptOrigin('http://LOCALHOST:3101', 3101, names)).toBe('http://localhost:3101');
    expect(acceptOrigin('http://[::1]:3101', 3101, names)).toBe('http://[::1]:3101');
    expect(acceptOrigin('http://devbox:3101', 3101, names)).toBe('http://devbox:3101');
    expect(acceptOrigin('http://192.168.1.20:3101', 3101, names)).toBe('http://192.168.1.20:3101');
    expect(acceptOrigin('http://localhost', 80, names)).toBe('http://localhost');
  });

  it('refuses hosts it does not serve, other ports, other schemes and anything beyond an origin', () => {
    expect(acceptOrigin('http://evil.example:3101', 3101, names)).toBeNull();
    expect(acceptOrigin('http://127.0.0.1.evil.example:3101', 3101, names)).toBeNull();
    expect(acceptOrigin('http://127.0.0.1:3102', 3101, names)).toBeNull();
    expect(acceptOrigin('http://127.0.0.1', 3101, names)).toBeNull();
    expect(acceptOrigin('javascript://127.0.0.1:3101', 3101, names)).toBeNull();
    expect(acceptOrigin('http://user@127.0.0.1:3101', 3101, names)).toBeNull();
    expect(acceptOrigin('http://127.0.0.1:3101/x', 3101, names)).toBeNull();
    expect(acceptOrigin('not a url', 3101, names)).toBeNull();
  });

  it('follows the address the app was opened at, so the buyer comes back to the same origin', () => {
    expect(publicOrigin(req('127.0.0.1:3101'), unset)).toBe('http://127.0.0.1:3101');
    expect(publicOrigin(req('localhost:3101'), unset)).toBe('http://localhost:3101');
    // the page's fetch carries Origin; it wins over Host when served
    expect(publicOrigin(req('localhost:3101', { headers: { origin: 'http://127.0.0.1:3101' } }), unset)).toBe('http://127.0.0.1:3101');
  });

  it('never hands out a forged host: falls back to localhost on the listening port', () => {
    expect(publicOrigin(req('evil.example:3101'), unset)).toBe('http://localhost:3101');
    expect(publicOrigin(req('evil.example'), unset)).toBe('http://localhost:3101');
    expect(publicOrigin(req('evil.example:3101', { headers: { origin: 'https://evil.example' } }), unset)).toBe('http://localhost:3101');
    // a forged Origin next to a genuine Host: the Host is used
    expect(publicOrigin(req('127.0.0.1:3101', { headers: { origin: 'http://evil.example:3101' } }), unset)).toBe('http://127.0.0.1:3101');
    // the port of the connection decides, not a port written in the header
    expect(publicOrigin(req('127.0.0.1:9999'), unset)).toBe('http://localhost:3101');
  });

  it('uses LIVEHUB_PUBLIC_URL as given when it is set', () => {
    expect(publicOrigin(req('127.0.0.1:3101'), { publicBaseUrl: 'https://shop.example.cn', port: 3101 })).toBe('https://shop.example.cn');
  });

  it('knows the loopback names and this machine’s interface addresses', () => {
    const served = servedHostnames();
    expect(served.has('localhost')).toBe(true);
    expect(served.has('127.0.0.1')).toBe(true);
  });
});
