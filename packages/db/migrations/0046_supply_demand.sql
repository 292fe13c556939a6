CREATE TABLE "demand_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"level" text NOT NULL,
	"stock" integer NOT NULL,
	"rate_per_minute" double precision NOT NULL,
	"projected_minutes" double precision,
	"suggested_qty" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replenishment_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"session_id" uuid,
	"alert_id" uuid,
	"qty" integer NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supplier_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"supplier_kind" text NOT NULL,
	"product_ids" jsonb,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replenishment_requests" ADD CONSTRAINT "replenishment_requests_alert_id_demand_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."demand_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "demand_alerts_once_uq" ON "demand_alerts" USING btree ("session_id","sku_id","level");--> statement-breakpoint
CREATE INDEX "demand_alerts_merchant_idx" ON "demand_alerts" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "replenishment_requests_alert_supplier_uq" ON "replenishment_requests" USING btree ("alert_id","supplier_org_id");--> statement-breakpoint
CREATE INDEX "replenishment_requests_supplier_idx" ON "replenishment_requests" USING btree ("supplier_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "replenishment_requests_merchant_idx" ON "replenishment_requests" USING btree ("merchant_org_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_links_pair_uq" ON "supplier_links" USING btree ("merchant_org_id","supplier_org_id");--> statement-breakpoint
CREATE INDEX "supplier_links_supplier_idx" ON "supplier_links" USING btree ("supplier_org_id","status");