CREATE TABLE "reconciliation_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"day" text NOT NULL,
	"type" text NOT NULL,
	"ref_kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"order_id" uuid,
	"provider_ref" text,
	"bill_fen" bigint,
	"our_fen" bigint,
	"cause" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"day" text NOT NULL,
	"provider" text NOT NULL,
	"bill_rows" integer NOT NULL,
	"matched" integer NOT NULL,
	"differences" integer NOT NULL,
	"bill_payments_fen" bigint NOT NULL,
	"bill_refunds_fen" bigint NOT NULL,
	"bill_fees_fen" bigint NOT NULL,
	"runs" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reconciliation_items" ADD CONSTRAINT "reconciliation_items_run_id_reconciliation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_items_day_fp_uq" ON "reconciliation_items" USING btree ("day","fingerprint");--> statement-breakpoint
CREATE INDEX "reconciliation_items_run_idx" ON "reconciliation_items" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_runs_day_uq" ON "reconciliation_runs" USING btree ("day");--> statement-breakpoint
CREATE INDEX "ledger_entries_kind_posted_idx" ON "ledger_entries" USING btree ("kind","posted_at");