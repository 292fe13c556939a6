/**
 * The embedded media server: RTMP ingest and HTTP-FLV (and WebSocket-FLV) playback through node-media-server v4,
 * with every publish authenticated against the session's stream key.
 *
 * A streamer's encoder publishes to `rtmp://<host>:<rtmpPort>/live/<sessionId>?key=<key>`; viewers play
 * `http://<host>:<flvPort>/live/<sessionId>.flv`. node-media-server v4 has no hook that can veto a publish
 * asynchronously: it emits `prePublish` synchronously, before it makes the session the stream's publisher, and has
 * already answered `NetStream.Publish.Start`. So the gate here holds the connection while the key is checked — the
 * socket is paused (nothing more is read) and any media already parsed is held back instead of reaching viewers —
 * then either releases it or answers `NetStream.Publish.BadName` (an error status: ffmpeg and OBS stop) and closes
 * the connection. `LiveService.authorizePublish` audits every refusal (`live.publish_refused`). Publishing over
 * HTTP/WebSocket-FLV is refused outright. Accepted streams are re-checked every few seconds and cut when their
 * session has ended or their key was rotated.
 *
 * Recording (with `recordDir`): every accepted stream is written to `<recordDir>/live/<sessionId>/<ms>.flv` by
 * node-media-server's own record session, started here once the publish is accepted — not by its record server,
 * which would start on `postPublish`, emitted before the key is checked (and which needs its `run()`). The
 * recording ends when that publisher's connection closes. Its `postRecord` and `doneRecord` events go to the
 * `recordings` sink (`LiveService.recordingStarted` / `recordingEnded`), the latter once the file is closed, with
 * its size and SHA-256 (read back as a stream).
 *
 * node-media-server keeps its state in one module-level context, so one instance runs per process. Its listeners are
 * opened here (not by its `run()`, which exits the process when a port is taken) so that a busy port is an error
 * the caller can survive. Its console logger is routed into ours.
 */
import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createReadStream, type WriteStream } from 'node:fs';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { join } from 'node:path';

/** The part of pino's logger this adapter uses. */
export interface MediaLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Who may publish: the platform's answer for a session id and key. */
export interface PublishGate {
  /** whether this key may publish this session now (refusals are audited by the implementation) */
  authorize(sessionId: string, key: string, from: string): Promise<boolean>;
  /** whether an accepted stream may go on (session still scheduled or live, key not rotated); not audited */
  stillAllowed(sessionId: string, key: string): Promise<boolean>;
}

/** Where the recordings of accepted streams are reported (the platform's `LiveService`). */
export interface RecordingSink {
  /** a recording of the session's stream started: the recording's id */
  started(sessionId: string, filePath: string): Promise<string>;
  /** its file is closed: size and SHA-256 (null when the file could not be read), when it was closed */
  ended(recordingId: string, file: { bytes: number | null; sha256: string | null; endedAt: Date }): Promise<void>;
}

export interface MediaServerOptions {
  host: string;
  /** RTMP ingest port; 0 picks a free one (tests) */
  rtmpPort: number;
  /** HTTP-FLV playback port; 0 picks a free one (tests) */
  flvPort: number;
  gate: PublishGate;
  log: MediaLog;
  /** how often accepted streams are re-checked (default 10 s) */
  recheckMs?: number;
  /** record every accepted stream as FLV under this directory (`<recordDir>/live/<sessionId>/<ms>.flv`); none when unset */
  recordDir?: string;
  /** where recordings are reported; without it files are written but not tracked */
  recordings?: RecordingSink;
  /** told when a session's accepted stream starts (`true`) and when its publisher goes away (`false`) */
  onStream?(sessionId: string, on: boolean): void;
}

export interface MediaServer {
  readonly rtmpPort: number;
  readonly flvPort: number;
  /** session ids being published right now (accepted streams) */
  publishing(): string[];
  close(): Promise<void>;
}

export class MediaServerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaServerError';
  }
}

/** The RTMP application streams are published to; the stream name is the session id. */
export const MEDIA_APP = 'live';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_HELD_PACKETS = 2000;

// ---- node-media-server v4, as far as it is used here (the package ships JavaScript without type declarations) ----

interface NmsRtmp {
  streamId: number;
  onPacketCallback: (packet: unknown) => void;
  sendStatusMessage(sid: number, level: string, code: string, description: string): void;
}

interface NmsSession {
  id: string;
  /** "/<app>/<name>" */
  streamPath: string;
  /** "address:port" */
  ip: string;
  protocol: string;
  isPublisher: boolean;
  streamApp: string;
  streamName: string;
  streamQuery: Record<string, string | string[] | undefined> | null;
  /** RTMP sessions */
  socket?: Socket;
  rtmp?: NmsRtmp;
  /** its socket's close handler: ends the publish (frees the stream for the next publisher) */
  onClose?: () => void;
  /** HTTP-FLV / WebSocket-FLV sessions */
  req?: IncomingMessage;
  res?: { terminate?: () => void };
}

interface NmsInstance {
  rtmpServer: { tcpServer?: NetServer };
  httpServer: { httpServer?: HttpServer; wsServer?: { on(event: 'error', listener: (e: Error) => void): void } };
  stop(): Promise<void>;
}

/** node-media-server's FLV record session: subscribes to the stream and writes it to a file */
interface NmsRecordSession {
  id: string;
  streamPath: string;
  filePath: string;
  fileStream: WriteStream;
  /** set by `stop()` (ms) */
  endTime: number;
  /** subscribes to the stream and emits `postRecord` */
  run(): void;
  /** closes the file (once) and emits `doneRecord` */
  stop(): void;
}

interface NmsContext {
  eventEmitter: EventEmitter;
  sessions: Map<string, unknown>;
  broadcasts: Map<string, unknown>;
}

/** Loaded on first start only: every command imports this package, few run the media server. */
function loadNms() {
  const require = createRequire(import.meta.url);
  return {
    NodeMediaServer: require('node-media-server') as new (config: object) => NmsInstance,
    nmsContext: require('node-media-server/src/core/context.js') as NmsContext,
    nmsLogger: require('node-media-server/src/core/logger.js') as { log: (message: string, level?: string) => void },
    NmsRecordSession: require('node-media-server/src/session/record_session.js') as new (
      publisher: NmsSession,
      filePath: string,
    ) => NmsRecordSession,
  };
}

let running = false;

const addressOf = (ip: string) => ip.replace(/:\d+$/, '');

function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Size and SHA-256 of a file, read as a stream. */
async function digestFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Resolves once a write stream has flushed and closed its file (also after an error). */
const fileClosed = (stream: WriteStream) =>
  new Promise<void>((resolve) => (stream.closed || stream.destroyed ? resolve() : stream.once('close', () => resolve())));

const closed = (server: NetServer | undefined) =>
  new Promise<void>((resolve) => (server?.listening ? server.once('close', () => resolve()) : resolve()));

function describeListenError(what: string, port: number, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return `${what} port ${port} is already in use`;
  if (code === 'EACCES') return `${what} port ${port} needs privileges`;
  return `${what} port ${port}: ${e instanceof Error ? e.message : String(e)}`;
}

export async function startMediaServer(o: MediaServerOptions): Promise<MediaServer> {
  if (running) throw new MediaServerError('the embedded media server is already running in this process');
  const { NodeMediaServer, nmsContext, nmsLogger, NmsRecordSession } = loadNms();
  const log = o.log;
  nmsLogger.log = (message, level = 'info') => {
    if (level === 'error' || level === 'warn') log.warn({ component: 'node-media-server' }, message);
    else log.debug({ component: 'node-media-server' }, message);
  };
  // Its constructor creates a listener only for a truthy port; the real port (0 = any) is passed to listen below.
  const nms = new NodeMediaServer({
    bind: o.host,
    rtmp: { port: o.rtmpPort || 1935 },
    http: { port: o.flvPort || 8000 },
    webadmin: { enable: false },
  });
  const tcp = nms.rtmpServer.tcpServer;
  const http = nms.httpServer.httpServer;
  if (!tcp || !http) {
    await nms.stop();
    throw new MediaServerError('node-media-server created no listeners');
  }
  running = true;
  // Its own error handlers exit the process; ws re-emits server errors on itself.
  http.removeAllListeners('error');
  nms.httpServer.wsServer?.on('error', () => {});

  /** accepted publishers: node-media-server session id → what was accepted */
  const accepted = new Map<string, { session: NmsSession; sessionId: string; key: string }>();

  // ---- recordings ----
  /** our record sessions (node-media-server record session id): the session, the recording id once reported */
  const recording = new Map<string, { rec: NmsRecordSession; sessionId: string; started: Promise<string | null> | null }>();
  /** recordings being finished (hashing, reporting): waited for by `close()` */
  const finishing = new Set<Promise<void>>();

  const stopRecording = (rec: NmsRecordSession) => {
    try {
      rec.stop();
    } catch (err) {
      log.warn({ err, file: rec.filePath }, 'recording: stop failed');
    }
  };

  /** Starts recording an accepted publish; the recording ends when its connection closes. Never throws. */
  const startRecording = (s: NmsSession, socket: Socket, sessionId: string) => {
    if (!o.recordDir) return;
    try {
      const filePath = join(o.recordDir, MEDIA_APP, sessionId, `${Date.now()}.flv`);
      const rec = new NmsRecordSession(s, filePath);
      rec.fileStream.on('error', (err) => log.warn({ err, stream: sessionId, file: filePath }, 'recording: write failed'));
      recording.set(rec.id, { rec, sessionId, started: null });
      rec.run(); // → postRecord
      nmsContext.sessions.set(rec.id, rec);
      socket.once('close', () => stopRecording(rec)); // → doneRecord
    } catch (err) {
      log.warn({ err, stream: sessionId }, 'recording: not started');
    }
  };

  const onPostRecord = (rec: NmsRecordSession) => {
    try {
      const mine = recording.get(rec.id);
      if (!mine) return;
      log.info({ stream: mine.sessionId, file: rec.filePath }, 'recording started');
      mine.started = o.recordings
        ? o.recordings.started(mine.sessionId, rec.filePath).catch((err: unknown) => {
            log.warn({ err, stream: mine.sessionId, file: rec.filePath }, 'recording: could not be registered');
            return null;
          })
        : Promise.resolve(null);
    } catch (err) {
      log.warn({ err }, 'recording: postRecord failed');
    }
  };

  const onDoneRecord = (rec: NmsRecordSession) => {
    try {
      const mine = recording.get(rec.id);
      if (!mine) return;
      recording.delete(rec.id);
      const endedAt = new Date(rec.endTime || Date.now());
      const done: Promise<void> = (async () => {
        await fileClosed(rec.fileStream);
        const file = await digestFile(rec.filePath).catch((err: unknown) => {
          log.warn({ err, stream: mine.sessionId, file: rec.filePath }, 'recording: the file cannot be read');
          return { bytes: null, sha256: null };
        });
        log.info({ stream: mine.sessionId, file: rec.filePath, bytes: file.bytes }, 'recording ended');
        const id = await mine.started;
        if (id && o.recordings) await o.recordings.ended(id, { ...file, endedAt });
      })()
        .catch((err: unknown) => log.warn({ err, stream: mine.sessionId, file: rec.filePath }, 'recording: could not be finished'))
        .finally(() => finishing.delete(done));
      finishing.add(done);
    } catch (err) {
      log.warn({ err }, 'recording: doneRecord failed');
    }
  };
  nmsContext.eventEmitter.on('postRecord', onPostRecord);
  nmsContext.eventEmitter.on('doneRecord', onDoneRecord);

  /**
   * Closes a refused RTMP publisher: an error status (ffmpeg and OBS stop on it), the stream freed at once for the
   * next publisher (node-media-server frees it only when the connection closes), then a graceful close while
   * whatever the encoder still sends is read and dropped — never parsed, so nothing reaches viewers — cut after 10 s
   * at most. Called once node-media-server is done with the publish command (asynchronously).
   */
  const refuse = (s: NmsSession, socket: Socket, rtmp: NmsRtmp, why: string) => {
    if (socket.destroyed) return;
    rtmp.onPacketCallback = () => {};
    try {
      rtmp.sendStatusMessage(rtmp.streamId, 'error', 'NetStream.Publish.BadName', why);
    } catch {
      // the socket may already be gone
    }
    if (s.isPublisher && s.onClose) {
      socket.removeListener('close', s.onClose);
      s.onClose();
    }
    socket.removeAllListeners('data');
    socket.on('data', () => {});
    socket.resume();
    socket.end();
    setTimeout(() => socket.destroy(), 10_000).unref();
  };

  const onPrePublish = (s: NmsSession) => {
    const from = addressOf(s.ip);
    const sessionId = s.streamName;
    const keyParam = s.streamQuery?.key;
    const key = typeof keyParam === 'string' ? keyParam : '';
    const where = { from, app: s.streamApp, stream: sessionId, protocol: s.protocol };
    if (s.protocol !== 'rtmp' || !s.socket || !s.rtmp) {
      // HTTP/WebSocket-FLV publishing: cut before a byte of it is read
      log.warn(where, 'publish refused: only RTMP publishing is accepted');
      if (typeof s.res?.terminate === 'function') s.res.terminate();
      else s.req?.socket.destroy();
      return;
    }
    // Hold the connection while the key is checked: read nothing more, keep back what was already parsed.
    const socket = s.socket;
    const rtmp = s.rtmp;
    const forward = rtmp.onPacketCallback;
    const held: unknown[] = [];
    rtmp.onPacketCallback = (packet) => {
      if (held.length < MAX_HELD_PACKETS) held.push(packet);
    };
    socket.pause();
    const sessionStream = s.streamApp === MEDIA_APP && UUID.test(sessionId);
    // Even a refusal known now is carried out asynchronously, once node-media-server has finished the publish.
    const verdict: Promise<boolean> = sessionStream ? o.gate.authorize(sessionId, key, from) : Promise.resolve(false);
    void verdict
      .catch((err: unknown) => {
        log.warn({ ...where, err }, 'publish check failed; refusing');
        return false;
      })
      .then((ok) => {
        if (socket.destroyed) return;
        if (!sessionStream) {
          log.warn(where, `publish refused: not a session stream (publish to ${MEDIA_APP}/<sessionId>?key=<key>)`);
          refuse(s, socket, rtmp, 'unknown stream');
          return;
        }
        if (!ok) {
          log.warn(where, 'publish refused: wrong stream key, or the session is not scheduled or live');
          refuse(s, socket, rtmp, 'wrong stream key, or the session is not open for streaming');
          return;
        }
        if (!s.isPublisher) {
          // node-media-server turned it away itself (the stream already has a publisher) but keeps parsing what
          // it sends into the stream until it disconnects: close it here without forwarding anything
          refuse(s, socket, rtmp, 'this stream already has a publisher');
          return;
        }
        // recorded from its first packet: the recording subscribes before the held media is forwarded
        startRecording(s, socket, sessionId);
        rtmp.onPacketCallback = forward;
        for (const packet of held) forward(packet);
        socket.resume();
        accepted.set(s.id, { session: s, sessionId, key });
        o.onStream?.(sessionId, true);
        socket.once('close', () => {
          accepted.delete(s.id);
          o.onStream?.(sessionId, false);
          log.info(where, 'publish ended');
        });
        log.info(where, 'publish accepted');
      });
  };
  nmsContext.eventEmitter.on('prePublish', onPrePublish);

  let rechecking = false;
  const timer = setInterval(() => {
    if (rechecking || accepted.size === 0) return;
    rechecking = true;
    void (async () => {
      for (const a of [...accepted.values()]) {
        const ok = await o.gate.stillAllowed(a.sessionId, a.key).catch(() => true); // a database hiccup cuts nobody
        if (!ok && !a.session.socket?.destroyed) {
          log.info({ stream: a.sessionId }, 'stream cut: the session ended or its key was rotated');
          a.session.socket?.destroy();
        }
      }
    })().finally(() => {
      rechecking = false;
    });
  }, o.recheckMs ?? 10_000);
  timer.unref();

  const stop = async () => {
    clearInterval(timer);
    nmsContext.eventEmitter.off('prePublish', onPrePublish);
    for (const { rec } of [...recording.values()]) stopRecording(rec); // each file closed and reported
    nmsContext.eventEmitter.off('postRecord', onPostRecord);
    nmsContext.eventEmitter.off('doneRecord', onDoneRecord);
    const done = Promise.all([closed(tcp), closed(http)]);
    await nms.stop();
    http.closeAllConnections(); // HTTP-FLV responses never end on their own
    await done;
    await Promise.allSettled([...finishing]);
    nmsContext.sessions.clear();
    nmsContext.broadcasts.clear();
    running = false;
  };

  let rtmpPort: number;
  let flvPort: number;
  try {
    rtmpPort = await listen(tcp, o.rtmpPort, o.host).catch((e: unknown) => {
      throw new MediaServerError(describeListenError('RTMP', o.rtmpPort, e), { cause: e });
    });
    flvPort = await listen(http, o.flvPort, o.host).catch((e: unknown) => {
      throw new MediaServerError(describeListenError('HTTP-FLV', o.flvPort, e), { cause: e });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  for (const server of [tcp, http]) server.on('error', (err) => log.warn({ err }, 'media server socket error'));
  log.info({ rtmpPort, flvPort }, 'media server listening');

  return {
    rtmpPort,
    flvPort,
    publishing: () => [...new Set([...accepted.values()].map((a) => a.sessionId))],
    close: stop,
  };
}

/** The recordings of the running platform: `LiveService.recordingStarted` / `recordingEnded` (source `embedded`). */
export function recordingSink(c: {
  live: {
    recordingStarted(sessionId: string, input: { source: 'embedded'; filePath: string }): Promise<{ id: string }>;
    recordingEnded(recordingId: string, input: { bytes: number | null; sha256: string | null; endedAt: Date }): Promise<unknown>;
  };
}): RecordingSink {
  return {
    started: async (sessionId, filePath) => (await c.live.recordingStarted(sessionId, { source: 'embedded', filePath })).id,
    ended: async (recordingId, file) => {
      await c.live.recordingEnded(recordingId, file);
    },
  };
}

/** The gate of the running platform: `LiveService.authorizePublish`, and a silent re-check of accepted streams. */
export function publishGate(c: {
  live: { authorizePublish(sessionId: string, key: string, from: string): Promise<boolean> };
  uow: { read: { live: { findSession(id: string): Promise<{ status: string; streamKeyHash: string } | null> } } };
}): PublishGate {
  return {
    authorize: (sessionId, key, from) => c.live.authorizePublish(sessionId, key, from),
    async stillAllowed(sessionId, key) {
      const s = await c.uow.read.live.findSession(sessionId);
      return (
        s !== null &&
        (s.status === 'live' || s.status === 'scheduled') &&
        createHash('sha256').update(key, 'utf8').digest('hex') === s.streamKeyHash
      );
    },
  };
}
