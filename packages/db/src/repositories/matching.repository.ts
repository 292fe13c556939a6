/**
 * Drizzle implementation of the matching port (人货匹配). The snapshot reads the source tables where they are kept
 * (selection plans, products and SKUs, categories, streamer profiles and their documents, merchant profiles, credit
 * scores, sample requests, agreements, order lines, live session products) — a read-side projection, never a copy —
 * and the context's own table for impressions and clicks.
 */
import type {
  AudienceIncrement,
  ConsumerProfileRecord,
  MatchActivityRow,
  MatchCategoryRecord,
  MatchEventRecord,
  MatchHistoryRow,
  MatchingRepository,
  MatchMerchantRecord,
  MatchModelMeta,
  MatchModelRecord,
  MatchPoolProductRecord,
  MatchSnapshot,
  MatchStreamerRecord,
  PlanPartner,
  ViewerRecord,
} from '@livehub/core';
import { desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { consumerProfiles, matchEvents, matchModels, matchPreferences } from '../schema/matching.ts';

type Rows = { rows: Array<Record<string, unknown>> };
const date = (x: unknown): Date => (x instanceof Date ? x : new Date(String(x)));
const num = (x: unknown): number => (x === null || x === undefined ? 0 : Number(x));
type Tier = 'A' | 'B' | 'C' | 'D';

export class DrizzleMatchingRepository implements MatchingRepository {
  constructor(private readonly db: Db) {}

  private async rows(q: SQL): Promise<Array<Record<string, unknown>>> {
    return ((await this.db.execute(q)) as unknown as Rows).rows;
  }

  async snapshot(now: Date, since: Date): Promise<MatchSnapshot> {
    const planRows = await this.rows(sql`
      select pl.product_id, pl.type, pl.commission_bp, pl.partners
      from selection_plans pl
      where pl.status = 'active' and pl.starts_at <= ${now} and pl.ends_at > ${now}`);
    const plans = new Map<string, MatchPoolProductRecord['plans']>();
    for (const r of planRows) {
      const id = String(r.product_id);
      const list = plans.get(id) ?? [];
      const partners = (typeof r.partners === 'string' ? JSON.parse(r.partners) : r.partners) as PlanPartner[];
      list.push({ type: r.type as 'open', commissionBp: num(r.commission_bp), partners: partners ?? [] });
      plans.set(id, list);
    }
    const ids = [...plans.keys()];
    const productRows =
      ids.length === 0
        ? []
        : await this.rows(sql`
      select p.id, p.merchant_org_id, p.category_id, p.status, p.reference_price_fen, p.sample_available, p.sample_stock,
        p.sales_count, min(k.price_fen)::bigint as min_price, coalesce(sum(k.stock), 0)::bigint as stock
      from products p left join product_skus k on k.product_id = p.id
      where p.id = any(${sql.param(ids)}::uuid[])
      group by p.id`);
    const products: MatchPoolProductRecord[] = productRows.map((r) => ({
      id: String(r.id),
      merchantOrgId: String(r.merchant_org_id),
      categoryId: String(r.category_id),
      status: r.status as MatchPoolProductRecord['status'],
      minPriceFen: r.min_price === null ? null : num(r.min_price),
      referencePriceFen: r.reference_price_fen === null ? null : num(r.reference_price_fen),
      stock: num(r.stock),
      sampleAvailable: Boolean(r.sample_available),
      sampleStock: num(r.sample_stock),
      salesCount: num(r.sales_count),
      plans: plans.get(String(r.id)) ?? [],
    }));

    const categories: MatchCategoryRecord[] = (
      await this.rows(sql`select id, parent_id, live_rule, screen_as, name_zh, name_en from categories`)
    ).map((r) => ({
      id: String(r.id),
      parentId: r.parent_id === null ? null : String(r.parent_id),
      liveRule: r.live_rule as MatchCategoryRecord['liveRule'],
      screenAs: String(r.screen_as),
      nameZh: String(r.name_zh),
      nameEn: String(r.name_en),
    }));

    const streamers: MatchStreamerRecord[] = (
      await this.rows(sql`
      select s.user_id, s.mcn_org_id, s.status, s.certified_until, s.topics,
        exists (select 1 from documents d where d.owner_user_id = s.user_id and d.doc_type = 'professional_licence'
                and (d.expires_at is null or d.expires_at > ${now})) as licence,
        array(
          select distinct l.category_id from orders o join order_lines l on l.order_id = o.id
            where o.streamer_user_id = s.user_id and o.paid_at is not null
          union select distinct p.category_id from live_sessions ls join live_session_products sp on sp.session_id = ls.id
            join products p on p.id = sp.product_id where ls.streamer_user_id = s.user_id
          union select distinct p.category_id from agreements a join products p on p.id::text = any(a.in_force_product_ids)
            where a.streamer_user_id = s.user_id
        ) as past_categories,
        (select avg(u.units) from (
          select sum(l.qty) as units from orders o join order_lines l on l.order_id = o.id
          where o.streamer_user_id = s.user_id and o.paid_at is not null and o.session_id is not null
          group by o.session_id, l.product_id) u) as avg_units,
        cs.tier,
        au.viewers as au_viewers, au.female as au_female, au.male as au_male, au.under18 as au_under18,
        au.age18_24 as au_18_24, au.age25_34 as au_25_34, au.age35_44 as au_35_44, au.age45plus as au_45plus,
        au.regions as au_regions
      from streamer_profiles s left join credit_scores cs on cs.party_id = s.user_id
        left join match_audiences au on au.streamer_user_id = s.user_id`)
    ).map((r) => ({
      userId: String(r.user_id),
      mcnOrgId: r.mcn_org_id === null ? null : String(r.mcn_org_id),
      status: r.status as MatchStreamerRecord['status'],
      certifiedUntil: r.certified_until === null ? null : date(r.certified_until),
      topics: (r.topics as string[] | null) ?? [],
      professionalLicence: Boolean(r.licence),
      pastCategories: ((r.past_categories as string[] | null) ?? []).filter((c) => c !== null),
      avgUnitsPerSessionProduct: num(r.avg_units),
      creditTier: (r.tier as Tier | null) ?? null,
      audience:
        r.au_viewers === null || r.au_viewers === undefined
          ? null
          : {
              viewers: num(r.au_viewers),
              female: num(r.au_female),
              male: num(r.au_male),
              under18: num(r.au_under18),
              age18_24: num(r.au_18_24),
              age25_34: num(r.au_25_34),
              age35_44: num(r.au_35_44),
              age45plus: num(r.au_45plus),
              regions: (typeof r.au_regions === 'string' ? JSON.parse(r.au_regions) : r.au_regions) as Record<string, number>,
            },
    }));

    const merchants: MatchMerchantRecord[] = (
      await this.rows(sql`
      select m.org_id, m.status, cs.tier from merchant_profiles m left join credit_scores cs on cs.party_id = m.org_id`)
    ).map((r) => ({
      orgId: String(r.org_id),
      status: r.status as MatchMerchantRecord['status'],
      creditTier: (r.tier as Tier | null) ?? null,
    }));

    const history: MatchHistoryRow[] = (
      await this.rows(sql`
      select streamer_user_id, product_id::text as product_id, kind, at, null::bigint as gmv from match_events where at >= ${since}
      union all
      select streamer_user_id, product_id::text, 'sample', created_at, null from sample_requests
        where created_at >= ${since} and status not in ('declined', 'cancelled')
      union all
      select a.streamer_user_id, pid, 'agreement', a.in_force_from, null from agreements a, unnest(a.in_force_product_ids) as pid
        where a.in_force_from is not null and a.in_force_from >= ${since}
      union all
      select o.streamer_user_id, l.product_id::text, 'sale', o.paid_at, (l.unit_price_fen * l.qty)::bigint
        from orders o join order_lines l on l.order_id = o.id
        where o.streamer_user_id is not null and o.paid_at is not null and o.paid_at >= ${since}`)
    ).map((r) => ({
      streamerUserId: String(r.streamer_user_id),
      productId: String(r.product_id),
      kind: r.kind as MatchHistoryRow['kind'],
      at: date(r.at),
      ...(r.gmv === null || r.gmv === undefined ? {} : { gmvFen: num(r.gmv) }),
    }));

    return { products, categories, streamers, merchants, history };
  }

  async insertEvents(events: MatchEventRecord[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.insert(matchEvents).values(events);
  }

  async personalisation(userId: string): Promise<boolean | null> {
    const [r] = await this.rows(sql`select personalised from match_preferences where user_id = ${userId}::uuid`);
    return r ? Boolean(r.personalised) : null;
  }

  async setPersonalisation(userId: string, personalised: boolean, now: Date): Promise<void> {
    await this.db
      .insert(matchPreferences)
      .values({ userId, personalised, updatedAt: now })
      .onConflictDoUpdate({ target: matchPreferences.userId, set: { personalised, updatedAt: now } });
  }

  async activityForStreamersOf(mcnOrgIds: string[], since: Date): Promise<MatchActivityRow[]> {
    if (mcnOrgIds.length === 0) return [];
    const rows = await this.rows(sql`
      with s as (select user_id from streamer_profiles where mcn_org_id = any(${sql.param(mcnOrgIds)}::uuid[]))
      select s.user_id,
        (select count(*) from match_events e where e.streamer_user_id = s.user_id and e.kind = 'impression' and e.at >= ${since})::int as impressions,
        (select count(*) from match_events e where e.streamer_user_id = s.user_id and e.kind = 'click' and e.at >= ${since})::int as clicks,
        (select count(*) from selection_plans pl where pl.type <> 'open' and pl.created_at >= ${since}
           and pl.partners @> jsonb_build_array(jsonb_build_object('kind', 'streamer', 'id', s.user_id::text)))::int as invitations,
        (select count(*) from agreements a where a.streamer_user_id = s.user_id and a.in_force_from >= ${since})::int as agreements
      from s order by s.user_id`);
    return rows.map((r) => ({
      partyId: String(r.user_id),
      impressions: num(r.impressions),
      clicks: num(r.clicks),
      invitations: num(r.invitations),
      agreements: num(r.agreements),
    }));
  }

  async latestModel(): Promise<MatchModelMeta | null> {
    const [r] = await this.db
      .select({
        version: matchModels.version,
        trainedAt: matchModels.trainedAt,
        trigger: matchModels.trigger,
        streamers: matchModels.streamers,
        products: matchModels.products,
        interactions: matchModels.interactions,
        pairs: matchModels.pairs,
        newInteractions: matchModels.newInteractions,
        dim: matchModels.dim,
      })
      .from(matchModels)
      .orderBy(desc(matchModels.version))
      .limit(1);
    return r ?? null;
  }

  async loadModel(version: number): Promise<MatchModelRecord | null> {
    const [r] = await this.db.select().from(matchModels).where(eq(matchModels.version, version));
    if (!r) return null;
    const f = r.factors;
    return { ...r, factors: new Uint8Array(f.buffer, f.byteOffset, f.byteLength) };
  }

  async saveModel(model: MatchModelRecord, keep: number): Promise<void> {
    await this.db.insert(matchModels).values(model);
    await this.db.delete(matchModels).where(lte(matchModels.version, model.version - keep));
  }

  async findConsumerProfile(userId: string): Promise<ConsumerProfileRecord | null> {
    const [r] = await this.db.select().from(consumerProfiles).where(eq(consumerProfiles.userId, userId));
    return r ?? null;
  }

  async saveConsumerProfile(p: ConsumerProfileRecord): Promise<void> {
    await this.db
      .insert(consumerProfiles)
      .values(p)
      .onConflictDoUpdate({
        target: consumerProfiles.userId,
        set: { birthYear: p.birthYear, gender: p.gender, consentedAt: p.consentedAt, updatedAt: p.updatedAt },
      });
  }

  async deleteConsumerProfile(userId: string): Promise<boolean> {
    const gone = await this.db
      .delete(consumerProfiles)
      .where(eq(consumerProfiles.userId, userId))
      .returning({ id: consumerProfiles.userId });
    return gone.length > 0;
  }

  async viewerRecord(userId: string): Promise<ViewerRecord> {
    const [r] = await this.rows(sql`
      select cp.birth_year, cp.gender,
        (select a.region from consumer_addresses a where a.user_id = ${userId}::uuid and a.is_default limit 1) as region
      from (select ${userId}::uuid as user_id) u left join consumer_profiles cp on cp.user_id = u.user_id`);
    const verified = r?.birth_year !== null && r?.birth_year !== undefined;
    return {
      birthYear: verified ? num(r?.birth_year) : null,
      gender: verified ? (r?.gender as 'female' | 'male') : null,
      defaultRegion: verified ? ((r?.region as string | null | undefined) ?? null) : null,
    };
  }

  async incrementAudience(streamerUserId: string, inc: AudienceIncrement, at: Date): Promise<void> {
    const band = (k: string) => (inc.band === k ? 1 : 0);
    const regions = inc.province ? { [inc.province]: 1 } : {};
    // one statement: the first viewer creates the row, every later one adds to it (regions merged key by key)
    await this.db.execute(sql`
      insert into match_audiences (streamer_user_id, viewers, female, male, under18, age18_24, age25_34, age35_44, age45plus, regions, updated_at)
      values (${streamerUserId}::uuid, ${inc.viewers}, ${inc.female}, ${inc.male}, ${band('under18')}, ${band('age18_24')},
        ${band('age25_34')}, ${band('age35_44')}, ${band('age45plus')}, ${JSON.stringify(regions)}::jsonb, ${at})
      on conflict (streamer_user_id) do update set
        viewers = match_audiences.viewers + excluded.viewers,
        female = match_audiences.female + excluded.female,
        male = match_audiences.male + excluded.male,
        under18 = match_audiences.under18 + excluded.under18,
        age18_24 = match_audiences.age18_24 + excluded.age18_24,
        age25_34 = match_audiences.age25_34 + excluded.age25_34,
        age35_44 = match_audiences.age35_44 + excluded.age35_44,
        age45plus = match_audiences.age45plus + excluded.age45plus,
        regions = case when ${inc.province}::text is null then match_audiences.regions
          else jsonb_set(match_audiences.regions, array[${inc.province}::text],
            to_jsonb(coalesce((match_audiences.regions ->> ${inc.province}::text)::int, 0) + 1)) end,
        updated_at = excluded.updated_at`);
  }
}
