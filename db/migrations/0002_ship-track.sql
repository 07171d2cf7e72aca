CREATE TYPE "public"."shipment_exception_kind" AS ENUM('problem', 'refused', 'returning', 'rejected');--> statement-breakpoint
CREATE TABLE "kuaidi100_sandbox_parcels" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kuaidi100_sandbox_parcels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company" text NOT NULL,
	"number" text NOT NULL,
	"callback_url" text NOT NULL,
	"salt" text NOT NULL,
	"script" text NOT NULL,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kuaidi100_sandbox_pushes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kuaidi100_sandbox_pushes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"parcel_id" bigint NOT NULL,
	"step" integer NOT NULL,
	"state_code" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "logistics_push_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "logistics_push_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"provider" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"message" text,
	"carrier_code" text,
	"tracking_number" text,
	"shipment_id" bigint,
	"events_added" integer DEFAULT 0 NOT NULL,
	"body" text
);
--> statement-breakpoint
CREATE TABLE "shipment_exceptions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shipment_exceptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"shipment_id" bigint NOT NULL,
	"kind" "shipment_exception_kind" NOT NULL,
	"event_key" text NOT NULL,
	"description" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" bigint,
	"resolution_note" text
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "assigned_carrier_id" bigint;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_subscribed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kuaidi100_sandbox_pushes" ADD CONSTRAINT "kuaidi100_sandbox_pushes_parcel_id_kuaidi100_sandbox_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."kuaidi100_sandbox_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_push_log" ADD CONSTRAINT "logistics_push_log_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_exceptions" ADD CONSTRAINT "shipment_exceptions_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_exceptions" ADD CONSTRAINT "shipment_exceptions_resolved_by_staff_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kuaidi100_sandbox_parcels_number_key" ON "kuaidi100_sandbox_parcels" USING btree ("company","number");--> statement-breakpoint
CREATE UNIQUE INDEX "kuaidi100_sandbox_pushes_step_key" ON "kuaidi100_sandbox_pushes" USING btree ("parcel_id","step");--> statement-breakpoint
CREATE INDEX "kuaidi100_sandbox_pushes_due_idx" ON "kuaidi100_sandbox_pushes" USING btree ("due_at") WHERE "kuaidi100_sandbox_pushes"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "logistics_push_log_received_idx" ON "logistics_push_log" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "logistics_push_log_shipment_idx" ON "logistics_push_log" USING btree ("shipment_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_exceptions_event_key" ON "shipment_exceptions" USING btree ("shipment_id","event_key");--> statement-breakpoint
CREATE INDEX "shipment_exceptions_open_idx" ON "shipment_exceptions" USING btree ("raised_at") WHERE "shipment_exceptions"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "shipments_unsubscribed_idx" ON "shipments" USING btree ("shipped_at") WHERE "shipments"."tracking_subscribed_at" is null;