DROP TABLE "petition_notes" CASCADE;--> statement-breakpoint
DROP TABLE "petition_transfers" CASCADE;--> statement-breakpoint
DROP TABLE "clue_records" CASCADE;--> statement-breakpoint
DROP TABLE "clue_transfers" CASCADE;--> statement-breakpoint
DROP TABLE "case_records" CASCADE;--> statement-breakpoint
DROP TYPE "public"."transfer_mode";--> statement-breakpoint
DROP TYPE "public"."transfer_status";--> statement-breakpoint
DROP TYPE "public"."clue_transfer_mode";--> statement-breakpoint
DROP TYPE "public"."clue_transfer_status";--> statement-breakpoint
DROP TYPE "public"."inquiry_method";--> statement-breakpoint
DROP TYPE "public"."verification_recommendation";