-- issue #16: the line a full recompute reads of each credit event, kept by the database with the row (docs/credit.md).
-- An event's time in ms since the epoch does not depend on the session's time zone, whatever date_part's volatility says.
CREATE FUNCTION credit_epoch_ms(timestamptz) RETURNS int8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT floor(date_part('epoch', $1) * 1000)::int8 $$;--> statement-breakpoint
ALTER TABLE "credit_events" ADD COLUMN "scoring_line" text GENERATED ALWAYS AS (party_id::text || E'\t' || party_kind || E'\t' || kind || E'\t' || credit_epoch_ms(at)::text || E'\t' || id::text || E'\t' || data::text) STORED;
