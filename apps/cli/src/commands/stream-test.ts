/**
 * `livehub stream-test`: pushes an ffmpeg test pattern (720×1280 portrait, 30 fps, a 440 Hz tone) to a session over
 * RTMP, the way OBS would — a quick check of the ingest, the stream key and playback without a camera. Needs ffmpeg
 * on PATH; says so plainly when it is missing. Exits with ffmpeg's status (non-zero when the stream is refused).
 */
import { spawn, spawnSync } from 'node:child_process';
import { InvalidArgumentError } from 'commander';

export interface StreamTestOptions {
  session: string;
  key: string;
  seconds: number;
  ingest: string;
  /** ffmpeg's own progress output (default: warnings only) */
  verbose?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const seconds = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 86_400) throw new InvalidArgumentError('must be a whole number of seconds (0: until Ctrl-C)');
  return n;
};

/** The default ingest URL, as the server computes it (LIVEHUB_RTMP_INGEST_URL, else LIVEHUB_RTMP_PORT on localhost). */
export function defaultIngestUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.LIVEHUB_RTMP_INGEST_URL) return env.LIVEHUB_RTMP_INGEST_URL;
  const port = Number(env.LIVEHUB_RTMP_PORT);
  return `rtmp://localhost:${Number.isInteger(port) && port > 0 ? port : 1935}/live`;
}

export function ffmpegAvailable(): boolean {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export function testPatternArgs(url: string, secs: number, verbose = false): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    verbose ? 'info' : 'warning',
    ...(verbose ? ['-stats'] : ['-nostats']),
    '-re',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=720x1280:rate=30',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    ...(secs > 0 ? ['-t', String(secs)] : []),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '60',
    '-b:v',
    '2500k',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-f',
    'flv',
    url,
  ];
}

export async function streamTest(o: StreamTestOptions): Promise<void> {
  if (!UUID.test(o.session)) throw new Error('--session: must be a live session id (a UUID)');
  if (!o.key.trim()) throw new Error('--key: the session’s stream key (lh_…)');
  if (!/^rtmps?:\/\//.test(o.ingest)) throw new Error('--ingest: must be an rtmp:// URL');
  if (!ffmpegAvailable()) {
    throw new Error(
      'ffmpeg is not installed (or not on PATH): install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg) — or stream from OBS with the settings in docs/live.md',
    );
  }
  const url = `${o.ingest.replace(/\/+$/, '')}/${o.session}?key=${encodeURIComponent(o.key)}`;
  const shown = url.replace(/key=[^&]*/, 'key=***');
  process.stderr.write(`streaming a test pattern to ${shown}${o.seconds > 0 ? ` for ${o.seconds} s` : ' (Ctrl-C to stop)'}\n`);
  const child = spawn('ffmpeg', testPatternArgs(url, o.seconds, o.verbose), { stdio: ['ignore', 'inherit', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    process.stderr.write(d);
  });
  const stop = () => child.kill('SIGINT');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (code === 0 || (o.seconds === 0 && code === 255)) {
    process.stderr.write('test pattern sent\n');
    return;
  }
  if (/Server error|Operation not permitted|Connection reset|Broken pipe/i.test(err))
    process.stderr.write(
      'livehub: the media server refused the stream — a wrong or rotated key, or the session is not scheduled or live\n',
    );
  else if (/Connection refused|Cannot open connection/i.test(err))
    process.stderr.write(`livehub: nothing listens at ${o.ingest} — is the server running with its media server (LIVEHUB_RTMP_PORT)?\n`);
  process.exitCode = code;
}
