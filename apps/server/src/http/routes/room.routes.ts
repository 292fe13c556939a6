/**
 * The live-room gateway: one WebSocket per viewer at /api/live/rooms/:id/ws (?after=<seq> to resume). Anyone may
 * watch a live room; chatting needs a signed-in user; the streamer, co-hosts and the platform manage it. The
 * protocol is in packages/contracts/src/room.ts; the logic in core's RoomHub — this file only adapts sockets.
 */
import { MAX_CLIENT_FRAME_BYTES } from '@livehub/contracts';
import type { RoomConnection } from '@livehub/core';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { playbackOf } from './live.routes.ts';

let connSeq = 0;

export function roomRoutes(app: FastifyInstance, c: Container): void {
  app.get(
    '/api/live/rooms/:id/ws',
    {
      websocket: true,
      config: { policy: { allow: 'public' } },
      schema: {
        tags: ['live'],
        summary: 'The live room over WebSocket (watch: anyone; chat: signed in); ?after=<seq> resumes',
        params: z.strictObject({ id: z.uuid() }),
        querystring: z.strictObject({ after: z.coerce.number().int().min(0).optional() }),
      },
    },
    async (socket: WebSocket, req) => {
      const { id } = req.params as { id: string };
      const { after } = req.query as { after?: number };
      const actor = req.actor;
      // Listen before anything asynchronous: the socket drops a frame nobody listens for, and a client may send as
      // soon as it is open, while the session is still being read. Frames wait until the connection has joined.
      let admit: (conn: RoomConnection | null) => void = () => {};
      const admitted = new Promise<RoomConnection | null>((resolve) => {
        admit = resolve;
      });
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? '' : data.toString();
        const frame = text.length > MAX_CLIENT_FRAME_BYTES ? text.slice(0, MAX_CLIENT_FRAME_BYTES + 1) : text;
        void admitted.then((conn) => conn && c.rooms.handle(id, conn, frame)).catch((err) => req.log.warn({ err }, 'room frame failed'));
      });
      socket.on('close', () => {
        void admitted.then((conn) => conn && c.rooms.leave(id, conn.id)).catch(() => {});
      });
      try {
        // A cookie-authenticated socket must come from our own pages (cross-site WebSocket hijacking).
        const origin = req.headers.origin;
        if (actor?.via === 'session' && origin && new URL(origin).host !== req.headers.host) {
          socket.close(4403, 'origin not allowed');
          return;
        }
        const entry = await c.live.roomEntry(actor, id);
        if (!entry) {
          socket.close(4404, 'no such live room');
          return;
        }
        const { session: s, canManage } = entry;
        const conn: RoomConnection = {
          id: `${process.pid}-${++connSeq}`,
          userId: actor?.userId ?? null,
          name: entry.name ?? '游客',
          canManage,
          send: (frame) => {
            // pre-encoded batches go out as text frames without being encoded again per socket
            if (socket.readyState === socket.OPEN) socket.send(frame, { binary: false });
          },
          close: (code, reason) => socket.close(code, reason),
          buffered: () => socket.bufferedAmount,
        };
        await c.rooms.join(id, conn, { title: s.title, status: s.status, playback: playbackOf(c, s.id) }, after);
        admit(conn);
      } finally {
        // refused, or the join failed (it let go of the room itself): frames and the close have nothing to do
        admit(null);
      }
    },
  );
}
