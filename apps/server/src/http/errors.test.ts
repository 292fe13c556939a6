/**
 * The error mapper's answer to overload: a query that waited too long for a database connection is a 503 with
 * Retry-After and a bilingual body, not a 500 (the pool itself is exercised in packages/db's unit-of-work test).
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendError } from './errors.ts';

describe('sendError', () => {
  it('answers a busy database with 503, Retry-After and db.busy in the caller’s language', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler((err, req, reply) => sendError(reply, req, err));
    app.get('/busy', async () => {
      throw new Error('Failed query: select 1', { cause: new Error('timeout exceeded when trying to connect') });
    });
    app.get('/broken', async () => {
      throw new Error('something else');
    });
    const zh = await app.inject({ method: 'GET', url: '/busy', headers: { 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(503);
    expect(zh.headers['retry-after']).toBe('1');
    expect(zh.json()).toMatchObject({ error: { code: 'db.busy', message: '系统繁忙，请稍后重试' } });
    const en = await app.inject({ method: 'GET', url: '/busy', headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toBe('The system is busy: try again in a moment');
    expect((await app.inject({ method: 'GET', url: '/broken' })).statusCode).toBe(500);
    await app.close();
  });
});
