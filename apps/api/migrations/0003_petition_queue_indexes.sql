CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "petitions_updated_idx" ON "petitions" USING btree ("updated_at","id");