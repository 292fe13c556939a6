CREATE TABLE "credit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"source" text NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"party_id" uuid PRIMARY KEY NOT NULL,
	"party_kind" text NOT NULL,
	"total_centi" integer NOT NULL,
	"tier" text NOT NULL,
	"model_version" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"tier_since" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_scores_total_ck" CHECK ("credit_scores"."total_centi" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "credit_tier_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"from_tier" text,
	"to_tier" text NOT NULL,
	"total_centi" integer NOT NULL,
	"model_version" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credit_events_source_uq" ON "credit_events" USING btree ("party_id","source");--> statement-breakpoint
CREATE INDEX "credit_events_party_idx" ON "credit_events" USING btree ("party_id","at");--> statement-breakpoint
CREATE INDEX "credit_scores_total_idx" ON "credit_scores" USING btree ("total_centi","party_id");--> statement-breakpoint
CREATE INDEX "credit_scores_tier_idx" ON "credit_scores" USING btree ("tier","total_centi","party_id");--> statement-breakpoint
CREATE INDEX "credit_tier_moves_party_idx" ON "credit_tier_moves" USING btree ("party_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "credit_tier_moves_at_idx" ON "credit_tier_moves" USING btree ("at");