ALTER TABLE "return_requests" ADD COLUMN "cross_border" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrive_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "customs_declaration_no" text;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "declared_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "arrival_overdue_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "return_requests_arrive_by_idx" ON "return_requests" USING btree ("arrive_by") WHERE "return_requests"."cross_border" and "return_requests"."arrival_overdue_at" is null;