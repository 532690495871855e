CREATE TYPE "public"."handling_mode" AS ENUM('direct', 'joint', 'assign_with_report', 'forward', 'escalate_to_higher', 'not_accepted');--> statement-breakpoint
CREATE TYPE "public"."petition_link_kind" AS ENUM('duplicate', 'related');--> statement-breakpoint
CREATE TYPE "public"."object_level" AS ENUM('provincial_ministerial', 'bureau', 'county_division', 'township_section', 'general_cadre', 'rural_enterprise_other');--> statement-breakpoint
CREATE TYPE "public"."petition_channel" AS ENUM('online', 'letter', 'visit', 'phone', 'fax', 'other');--> statement-breakpoint
CREATE TYPE "public"."petition_source" AS ENUM('portal', 'staff', 'open311', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."petition_status" AS ENUM('submitted', 'transfer_received', 'registered', 'proposal_pending', 'handling', 'awaiting_result', 'result_received', 'forwarded', 'escalated', 'answered', 'rehandling', 'closed', 'not_accepted', 'merged', 'returned');--> statement-breakpoint
CREATE TYPE "public"."satisfaction" AS ENUM('satisfied', 'basically_satisfied', 'dissatisfied');--> statement-breakpoint
CREATE TYPE "public"."submission_type" AS ENUM('accusation', 'appeal', 'criticism_suggestion', 'other', 'out_of_scope', 'no_substance');--> statement-breakpoint
CREATE TYPE "public"."transfer_mode" AS ENUM('joint', 'assign_with_report', 'forward', 'escalate_to_higher');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('pending', 'acknowledged', 'returned', 'reported');--> statement-breakpoint
CREATE TYPE "public"."membership_grant" AS ENUM('reporter_identity');--> statement-breakpoint
CREATE TABLE "answer_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"place_name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"root_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"body" text NOT NULL,
	"answered_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_clue_handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"linked_petition_id" uuid NOT NULL,
	"kind" "petition_link_kind" NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"root_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mode" "transfer_mode" NOT NULL,
	"status" "transfer_status" DEFAULT 'pending' NOT NULL,
	"from_petition_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"to_petition_id" uuid,
	"report_back_required" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"reported_at" timestamp with time zone,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"root_id" uuid NOT NULL,
	"parent_id" uuid,
	"serial_number" text,
	"receipt_code" text,
	"receipt_secret_hash" text,
	"status" "petition_status" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"channel" "petition_channel" NOT NULL,
	"source" "petition_source" NOT NULL,
	"submission_type" "submission_type" NOT NULL,
	"category_key" text,
	"extra_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"concerned_name" text,
	"concerned_post" text,
	"concerned_unit" text,
	"object_level" "object_level",
	"violation_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"occurred_on" text,
	"occurred_place" text,
	"intake_point_id" uuid,
	"anonymous" boolean NOT NULL,
	"reporter_sealed" text,
	"reporter_fingerprint" text,
	"reporter_facing" boolean DEFAULT true NOT NULL,
	"proposal" jsonb,
	"assignee_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"satisfaction" "satisfaction",
	"satisfaction_comment" text,
	"rated_at" timestamp with time zone,
	"rehandling_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"search_vector" "tsvector" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_challenges" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serial_counters" (
	"organization_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "serial_counters_organization_id_series_year_pk" PRIMARY KEY("organization_id","series","year")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "grants" "membership_grant"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_points_code_idx" ON "intake_points" USING btree ("code");--> statement-breakpoint
CREATE INDEX "petition_answers_root_idx" ON "petition_answers" USING btree ("root_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_clue_handoffs_petition_idx" ON "petition_clue_handoffs" USING btree ("petition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_links_pair_idx" ON "petition_links" USING btree ("petition_id","linked_petition_id");--> statement-breakpoint
CREATE INDEX "petition_links_linked_idx" ON "petition_links" USING btree ("linked_petition_id");--> statement-breakpoint
CREATE INDEX "petition_notes_petition_idx" ON "petition_notes" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_supplements_root_idx" ON "petition_supplements" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "petition_transfers_from_idx" ON "petition_transfers" USING btree ("from_petition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_transfers_to_idx" ON "petition_transfers" USING btree ("to_petition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_receipt_code_idx" ON "petitions" USING btree ("receipt_code");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_serial_number_idx" ON "petitions" USING btree ("organization_id","serial_number");--> statement-breakpoint
CREATE INDEX "petitions_queue_idx" ON "petitions" USING btree ("organization_id","received_at");--> statement-breakpoint
CREATE INDEX "petitions_status_idx" ON "petitions" USING btree ("organization_id","status","received_at");--> statement-breakpoint
CREATE INDEX "petitions_due_idx" ON "petitions" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "petitions_root_idx" ON "petitions" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "petitions_parent_idx" ON "petitions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "petitions_concerned_name_idx" ON "petitions" USING btree ("concerned_name");--> statement-breakpoint
CREATE INDEX "petitions_concerned_unit_idx" ON "petitions" USING btree ("concerned_unit");--> statement-breakpoint
CREATE INDEX "petitions_fingerprint_idx" ON "petitions" USING btree ("reporter_fingerprint");--> statement-breakpoint
CREATE INDEX "petitions_search_idx" ON "petitions" USING gin ("search_vector");