CREATE TYPE "public"."case_measure_kind" AS ENUM('talk', 'questioning', 'inquiry_of_witness', 'retrieval', 'freezing', 'search', 'detention', 'appraisal');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('filed', 'under_investigation', 'report_review', 'report_deliberation', 'under_hearing', 'heard', 'decided', 'executing', 'executed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."four_form" AS ENUM('form_1', 'form_2', 'form_3', 'form_4');--> statement-breakpoint
CREATE TYPE "public"."sanction_category" AS ENUM('party_discipline', 'administrative_sanction', 'light_handling', 'organisational_measure', 'other_disposition');--> statement-breakpoint
CREATE TABLE "case_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_measure_kind" NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"approved_by" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ledger_organization_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"clue_id" uuid,
	"status" "case_status" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"allegations" text NOT NULL,
	"person_id" uuid,
	"concerned_name" text NOT NULL,
	"concerned_post" text,
	"concerned_unit" text,
	"object_level" "object_level",
	"filed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid,
	"concerned_name" text NOT NULL,
	"concerned_unit" text,
	"category" "sanction_category" NOT NULL,
	"type" text NOT NULL,
	"four_form" "four_form",
	"decided_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"effect_ends_on" date,
	"permanent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"attachment_id" uuid,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_measures_case_idx" ON "case_measures" USING btree ("case_id","started_on");--> statement-breakpoint
CREATE INDEX "case_records_case_idx" ON "case_records" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_idx" ON "cases" USING btree ("ledger_organization_id","case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_clue_idx" ON "cases" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "cases_holder_idx" ON "cases" USING btree ("organization_id","filed_at");--> statement-breakpoint
CREATE INDEX "cases_filed_idx" ON "cases" USING btree ("filed_at","id");--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("person_id","filed_at");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_at","organization_id");--> statement-breakpoint
CREATE INDEX "sanctions_case_idx" ON "sanctions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sanctions_person_idx" ON "sanctions" USING btree ("person_id","decided_on");--> statement-breakpoint
CREATE INDEX "sanctions_organization_idx" ON "sanctions" USING btree ("organization_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "official_documents_number_idx" ON "official_documents" USING btree ("organization_id","kind","year","sequence");--> statement-breakpoint
CREATE INDEX "official_documents_subject_idx" ON "official_documents" USING btree ("subject_type","subject_id");