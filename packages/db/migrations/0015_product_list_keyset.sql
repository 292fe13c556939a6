DROP INDEX "products_merchant_idx";--> statement-breakpoint
CREATE INDEX "products_merchant_created_idx" ON "products" USING btree ("merchant_org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "products_created_idx" ON "products" USING btree ("created_at","id");