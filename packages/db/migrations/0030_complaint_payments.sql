CREATE TABLE "compensation_obligations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"consumer_user_id" uuid NOT NULL,
	"remedy" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"paid_by_merchant_fen" bigint NOT NULL,
	"advanced_fen" bigint NOT NULL,
	"recovered_from_deposit_fen" bigint NOT NULL,
	"recovered_from_balance_fen" bigint NOT NULL,
	"recoveries" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"advanced_at" timestamp with time zone,
	"recovered_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compensation_obligations" ADD CONSTRAINT "compensation_obligations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_obligations_complaint_uq" ON "compensation_obligations" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "compensation_obligations_due_idx" ON "compensation_obligations" USING btree ("due_at") WHERE "compensation_obligations"."status" = 'due';--> statement-breakpoint
CREATE INDEX "compensation_obligations_outstanding_idx" ON "compensation_obligations" USING btree ("advanced_at") WHERE "compensation_obligations"."status" in ('advanced', 'partially_recovered');--> statement-breakpoint
CREATE INDEX "compensation_obligations_merchant_idx" ON "compensation_obligations" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);