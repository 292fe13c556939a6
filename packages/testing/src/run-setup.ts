/**
 * Vitest global setup of the integration and e2e projects: makes the run's shared directory (`run-dir.ts`) before
 * any test file starts and removes it when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_RUN_DIR_ENV } from './run-dir.ts';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'livehub-test-run-'));
  process.env[TEST_RUN_DIR_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
