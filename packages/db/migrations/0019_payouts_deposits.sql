CREATE TABLE "deposit_deductions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposit_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"pay_url" text,
	"status" text NOT NULL,
	"failure_reason" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposit_requirements" (
	"category_id" text PRIMARY KEY NOT NULL,
	"amount_fen" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deposit_requirements_amount_ck" CHECK ("deposit_requirements"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payout_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"released_by" uuid,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payout_notifications" (
	"provider" text NOT NULL,
	"notify_id" text NOT NULL,
	"payout_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payout_notifications_provider_notify_id_pk" PRIMARY KEY("provider","notify_id")
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" text NOT NULL,
	"account_name_enc" text NOT NULL,
	"account_no_enc" text NOT NULL,
	"bank_name" text,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"sent_at" timestamp with time zone,
	"failure_reason" text,
	"decided_by" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "payouts_amount_ck" CHECK ("payouts"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX "deposit_deductions_org_idx" ON "deposit_deductions" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deposit_payments_org_idx" ON "deposit_payments" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "payout_holds_active_uq" ON "payout_holds" USING btree ("party_id") WHERE "payout_holds"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_requester_key_uq" ON "payouts" USING btree ("requested_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "payouts_party_idx" ON "payouts" USING btree ("party_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","created_at" DESC NULLS LAST);