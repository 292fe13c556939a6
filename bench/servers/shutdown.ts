/** A benchmark server's way out: on SIGTERM / SIGINT (and when its parent goes, for IPC children) the app and the
 * container close and the data directory goes. */
import { rmSync } from 'node:fs';

export function shutdownOnSignals(
  closers: { app: { close(): Promise<unknown> }; c: { close(): Promise<unknown> } },
  dataDir: string,
  opts: { onDisconnect?: boolean } = {},
): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await closers.app.close().catch(() => {});
      await closers.c.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (opts.onDisconnect) process.on('disconnect', stop);
}
