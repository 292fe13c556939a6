/**
 * A Server-Sent Events response fed by a watcher (the monitoring wall, the live-demand board): the route checks
 * access and the Accept header, then hands over here. The stream announces `retry`, keeps the connection alive
 * every 15 s, writes each snapshot as one `event: <name>` message, and stops the watcher when the client goes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const KEEPALIVE_MS = 15_000;

export async function serveEventStream<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  event: string,
  watch: (send: (snapshot: T) => void) => Promise<() => Promise<void>>,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 5000\n\n');
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
  let stop: (() => Promise<void>) | null = null;
  let closed = false;
  req.raw.on('close', () => {
    closed = true;
    clearInterval(keepAlive);
    if (stop) void stop().catch(() => {});
  });
  try {
    stop = await watch((s) => res.write(`event: ${event}\ndata: ${JSON.stringify(s)}\n\n`));
    if (closed) await stop();
  } catch {
    clearInterval(keepAlive);
    res.end();
  }
}
