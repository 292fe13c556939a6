CREATE TABLE "agreement_acceptances" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"party" text NOT NULL,
	"user_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"streamer_user_id" uuid NOT NULL,
	"mcn_org_id" uuid,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"in_force_version" integer,
	"in_force_product_ids" text[] NOT NULL,
	"in_force_from" timestamp with time zone,
	"in_force_until" timestamp with time zone,
	"terminated_reason" text,
	"version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brand_authorizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"name_en" text,
	"owner_org_id" uuid,
	"trademark_no" text,
	"protected" boolean NOT NULL,
	"protected_reason" text,
	"protected_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"screen_as" text NOT NULL,
	"live_rule" text NOT NULL,
	"required_qualifications" text[] NOT NULL,
	"required_disclaimer" text,
	"no_reason_return" boolean NOT NULL,
	"basis" text,
	"sort" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku_id" uuid NOT NULL,
	"price_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_skus" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"price_fen" bigint NOT NULL,
	"stock" integer NOT NULL,
	"sort" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	"brand_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"claims" text[] NOT NULL,
	"reference_price_fen" bigint,
	"image_ids" text[] NOT NULL,
	"qualification_doc_ids" text[] NOT NULL,
	"sample_available" boolean NOT NULL,
	"sample_stock" integer NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"review_application_id" uuid,
	"checks" jsonb,
	"sales_count" integer NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid,
	"merchant_org_id" uuid NOT NULL,
	"streamer_user_id" uuid NOT NULL,
	"mcn_org_id" uuid,
	"status" text NOT NULL,
	"recipient_enc" text NOT NULL,
	"phone_enc" text NOT NULL,
	"address_enc" text NOT NULL,
	"note" text,
	"reason" text,
	"carrier" text,
	"tracking_no" text,
	"return_carrier" text,
	"return_tracking_no" text,
	"received_at" timestamp with time zone,
	"feature_due_at" timestamp with time zone,
	"featured_in" text,
	"overdue_at" timestamp with time zone,
	"history" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_listings" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"merchant_name" text NOT NULL,
	"title" text NOT NULL,
	"category_id" text NOT NULL,
	"category_path" text[] NOT NULL,
	"brand_name" text,
	"cover_image_id" text,
	"min_price_fen" bigint NOT NULL,
	"max_price_fen" bigint NOT NULL,
	"commission_bp" integer NOT NULL,
	"plan_types" text[] NOT NULL,
	"audience" text[] NOT NULL,
	"stock" integer NOT NULL,
	"sales_count" integer NOT NULL,
	"sample_available" boolean NOT NULL,
	"merchant_credit" integer,
	"tokens" text[] NOT NULL,
	"live_from" timestamp with time zone NOT NULL,
	"live_until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"merchant_org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"commission_bp" integer NOT NULL,
	"mcn_service_fee_bp" integer NOT NULL,
	"slot_fee_fen" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"partners" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_authorizations" ADD CONSTRAINT "brand_authorizations_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_authorizations" ADD CONSTRAINT "brand_authorizations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_points" ADD CONSTRAINT "price_points_sku_id_product_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."product_skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_skus" ADD CONSTRAINT "product_skus_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_merchant_org_id_organizations_id_fk" FOREIGN KEY ("merchant_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_requests" ADD CONSTRAINT "sample_requests_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_plans" ADD CONSTRAINT "selection_plans_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_acceptances_uq" ON "agreement_acceptances" USING btree ("agreement_id","version","party");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_uq" ON "agreement_versions" USING btree ("agreement_id","version");--> statement-breakpoint
CREATE INDEX "agreements_pair_idx" ON "agreements" USING btree ("merchant_org_id","streamer_user_id");--> statement-breakpoint
CREATE INDEX "agreements_streamer_idx" ON "agreements" USING btree ("streamer_user_id");--> statement-breakpoint
CREATE INDEX "agreements_mcn_idx" ON "agreements" USING btree ("mcn_org_id");--> statement-breakpoint
CREATE INDEX "brand_authorizations_merchant_idx" ON "brand_authorizations" USING btree ("merchant_org_id","brand_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brands_name_key_uq" ON "brands" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "price_points_sku_idx" ON "price_points" USING btree ("sku_id","valid_from");--> statement-breakpoint
CREATE INDEX "product_skus_product_idx" ON "product_skus" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "products_merchant_idx" ON "products" USING btree ("merchant_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "products_status_idx" ON "products" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sample_requests_merchant_idx" ON "sample_requests" USING btree ("merchant_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "sample_requests_streamer_idx" ON "sample_requests" USING btree ("streamer_user_id","updated_at");--> statement-breakpoint
CREATE INDEX "sample_requests_due_idx" ON "sample_requests" USING btree ("feature_due_at");--> statement-breakpoint
CREATE INDEX "selection_listings_tokens_gin" ON "selection_listings" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "selection_listings_audience_gin" ON "selection_listings" USING gin ("audience");--> statement-breakpoint
CREATE INDEX "selection_listings_category_gin" ON "selection_listings" USING gin ("category_path");--> statement-breakpoint
CREATE INDEX "selection_listings_sales_idx" ON "selection_listings" USING btree ("sales_count" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "selection_plans_product_idx" ON "selection_plans" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "selection_plans_merchant_idx" ON "selection_plans" USING btree ("merchant_org_id");