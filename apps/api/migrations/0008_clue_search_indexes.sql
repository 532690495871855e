DROP INDEX "clues_concerned_name_idx";--> statement-breakpoint
CREATE INDEX "cases_concerned_name_idx" ON "cases" USING btree ("concerned_name" text_pattern_ops,"organization_id");--> statement-breakpoint
CREATE INDEX "clues_concerned_unit_idx" ON "clues" USING btree ("concerned_unit" text_pattern_ops,"organization_id");--> statement-breakpoint
CREATE INDEX "clues_serial_idx" ON "clues" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "clues_concerned_name_idx" ON "clues" USING btree ("concerned_name" text_pattern_ops,"organization_id");