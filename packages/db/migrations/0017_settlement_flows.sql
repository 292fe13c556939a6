CREATE TABLE "order_settlements" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"settled_fen" bigint NOT NULL,
	"shares" jsonb NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"release_due_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"settled_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_fee_rates" (
	"category_id" text PRIMARY KEY NOT NULL,
	"fee_bp" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slot_fee_charges" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"streamer_user_id" uuid NOT NULL,
	"mcn_org_id" uuid,
	"amount_fen" bigint NOT NULL,
	"streamer_share_bp" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"charged_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "slot_fee_charges_agreement_id_version_pk" PRIMARY KEY("agreement_id","version")
);
--> statement-breakpoint
CREATE INDEX "order_settlements_release_idx" ON "order_settlements" USING btree ("release_due_at") WHERE "order_settlements"."released_at" is null;--> statement-breakpoint
CREATE INDEX "slot_fee_charges_held_idx" ON "slot_fee_charges" USING btree ("starts_at") WHERE "slot_fee_charges"."status" = 'held';