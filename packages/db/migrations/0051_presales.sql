CREATE TABLE "presale_reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"presale_id" uuid NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"qty" integer NOT NULL,
	"deposit_fen" integer NOT NULL,
	"balance_fen" integer NOT NULL,
	"deposit_payment_id" uuid NOT NULL,
	"deposit_status" text NOT NULL,
	"deposit_pay_url" text,
	"deposit_provider_ref" text,
	"provider" text NOT NULL,
	"refund_id" uuid,
	"balance_payment_id" uuid,
	"balance_status" text NOT NULL,
	"balance_pay_url" text,
	"balance_provider_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deposit_paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"balance_paid_at" timestamp with time zone,
	CONSTRAINT "presale_reservations_qty_ck" CHECK ("presale_reservations"."qty" > 0 and "presale_reservations"."deposit_fen" >= 0 and "presale_reservations"."balance_fen" >= 0),
	CONSTRAINT "presale_reservations_deposit_ck" CHECK ("presale_reservations"."deposit_status" in ('pending','paid','failed','refunding','refunded')),
	CONSTRAINT "presale_reservations_balance_ck" CHECK ("presale_reservations"."balance_status" in ('unpaid','pending','paid')),
	CONSTRAINT "presale_reservations_balance_after_deposit_ck" CHECK ("presale_reservations"."balance_status" = 'unpaid' or "presale_reservations"."deposit_status" = 'paid')
);
--> statement-breakpoint
CREATE TABLE "presales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"deposit_fen" integer NOT NULL,
	"balance_fen" integer NOT NULL,
	"deposit_start_at" timestamp with time zone NOT NULL,
	"deposit_end_at" timestamp with time zone NOT NULL,
	"balance_start_at" timestamp with time zone NOT NULL,
	"balance_end_at" timestamp with time zone NOT NULL,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "presales_status_ck" CHECK ("presales"."status" in ('draft','open','closed','cancelled','in_production','shipped')),
	CONSTRAINT "presales_amounts_ck" CHECK ("presales"."deposit_fen" >= 0 and "presales"."balance_fen" >= 0),
	CONSTRAINT "presales_windows_ck" CHECK ("presales"."deposit_start_at" < "presales"."deposit_end_at" and "presales"."deposit_end_at" <= "presales"."balance_start_at" and "presales"."balance_start_at" < "presales"."balance_end_at")
);
--> statement-breakpoint
CREATE TABLE "production_order_lines" (
	"production_order_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"qty" integer NOT NULL,
	CONSTRAINT "production_order_lines_production_order_id_sku_id_pk" PRIMARY KEY("production_order_id","sku_id"),
	CONSTRAINT "production_order_lines_qty_ck" CHECK ("production_order_lines"."qty" > 0)
);
--> statement-breakpoint
CREATE TABLE "production_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"presale_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"promised_ship_on" text NOT NULL,
	"progress_pct" integer DEFAULT 0 NOT NULL,
	"progress_note" text,
	"carrier" text,
	"tracking_no" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	CONSTRAINT "production_orders_status_ck" CHECK ("production_orders"."status" in ('sent','confirmed','in_production','shipped')),
	CONSTRAINT "production_orders_progress_ck" CHECK ("production_orders"."progress_pct" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "presale_reservations" ADD CONSTRAINT "presale_reservations_presale_id_presales_id_fk" FOREIGN KEY ("presale_id") REFERENCES "public"."presales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_order_lines" ADD CONSTRAINT "production_order_lines_production_order_id_production_orders_id_fk" FOREIGN KEY ("production_order_id") REFERENCES "public"."production_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_orders" ADD CONSTRAINT "production_orders_presale_id_presales_id_fk" FOREIGN KEY ("presale_id") REFERENCES "public"."presales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "presale_reservations_deposit_uq" ON "presale_reservations" USING btree ("deposit_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "presale_reservations_balance_uq" ON "presale_reservations" USING btree ("balance_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "presale_reservations_refund_uq" ON "presale_reservations" USING btree ("refund_id");--> statement-breakpoint
CREATE INDEX "presale_reservations_presale_idx" ON "presale_reservations" USING btree ("presale_id","sku_id");--> statement-breakpoint
CREATE INDEX "presale_reservations_buyer_idx" ON "presale_reservations" USING btree ("buyer_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "presales_merchant_idx" ON "presales" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "presales_status_idx" ON "presales" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "production_orders_presale_uq" ON "production_orders" USING btree ("presale_id");--> statement-breakpoint
CREATE UNIQUE INDEX "production_orders_number_uq" ON "production_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "production_orders_supplier_idx" ON "production_orders" USING btree ("supplier_org_id","created_at" DESC NULLS LAST);