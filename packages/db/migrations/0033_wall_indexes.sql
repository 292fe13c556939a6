CREATE INDEX "orders_paid_idx" ON "orders" USING btree ("paid_at");--> statement-breakpoint
CREATE INDEX "reports_target_idx" ON "reports" USING btree ("target_id","filed_at");--> statement-breakpoint
CREATE INDEX "reports_filed_idx" ON "reports" USING btree ("filed_at");