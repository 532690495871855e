CREATE TYPE "public"."cadre_management_level" AS ENUM('central_managed', 'province_managed', 'city_managed', 'county_managed', 'township_managed', 'unit_managed');--> statement-breakpoint
CREATE TYPE "public"."clue_source" AS ENUM('petition', 'inspection', 'audit', 'peoples_congress', 'partner_body', 'data_cross_check', 'special_supervisor', 'media', 'self_discovered', 'other_commission', 'law_enforcement');--> statement-breakpoint
CREATE TYPE "public"."clue_status" AS ENUM('received', 'transfer_received', 'registered', 'with_handling_office', 'disposal_proposed', 'inquiry', 'awaiting_reply', 'inquiry_reporting', 'inquiry_reported', 'verification', 'verification_reported', 'shelved', 'transferred', 'case_filing', 'concluded', 'closed', 'forwarded', 'returned');--> statement-breakpoint
CREATE TYPE "public"."clue_transfer_mode" AS ENUM('transfer', 'assign_with_report', 'forward');--> statement-breakpoint
CREATE TYPE "public"."clue_transfer_status" AS ENUM('pending', 'acknowledged', 'returned', 'reported');--> statement-breakpoint
CREATE TYPE "public"."disposal_type" AS ENUM('talk_or_letter_inquiry', 'preliminary_verification', 'shelved_pending_review', 'closed_no_action', 'case_filing');--> statement-breakpoint
CREATE TYPE "public"."inquiry_method" AS ENUM('talk', 'letter');--> statement-breakpoint
CREATE TYPE "public"."verification_recommendation" AS ENUM('propose_case_filing', 'close', 'reminder_talk', 'shelve', 'transfer_to_party_org');--> statement-breakpoint
ALTER TYPE "public"."membership_grant" ADD VALUE 'principal_leader';--> statement-breakpoint
CREATE TABLE "clue_approval_rules" (
	"level" text PRIMARY KEY NOT NULL,
	"steps" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"step" text NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"signed_by_id" uuid NOT NULL,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"post" text,
	"id_number_hash" text,
	"id_number_sealed" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"action" text NOT NULL,
	"body" text NOT NULL,
	"inquiry_method" "inquiry_method",
	"recommendation" "verification_recommendation",
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "clue_transfer_mode" NOT NULL,
	"status" "clue_transfer_status" DEFAULT 'pending' NOT NULL,
	"from_clue_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"to_clue_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"reported_at" timestamp with time zone,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ledger_organization_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"serial_number" text NOT NULL,
	"parent_id" uuid,
	"status" "clue_status" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" "clue_source" NOT NULL,
	"source_organization_id" uuid,
	"source_reference" text,
	"petition_id" uuid,
	"title" text NOT NULL,
	"allegations" text NOT NULL,
	"violation_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"person_id" uuid,
	"concerned_name" text NOT NULL,
	"concerned_post" text,
	"concerned_unit" text,
	"object_level" "object_level",
	"cadre_management_level" "cadre_management_level",
	"is_party_member" boolean DEFAULT true NOT NULL,
	"lower_committee_principal" boolean DEFAULT false NOT NULL,
	"proposal" jsonb,
	"disposal_type" "disposal_type",
	"conclusion" text,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_clue_handoffs" ADD COLUMN "clue_id" uuid;--> statement-breakpoint
ALTER TABLE "petition_clue_handoffs" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "petition_clue_handoffs" ADD COLUMN "result_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "clue_approvals_step_idx" ON "clue_approvals" USING btree ("clue_id","round","step");--> statement-breakpoint
CREATE UNIQUE INDEX "clue_persons_id_number_idx" ON "clue_persons" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "clue_persons_name_unit_idx" ON "clue_persons" USING btree ("name","unit");--> statement-breakpoint
CREATE INDEX "clue_records_clue_idx" ON "clue_records" USING btree ("clue_id","created_at");--> statement-breakpoint
CREATE INDEX "clue_transfers_from_idx" ON "clue_transfers" USING btree ("from_clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clue_transfers_to_idx" ON "clue_transfers" USING btree ("to_clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_serial_number_idx" ON "clues" USING btree ("ledger_organization_id","serial_number");--> statement-breakpoint
CREATE INDEX "clues_holder_idx" ON "clues" USING btree ("organization_id","received_at");--> statement-breakpoint
CREATE INDEX "clues_received_idx" ON "clues" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "clues_status_idx" ON "clues" USING btree ("organization_id","status","received_at");--> statement-breakpoint
CREATE INDEX "clues_due_idx" ON "clues" USING btree ("due_at","organization_id");--> statement-breakpoint
CREATE INDEX "clues_person_idx" ON "clues" USING btree ("person_id","received_at");--> statement-breakpoint
CREATE INDEX "clues_source_organization_idx" ON "clues" USING btree ("source_organization_id","received_at");--> statement-breakpoint
CREATE INDEX "clues_concerned_name_idx" ON "clues" USING btree ("concerned_name");--> statement-breakpoint
CREATE INDEX "clues_petition_idx" ON "clues" USING btree ("petition_id");