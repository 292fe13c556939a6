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
CREATE INDEX "order_settlements_release_idx" ON "order_settlements" USING btree ("release_due_at") WHERE "order_settlements"."released_at" is null;