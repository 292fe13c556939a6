-- Each claim of a flash sale carries the buyer's own unit number (1..per-user limit) under a unique index, so the
-- database refuses a buyer's claim beyond the limit as it refuses a unit beyond the quantity. Existing claims are
-- numbered per buyer in the order they were made.
ALTER TABLE "flash_sale_claims" ADD COLUMN "buyer_unit" integer;--> statement-breakpoint
UPDATE "flash_sale_claims" c SET "buyer_unit" = n.rn FROM (
  SELECT "flash_sale_id", "slot", row_number() OVER (PARTITION BY "flash_sale_id", "user_id" ORDER BY "created_at", "slot") AS rn
  FROM "flash_sale_claims"
) n WHERE c."flash_sale_id" = n."flash_sale_id" AND c."slot" = n."slot";--> statement-breakpoint
ALTER TABLE "flash_sale_claims" ALTER COLUMN "buyer_unit" SET NOT NULL;--> statement-breakpoint
DROP INDEX "flash_sale_claims_user_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "flash_sale_claims_buyer_unit_uq" ON "flash_sale_claims" USING btree ("flash_sale_id","user_id","buyer_unit");--> statement-breakpoint
ALTER TABLE "flash_sale_claims" ADD CONSTRAINT "flash_sale_claims_buyer_unit_pos" CHECK ("flash_sale_claims"."buyer_unit" >= 1);
