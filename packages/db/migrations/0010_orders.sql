CREATE TABLE "consumer_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text NOT NULL,
	"region" text NOT NULL,
	"detail_enc" text NOT NULL,
	"is_default" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flash_sale_claims" (
	"flash_sale_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "flash_sale_claims_slot_pos" CHECK ("flash_sale_claims"."slot" >= 1)
);
--> statement-breakpoint
CREATE TABLE "flash_sales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"price_fen" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"per_user_limit" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"returned_qty" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sku_name" text NOT NULL,
	"category_id" text NOT NULL,
	"no_reason_return" boolean NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"qty" integer NOT NULL,
	"commission_bp" integer NOT NULL,
	"streamer_share_bp" integer NOT NULL,
	"commission_fen" bigint NOT NULL,
	"returned_qty" integer NOT NULL,
	"reversed_commission_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"session_id" uuid,
	"streamer_user_id" uuid,
	"mcn_org_id" uuid,
	"agreement_id" uuid,
	"agreement_version" integer,
	"flash_sale_id" uuid,
	"total_fen" bigint NOT NULL,
	"refunded_fen" bigint NOT NULL,
	"commission_fen" bigint NOT NULL,
	"address_enc" text NOT NULL,
	"region" text NOT NULL,
	"carrier" text,
	"tracking_no" text,
	"pay_by" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"retain_until" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"provider" text NOT NULL,
	"notify_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"pay_url" text,
	"failure_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"return_id" uuid,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "return_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"buyer_user_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"lines" jsonb NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"carrier" text,
	"tracking_no" text,
	"received_at" timestamp with time zone,
	"refund_due_at" timestamp with time zone,
	"refund_id" uuid,
	"overdue_flagged_at" timestamp with time zone,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"flash_sale_id" uuid,
	"qty" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_reservations_qty_pos" CHECK ("stock_reservations"."qty" > 0)
);
--> statement-breakpoint
ALTER TABLE "consumer_addresses" ADD CONSTRAINT "consumer_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flash_sale_claims" ADD CONSTRAINT "flash_sale_claims_flash_sale_id_flash_sales_id_fk" FOREIGN KEY ("flash_sale_id") REFERENCES "public"."flash_sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consumer_addresses_user_idx" ON "consumer_addresses" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flash_sale_claims_slot_uq" ON "flash_sale_claims" USING btree ("flash_sale_id","slot");--> statement-breakpoint
CREATE INDEX "flash_sale_claims_user_idx" ON "flash_sale_claims" USING btree ("flash_sale_id","user_id");--> statement-breakpoint
CREATE INDEX "flash_sale_claims_order_idx" ON "flash_sale_claims" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "flash_sales_session_idx" ON "flash_sales" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "flash_sales_status_idx" ON "flash_sales" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_uq" ON "idempotency_keys" USING btree ("user_id","scope","key");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_uq" ON "order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_no_uq" ON "orders" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_merchant_idx" ON "orders" USING btree ("merchant_org_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_session_idx" ON "orders" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "orders_status_pay_by_idx" ON "orders" USING btree ("status","pay_by");--> statement-breakpoint
CREATE INDEX "orders_flash_sale_idx" ON "orders" USING btree ("flash_sale_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_notifications_uq" ON "payment_notifications" USING btree ("provider","notify_id");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "return_requests_order_idx" ON "return_requests" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "return_requests_merchant_idx" ON "return_requests" USING btree ("merchant_org_id","status");--> statement-breakpoint
CREATE INDEX "return_requests_buyer_idx" ON "return_requests" USING btree ("buyer_user_id");--> statement-breakpoint
CREATE INDEX "stock_reservations_sku_idx" ON "stock_reservations" USING btree ("sku_id","status");--> statement-breakpoint
CREATE INDEX "stock_reservations_order_idx" ON "stock_reservations" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "product_skus" ADD CONSTRAINT "product_skus_stock_nonneg" CHECK ("product_skus"."stock" >= 0);