/** Opening and closing the platform from a command: config, container, readable failures. */
import type { Clock } from '@livehub/core';
import { type Config, ConfigError, type Container, createContainer, loadConfig, OffsetClock, StartupError } from '@livehub/server';

/** `clock`: the platform's clock (the demo seed's movable `OffsetClock`); the system's by default. */
export async function openContainer(opts: { clock?: Clock } = {}): Promise<Container> {
  const config: Config = loadConfig();
  return createContainer(config, opts.clock ? { clock: opts.clock } : {});
}

/** Known start-up failures print one readable message and exit non-zero; anything else is a bug with a stack. */
export function fail(e: unknown): never {
  if (e instanceof ConfigError || e instanceof StartupError) {
    process.stderr.write(`livehub: ${e.message}\n`);
  } else if (e instanceof Error) {
    process.stderr.write(`livehub: ${e.message}\n${process.env.LIVEHUB_DEBUG ? `${e.stack}\n` : ''}`);
  } else {
    process.stderr.write(`livehub: ${String(e)}\n`);
  }
  process.exit(1);
}

/** `work` gets the container and its clock (real time unless the demo seed moves it). */
export async function withContainer<T>(work: (c: Container, clock: OffsetClock) => Promise<T>): Promise<T> {
  const clock = new OffsetClock();
  const c = await openContainer({ clock });
  try {
    return await work(c, clock);
  } finally {
    await c.close();
  }
}
