/**
 * Local-disk file store under the data directory: the embedded default of the FileStore port. Keys are
 * content-addressed (sha256), so writing the same bytes twice is harmless. Object storage (S3-compatible, OSS)
 * implements the same two methods in production.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { FileStore } from '@livehub/core';

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    const p = normalize(join(this.root, key));
    // Keys come from hashes, but the store still refuses anything that would leave its root.
    if (!p.startsWith(this.root + sep)) throw new Error(`invalid file key ${key}`);
    return p;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, p);
  }

  async get(key: string): Promise<Uint8Array> {
    return readFile(this.path(key));
  }
}
