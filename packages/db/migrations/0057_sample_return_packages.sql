ALTER TABLE "order_packages" DROP CONSTRAINT "order_packages_one_owner";--> statement-breakpoint
DROP INDEX "order_packages_sample_uq";--> statement-breakpoint
ALTER TABLE "order_packages" ADD COLUMN "sample_leg" text;--> statement-breakpoint
-- the samples shipped under 0056 travelled out (寄样): their packages are the 'out' leg
UPDATE "order_packages" SET "sample_leg" = 'out' WHERE "sample_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "order_packages_sample_uq" ON "order_packages" USING btree ("sample_id","sample_leg");--> statement-breakpoint
ALTER TABLE "order_packages" ADD CONSTRAINT "order_packages_one_owner" CHECK (num_nonnulls("order_packages"."order_id", "order_packages"."sample_id") = 1 and ("order_packages"."sample_id" is null) = ("order_packages"."sample_leg" is null) and ("order_packages"."sample_leg" is null or "order_packages"."sample_leg" in ('out', 'back')));