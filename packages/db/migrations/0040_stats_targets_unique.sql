CREATE UNIQUE INDEX "stats_targets_scope_year_metric_uq" ON "stats_targets" USING btree ("scope","region","year","metric");--> statement-breakpoint
UPDATE "stats_targets" SET "region" = '上海市嘉定区' WHERE "id" = 'jd-2026-gmv';
