/**
 * The registry as read: a streamer's own profile, the public lists of certified bases and streamers (masked),
 * and the regulators' export (masked; each export an audit entry written with the read).
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { maskBase, maskMerchant, maskStreamer } from './registry.rules.ts';
import type { MaskedBase, MaskedStreamer, RegistryExport, RegistryExportKind } from './registry.types.ts';

export interface DirectoryDeps {
  /** the registry's records; the MCNs' names an export shows (orgs) */
  uow: ScopedUnitOfWork<'registry' | 'orgs' | 'audit'>;
  vault: Pick<PiiVault, 'decrypt'>;
  audit: AuditService;
}

const PUBLIC_BASES = 500;
const PUBLIC_STREAMERS = 1000;
const EXPORT_LIMIT = 100_000;

export class DirectoryService {
  private readonly decrypt: (cipher: string) => string;

  constructor(private readonly d: DirectoryDeps) {
    this.decrypt = (cipher) => d.vault.decrypt(cipher);
  }

  /** Certified (and downgraded) live bases, masked: the public list. */
  async publicBases(): Promise<MaskedBase[]> {
    const bases = await this.d.uow.read.registry.listBases({ status: ['certified', 'downgraded'], limit: PUBLIC_BASES });
    return bases.map((b) => maskBase(b, this.decrypt));
  }

  /** Certified streamers, masked: the public list. */
  async publicStreamers(): Promise<Array<MaskedStreamer & { displayName: string }>> {
    const streamers = await this.d.uow.read.registry.listStreamers({ status: ['certified'], limit: PUBLIC_STREAMERS });
    return streamers.map((s) => ({ displayName: s.displayName, ...maskStreamer(s, this.decrypt) }));
  }

  /** A regulator's export of one kind of record, masked, read and audited in one transaction. */
  async export(actor: Actor, kind: RegistryExportKind): Promise<RegistryExport> {
    return this.d.uow.transaction(async (tx) => {
      let out: RegistryExport;
      if (kind === 'bases') {
        out = { kind, rows: (await tx.registry.listBases({ limit: EXPORT_LIMIT })).map((b) => maskBase(b, this.decrypt)) };
      } else if (kind === 'streamers') {
        const mcnNames = new Map((await tx.orgs.list({ kind: 'mcn', limit: EXPORT_LIMIT })).map((o) => [o.id, o.name]));
        const streamers = await tx.registry.listStreamers({ limit: EXPORT_LIMIT });
        out = {
          kind,
          rows: streamers.map((s) => ({
            ...maskStreamer(s, this.decrypt),
            displayName: s.displayName,
            mcnName: s.mcnOrgId ? (mcnNames.get(s.mcnOrgId) ?? null) : null,
          })),
        };
      } else {
        const merchants = await tx.registry.listMerchants({ limit: EXPORT_LIMIT });
        out = { kind, rows: merchants.map((p) => ({ ...maskMerchant(p, this.decrypt), createdAt: p.createdAt })) };
      }
      await this.d.audit.record(tx, actor, {
        action: 'registry.export',
        targetType: 'export',
        targetId: kind,
        detail: { rows: out.rows.length },
      });
      return out;
    });
  }
}
