ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_entry_id_ledger_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_account_id_ledger_accounts_id_fk";
--> statement-breakpoint
DROP INDEX "ledger_accounts_party_kind_uq";--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_party_kind_uq" ON "ledger_accounts" USING btree ("party_id","kind","shard");--> statement-breakpoint
-- The platform's fee revenue has no floor any more (a refund taking the fee back is never refused for it), which
-- lets it be spread over shards like the provider's clearing account (ADR 0015).
UPDATE "ledger_accounts" SET "floor" = NULL WHERE "kind" = 'platform_fee_revenue';
--> statement-breakpoint
-- The ledger's posting path as one function (see ADR 0015 and docs/settlement.md, "Posting in one statement").
-- One call inserts the entries whose business key is new, locks the accounts their postings touch in ascending id
-- order (FOR UPDATE sorts before it locks, so two batches cannot deadlock), applies each account's net delta under
-- the floor guard, and inserts the postings with their running balance, in the order given. It refuses nothing:
-- it returns the inserted keys ('e' rows) and each touched account as locked before the change ('a' rows, with
-- whether the UPDATE changed it), and the caller (LedgerService) checks them and rolls back on anything wrong.
-- A function rather than a statement sent each time: PL/pgSQL keeps the statement's plan for the session, and the
-- plan of this six-part statement costs as much as running it.
CREATE OR REPLACE FUNCTION ledger_post(
  e_id uuid[], e_key text[], e_kind text[], e_memo text[], e_reverses uuid[], at timestamptz,
  p_entry uuid[], p_seq integer[], p_account uuid[], p_amount bigint[]
) RETURNS TABLE (r_type text, r_key text, r_balance bigint, r_floor bigint, r_status text, r_changed boolean)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $fn$
BEGIN
  RETURN QUERY
  WITH e AS (
    INSERT INTO ledger_entries AS le (id, business_key, kind, memo, reverses_entry_id, posted_at)
    SELECT x.id, x.k, x.kind, x.memo, x.rev, at FROM unnest(e_id, e_key, e_kind, e_memo, e_reverses) AS x(id, k, kind, memo, rev)
    ON CONFLICT (business_key) DO NOTHING
    RETURNING le.id, le.business_key
  ),
  p AS (
    SELECT i.entry_id, i.seq, i.account_id, i.amount, i.ord
    FROM unnest(p_entry, p_seq, p_account, p_amount) WITH ORDINALITY AS i(entry_id, seq, account_id, amount, ord)
    WHERE i.entry_id IN (SELECT e.id FROM e)
  ),
  d AS (SELECT p.account_id, sum(p.amount)::bigint AS delta FROM p GROUP BY p.account_id),
  l AS (
    SELECT a.id, a.balance, a.floor, a.status FROM ledger_accounts a
    WHERE a.id IN (SELECT d.account_id FROM d) ORDER BY a.id FOR UPDATE
  ),
  u AS (
    UPDATE ledger_accounts a SET balance = a.balance + d.delta, version = a.version + 1
    FROM d JOIN l ON l.id = d.account_id
    WHERE a.id = d.account_id AND d.delta <> 0 AND a.status = 'open' AND (a.floor IS NULL OR a.balance + d.delta >= a.floor)
    RETURNING a.id
  ),
  w AS (
    INSERT INTO ledger_postings (entry_id, seq, account_id, amount, balance_after, posted_at)
    SELECT p.entry_id, p.seq, p.account_id, p.amount,
           l.balance + sum(p.amount) OVER (PARTITION BY p.account_id ORDER BY p.ord), at
    FROM p JOIN l ON l.id = p.account_id
  )
  SELECT 'e'::text, e.business_key, NULL::bigint, NULL::bigint, NULL::text, NULL::boolean FROM e
  UNION ALL
  SELECT 'a'::text, l.id::text, l.balance, l.floor, l.status, EXISTS (SELECT 1 FROM u WHERE u.id = l.id) FROM l;
END
$fn$;
