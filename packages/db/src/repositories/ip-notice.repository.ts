/** Drizzle implementation of the infringement notices' port (知识产权保护). */
import type { IpNoticeStatus } from '@livehub/contracts';
import type { IpNoticeEntryRecord, IpNoticeRecord, IpNoticeRepository } from '@livehub/core';
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ipNoticeEntries, ipNotices } from '../schema/ip-notices.ts';

const OPEN: IpNoticeStatus[] = ['taken_down', 'countered', 'action_filed'];

export class DrizzleIpNoticeRepository implements IpNoticeRepository {
  constructor(private readonly db: Db) {}

  async insertNotice(n: IpNoticeRecord): Promise<void> {
    await this.db.insert(ipNotices).values(n);
  }
  async findNotice(id: string, opts: { lock?: boolean } = {}): Promise<IpNoticeRecord | null> {
    const q = this.db.select().from(ipNotices).where(eq(ipNotices.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as IpNoticeRecord | undefined) ?? null;
  }
  async openNoticeOf(productId: string, brandId: string): Promise<IpNoticeRecord | null> {
    const [row] = await this.db
      .select()
      .from(ipNotices)
      .where(and(eq(ipNotices.productId, productId), eq(ipNotices.brandId, brandId), inArray(ipNotices.status, OPEN)))
      .limit(1);
    return (row as IpNoticeRecord | undefined) ?? null;
  }
  async updateNotice(n: IpNoticeRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = n;
    const rows = await this.db
      .update(ipNotices)
      .set(rest)
      .where(and(eq(ipNotices.id, id), eq(ipNotices.version, expectVersion)))
      .returning({ id: ipNotices.id });
    return rows.length === 1;
  }
  async listNotices(opts: {
    status?: IpNoticeStatus | undefined;
    brandId?: string | undefined;
    filedByOrgId?: string | undefined;
    merchantOrgId?: string | undefined;
    partyOrgId?: string | undefined;
    limit: number;
  }): Promise<IpNoticeRecord[]> {
    const where: SQL[] = [];
    if (opts.status) where.push(eq(ipNotices.status, opts.status));
    if (opts.brandId) where.push(eq(ipNotices.brandId, opts.brandId));
    if (opts.filedByOrgId)
      where.push(or(eq(ipNotices.filedByOrgId, opts.filedByOrgId), eq(ipNotices.holderOrgId, opts.filedByOrgId)) as SQL);
    if (opts.merchantOrgId) where.push(eq(ipNotices.merchantOrgId, opts.merchantOrgId));
    if (opts.partyOrgId)
      where.push(
        or(
          eq(ipNotices.filedByOrgId, opts.partyOrgId),
          eq(ipNotices.holderOrgId, opts.partyOrgId),
          eq(ipNotices.merchantOrgId, opts.partyOrgId),
        ) as SQL,
      );
    return (await this.db
      .select()
      .from(ipNotices)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(ipNotices.filedAt), desc(ipNotices.id))
      .limit(opts.limit)) as IpNoticeRecord[];
  }
  async listLapsed(now: Date, limit: number): Promise<IpNoticeRecord[]> {
    return (await this.db
      .select()
      .from(ipNotices)
      .where(and(eq(ipNotices.status, 'countered'), lt(ipNotices.actionDueAt, now)))
      .orderBy(asc(ipNotices.actionDueAt), asc(ipNotices.id))
      .limit(limit)) as IpNoticeRecord[];
  }
  async appendEntry(e: IpNoticeEntryRecord): Promise<void> {
    await this.db.insert(ipNoticeEntries).values(e);
  }
  async listEntries(noticeIds: readonly string[]): Promise<IpNoticeEntryRecord[]> {
    if (noticeIds.length === 0) return [];
    return (await this.db
      .select()
      .from(ipNoticeEntries)
      .where(inArray(ipNoticeEntries.noticeId, [...noticeIds]))
      .orderBy(asc(ipNoticeEntries.at), asc(ipNoticeEntries.id))) as IpNoticeEntryRecord[];
  }
}
