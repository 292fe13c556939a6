/**
 * The registry's part in a live session, read through the caller's repositories (its transaction, or the unit of
 * work's reads): a streamer's profile (the session's own streamer, its co-hosts). The live context asks here and
 * never reads the registry's tables itself.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { StreamerProfileRecord } from './registry.types.ts';

export type RegistryReads = Pick<Repositories, 'registry'>;

export class SessionRegistry {
  streamerIn(r: RegistryReads, userId: string): Promise<StreamerProfileRecord | null> {
    return r.registry.findStreamer(userId);
  }
}
