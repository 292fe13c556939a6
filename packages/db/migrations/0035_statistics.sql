CREATE TABLE "stats_active" (
	"month" date NOT NULL,
	"district" text NOT NULL,
	"base_id" text NOT NULL,
	"category" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_id" uuid NOT NULL,
	CONSTRAINT "stats_active_month_district_base_id_category_party_kind_party_id_pk" PRIMARY KEY("month","district","base_id","category","party_kind","party_id")
);
--> statement-breakpoint
CREATE TABLE "stats_active_counts" (
	"period" text NOT NULL,
	"district" text NOT NULL,
	"category" text NOT NULL,
	"party_kind" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_active_counts_period_district_category_party_kind_pk" PRIMARY KEY("period","district","category","party_kind")
);
--> statement-breakpoint
CREATE TABLE "stats_daily" (
	"day" date NOT NULL,
	"district" text NOT NULL,
	"base_id" text NOT NULL,
	"category" text NOT NULL,
	"gmv_fen" bigint NOT NULL,
	"orders" integer NOT NULL,
	"refund_fen" bigint NOT NULL,
	"physical_fen" bigint NOT NULL,
	"sessions" integer NOT NULL,
	"complaints" integer NOT NULL,
	"violations" integer NOT NULL,
	CONSTRAINT "stats_daily_day_district_base_id_category_pk" PRIMARY KEY("day","district","base_id","category")
);
--> statement-breakpoint
CREATE TABLE "stats_facts" (
	"source" text PRIMARY KEY NOT NULL,
	"ref" uuid NOT NULL,
	"day" date NOT NULL,
	"district" text NOT NULL,
	"base_id" text NOT NULL,
	"category" text NOT NULL,
	"gmv_fen" bigint NOT NULL,
	"orders" integer NOT NULL,
	"refund_fen" bigint NOT NULL,
	"physical_fen" bigint NOT NULL,
	"sessions" integer NOT NULL,
	"complaints" integer NOT NULL,
	"violations" integer NOT NULL,
	"merchant_org_id" uuid,
	"streamer_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
	"month" date NOT NULL,
	"district" text NOT NULL,
	"base_id" text NOT NULL,
	"category" text NOT NULL,
	"gmv_fen" bigint NOT NULL,
	"orders" integer NOT NULL,
	"refund_fen" bigint NOT NULL,
	"physical_fen" bigint NOT NULL,
	"sessions" integer NOT NULL,
	"complaints" integer NOT NULL,
	"violations" integer NOT NULL,
	CONSTRAINT "stats_monthly_month_district_base_id_category_pk" PRIMARY KEY("month","district","base_id","category")
);
--> statement-breakpoint
CREATE TABLE "stats_reports" (
	"month" date PRIMARY KEY NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"summary" jsonb NOT NULL,
	"xlsx" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"region" text NOT NULL,
	"year" integer NOT NULL,
	"metric" text NOT NULL,
	"value" bigint,
	"title" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_active_party_idx" ON "stats_active" USING btree ("party_id","month");--> statement-breakpoint
CREATE INDEX "stats_facts_ref_idx" ON "stats_facts" USING btree ("ref");--> statement-breakpoint
INSERT INTO "stats_targets" ("id", "scope", "region", "year", "metric", "value", "title", "source") VALUES
('sc-2025-physical', 'province', '四川省', 2025, 'physical_retail', 25000000000000, '全省纳统实物商品零售额超2500亿元', '四川省商务厅《四川电商消费新业态高质量集聚发展行动方案（征求意见稿）》（2023年5月11日）二、主要目标'),
('sc-2025-gmv', 'province', '四川省', 2025, 'gmv', 15000000000000, '直播电商交易额达1500亿元', '四川省商务厅《四川电商消费新业态高质量集聚发展行动方案（征求意见稿）》（2023年5月11日）二、主要目标'),
('sc-2030-bases', 'province', '四川省', 2030, 'bases', 30, '省级电商新业态基地数量30个以上', '四川省商务厅《四川电商消费新业态高质量集聚发展行动方案（征求意见稿）》（2023年5月11日）二、主要目标'),
('sh-2026-gmv', 'city', '上海市', 2026, 'gmv', NULL, '打造直播电商高地（措施未给出数值，待市商务委下达后录入）', '上海市商务委《关于促进本市直播电商创新发展若干措施》'),
('jd-2026-gmv', 'district', '嘉定区', 2026, 'gmv', 500000000, '本区直播电商交易额（区自定年度目标，演示数值500万元）', '嘉定区商务委：助力实现全区在线消费增长目标（《关于加快嘉定区直播和短视频产业发展的若干意见》嘉商〔2020〕15号）；2020年全区限额以上电子商务零售额988.4亿元，同比增长12.9%');
