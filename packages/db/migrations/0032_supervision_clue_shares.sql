CREATE TABLE "clue_shares" (
	"clue_id" uuid NOT NULL,
	"department_code" text NOT NULL,
	"shared_by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clue_shares" ADD CONSTRAINT "clue_shares_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clue_shares_uq" ON "clue_shares" USING btree ("clue_id","department_code");--> statement-breakpoint
CREATE INDEX "clue_shares_department_idx" ON "clue_shares" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "clue_entries_from_idx" ON "clue_entries" USING btree ("from_department","at");--> statement-breakpoint
CREATE INDEX "clue_entries_to_idx" ON "clue_entries" USING btree ("to_department","at");