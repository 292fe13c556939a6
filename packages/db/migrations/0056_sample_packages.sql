ALTER TABLE "order_packages" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "order_packages" ADD COLUMN "sample_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "order_packages_sample_uq" ON "order_packages" USING btree ("sample_id");--> statement-breakpoint
ALTER TABLE "order_packages" ADD CONSTRAINT "order_packages_one_owner" CHECK (num_nonnulls("order_packages"."order_id", "order_packages"."sample_id") = 1);