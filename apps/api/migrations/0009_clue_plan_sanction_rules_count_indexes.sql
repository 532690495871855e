CREATE TYPE "public"."supervised_category" AS ENUM('civil_servant', 'authorised_org_staff', 'soe_manager', 'public_institution_manager', 'grassroots_autonomy_manager', 'other_public_duty');--> statement-breakpoint
DROP INDEX "clues_source_organization_idx";--> statement-breakpoint
DROP INDEX "clues_concerned_unit_idx";--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "extended_on" date;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "extension_approved_by" text;--> statement-breakpoint
ALTER TABLE "case_measures" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "supervised_category" "supervised_category";--> statement-breakpoint
ALTER TABLE "clues" ADD COLUMN "verification_plan" jsonb;--> statement-breakpoint
CREATE INDEX "clues_source_holder_idx" ON "clues" USING btree ("source_organization_id","organization_id","received_at");--> statement-breakpoint
CREATE INDEX "clues_concerned_unit_name_idx" ON "clues" USING btree ("concerned_unit" text_pattern_ops,"organization_id","concerned_name" text_pattern_ops);