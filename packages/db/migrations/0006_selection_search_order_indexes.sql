CREATE INDEX "selection_listings_relevance_idx" ON "selection_listings" USING btree ("sales_count" DESC NULLS LAST,"commission_bp" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "selection_listings_commission_idx" ON "selection_listings" USING btree ("commission_bp" DESC NULLS LAST,"sales_count" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "selection_listings_price_idx" ON "selection_listings" USING btree ("min_price_fen","product_id");--> statement-breakpoint
CREATE INDEX "selection_listings_price_desc_idx" ON "selection_listings" USING btree ("min_price_fen" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "selection_listings_newest_idx" ON "selection_listings" USING btree ("live_from" DESC NULLS LAST,"product_id");