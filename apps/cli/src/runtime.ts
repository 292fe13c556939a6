/** Opening and closing the platform from a command: config, container, readable failures. */
import { type Config, ConfigError, type Container, createContainer, loadConfig, StartupError } from '@livehub/server';

export async function openContainer(): Promise<Container> {
  const config: Config = loadConfig();
  return createContainer(config);
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

export async function withContainer<T>(work: (c: Container) => Promise<T>): Promise<T> {
  const c = await openContainer();
  try {
    return await work(c);
  } finally {
    await c.close();
  }
}
