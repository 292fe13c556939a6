ALTER TABLE "products" ADD COLUMN "cross_border" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "declared_value_fen" bigint;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "origin_country" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "import_mode" text;--> statement-breakpoint
CREATE INDEX "products_cross_border_idx" ON "products" USING btree ("cross_border") WHERE "products"."cross_border";--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_cross_border_fields" CHECK (("products"."cross_border" and "products"."declared_value_fen" > 0 and "products"."origin_country" is not null and "products"."import_mode" is not null) or (not "products"."cross_border" and "products"."declared_value_fen" is null and "products"."origin_country" is null and "products"."import_mode" is null));