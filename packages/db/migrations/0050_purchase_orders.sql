CREATE TABLE "purchase_order_lines" (
	"po_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"sku_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"qty" integer NOT NULL,
	"unit_cost_fen" integer NOT NULL,
	"shipped" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "purchase_order_lines_po_id_line_no_pk" PRIMARY KEY("po_id","line_no"),
	CONSTRAINT "purchase_order_lines_qty_ck" CHECK ("purchase_order_lines"."qty" > 0 and "purchase_order_lines"."unit_cost_fen" >= 0),
	CONSTRAINT "purchase_order_lines_counts_ck" CHECK ("purchase_order_lines"."shipped" >= 0 and "purchase_order_lines"."received" >= 0 and "purchase_order_lines"."rejected" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" text NOT NULL,
	"expected_on" text NOT NULL,
	"note" text,
	"replenishment_id" uuid,
	"carrier" text,
	"tracking_no" text,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "purchase_orders_status_ck" CHECK ("purchase_orders"."status" in ('sent','confirmed','declined','shipped','partially_received','received','closed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "purchase_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"po_id" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"note" text,
	"received_by" uuid,
	"received_by_label" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_po_id_purchase_orders_id_fk" FOREIGN KEY ("po_id") REFERENCES "public"."purchase_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_replenishment_id_replenishment_requests_id_fk" FOREIGN KEY ("replenishment_id") REFERENCES "public"."replenishment_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_receipts" ADD CONSTRAINT "purchase_receipts_po_id_purchase_orders_id_fk" FOREIGN KEY ("po_id") REFERENCES "public"."purchase_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_order_lines_sku_uq" ON "purchase_order_lines" USING btree ("po_id","sku_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_orders_number_uq" ON "purchase_orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_orders_replenishment_uq" ON "purchase_orders" USING btree ("replenishment_id");--> statement-breakpoint
CREATE INDEX "purchase_orders_merchant_idx" ON "purchase_orders" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "purchase_orders_supplier_idx" ON "purchase_orders" USING btree ("supplier_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "purchase_orders_warehouse_idx" ON "purchase_orders" USING btree ("warehouse_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "purchase_receipts_po_idx" ON "purchase_receipts" USING btree ("po_id","received_at");