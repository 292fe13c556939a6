ALTER TABLE "products" ADD COLUMN "cross_border" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "declared_value_fen" bigint;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "origin_country" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "import_mode" text;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "cross_border" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrive_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "customs_declaration_no" text;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "declared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrival_overdue_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "products_cross_border_idx" ON "products" USING btree ("cross_border") WHERE "products"."cross_border";--> statement-breakpoint
CREATE INDEX "return_requests_arrive_by_idx" ON "return_requests" USING btree ("arrive_by") WHERE "return_requests"."cross_border" and "return_requests"."arrival_overdue_at" is null;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_cross_border_fields" CHECK (("products"."cross_border" and "products"."declared_value_fen" > 0 and "products"."origin_country" is not null and "products"."import_mode" is not null) or (not "products"."cross_border" and "products"."declared_value_fen" is null and "products"."origin_country" is null and "products"."import_mode" is null));