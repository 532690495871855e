CREATE TYPE "public"."appeal_kind" AS ENUM('party_appeal', 'reexamination', 'recheck');--> statement-breakpoint
CREATE TYPE "public"."appeal_outcome" AS ENUM('upheld', 'changed', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."case_appeal_status" AS ENUM('filed', 'under_review', 'decided', 'rejected');--> statement-breakpoint
CREATE TABLE "case_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "appeal_kind" NOT NULL,
	"status" "case_appeal_status" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"appellant" text NOT NULL,
	"grounds" text NOT NULL,
	"filed_on" date NOT NULL,
	"reviewer_ids" uuid[] DEFAULT '{}' NOT NULL,
	"outcome" "appeal_outcome",
	"decision" text,
	"decided_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"checklist_name" text NOT NULL,
	"items" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"total_score" real NOT NULL,
	"max_score" real NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_screening_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"clue_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"conclusion" text,
	"concluded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clue_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ledger_organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sanctions" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_appeals_case_idx" ON "case_appeals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_reviews_reviewed_idx" ON "case_reviews" USING btree ("reviewed_at");--> statement-breakpoint
CREATE INDEX "case_reviews_case_idx" ON "case_reviews" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clue_screening_items_clue_idx" ON "clue_screening_items" USING btree ("screening_id","clue_id");--> statement-breakpoint
CREATE INDEX "clue_screening_items_reviewer_idx" ON "clue_screening_items" USING btree ("reviewer_id");