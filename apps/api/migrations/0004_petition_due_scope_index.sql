DROP INDEX "petitions_due_idx";--> statement-breakpoint
CREATE INDEX "petitions_due_idx" ON "petitions" USING btree ("due_at","organization_id");