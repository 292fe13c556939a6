CREATE TABLE "stock_levels" (
	"sku_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"on_hand" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_sku_id_warehouse_id_pk" PRIMARY KEY("sku_id","warehouse_id"),
	CONSTRAINT "stock_levels_on_hand_nonneg" CHECK ("stock_levels"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"qty" integer NOT NULL,
	"reason" text,
	"ref_type" text,
	"ref_id" uuid,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_movements_qty_nonzero" CHECK ("stock_movements"."qty" <> 0)
);
--> statement-breakpoint
CREATE TABLE "warehouse_clients" (
	"warehouse_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warehouse_clients_warehouse_id_merchant_org_id_pk" PRIMARY KEY("warehouse_id","merchant_org_id")
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"address" text NOT NULL,
	"status" text NOT NULL,
	"is_default" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_skus" ADD COLUMN "safety_buffer" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "stock_levels_wh_idx" ON "stock_levels" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "stock_levels_merchant_idx" ON "stock_levels" USING btree ("merchant_org_id");--> statement-breakpoint
CREATE INDEX "stock_movements_sku_idx" ON "stock_movements" USING btree ("sku_id","at");--> statement-breakpoint
CREATE INDEX "stock_movements_wh_idx" ON "stock_movements" USING btree ("warehouse_id","at");--> statement-breakpoint
CREATE INDEX "stock_movements_merchant_idx" ON "stock_movements" USING btree ("merchant_org_id","at");--> statement-breakpoint
CREATE INDEX "stock_movements_ref_idx" ON "stock_movements" USING btree ("ref_id");--> statement-breakpoint
CREATE INDEX "warehouse_clients_merchant_idx" ON "warehouse_clients" USING btree ("merchant_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_owner_name_uq" ON "warehouses" USING btree ("owner_org_id","name");--> statement-breakpoint
CREATE INDEX "warehouses_owner_idx" ON "warehouses" USING btree ("owner_org_id");--> statement-breakpoint
ALTER TABLE "product_skus" ADD CONSTRAINT "product_skus_safety_buffer_nonneg" CHECK ("product_skus"."safety_buffer" >= 0);--> statement-breakpoint
-- hand-written: the units of orders already shipped have left the warehouse (reservation sold → shipped)
UPDATE "stock_reservations" r SET "status" = 'shipped'
  FROM "orders" o
  WHERE r."order_id" = o."id" AND r."status" = 'sold' AND o."shipped_at" IS NOT NULL;
--> statement-breakpoint
-- hand-written: a default warehouse (默认仓) for every merchant that has SKUs
INSERT INTO "warehouses" ("id", "owner_org_id", "owner_kind", "name", "region", "address", "status", "is_default", "created_at", "updated_at")
  SELECT gen_random_uuid(), m."merchant_org_id", 'merchant', '默认仓', '', '', 'active', true, now(), now()
  FROM (SELECT DISTINCT p."merchant_org_id" FROM "products" p JOIN "product_skus" s ON s."product_id" = p."id") m;
--> statement-breakpoint
-- hand-written: each SKU's opening (期初) in that warehouse = what is physically there today:
-- sellable + units held or sold (not shipped) + flash-sale carve-outs still out − flash units already shipped
CREATE TEMP TABLE "_opening" AS
  SELECT s."id" AS "sku_id", p."merchant_org_id",
    s."stock"
    + coalesce((SELECT sum(r."qty") FROM "stock_reservations" r
                WHERE r."sku_id" = s."id" AND r."flash_sale_id" IS NULL AND r."status" IN ('held', 'sold')), 0)
    + coalesce((SELECT sum(f."quantity" - f."returned_qty") FROM "flash_sales" f WHERE f."sku_id" = s."id"), 0)
    - coalesce((SELECT sum(r."qty") FROM "stock_reservations" r
                WHERE r."sku_id" = s."id" AND r."flash_sale_id" IS NOT NULL AND r."status" = 'shipped'), 0) AS "on_hand"
  FROM "product_skus" s JOIN "products" p ON p."id" = s."product_id";
--> statement-breakpoint
INSERT INTO "stock_movements" ("id", "sku_id", "warehouse_id", "merchant_org_id", "kind", "qty", "reason", "ref_type", "ref_id", "actor_user_id", "actor_label", "at")
  SELECT gen_random_uuid(), o."sku_id", w."id", o."merchant_org_id", 'opening', o."on_hand", '期初（迁移）', NULL, NULL, NULL, 'system:migration', now()
  FROM "_opening" o JOIN "warehouses" w ON w."owner_org_id" = o."merchant_org_id" AND w."is_default"
  WHERE o."on_hand" > 0;
--> statement-breakpoint
INSERT INTO "stock_levels" ("sku_id", "warehouse_id", "merchant_org_id", "on_hand", "updated_at")
  SELECT o."sku_id", w."id", o."merchant_org_id", o."on_hand", now()
  FROM "_opening" o JOIN "warehouses" w ON w."owner_org_id" = o."merchant_org_id" AND w."is_default"
  WHERE o."on_hand" > 0;
--> statement-breakpoint
DROP TABLE "_opening";
