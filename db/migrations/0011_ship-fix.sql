CREATE TYPE "public"."waybill_status" AS ENUM('requesting', 'assigned', 'used', 'cancelled', 'failed');--> statement-breakpoint
CREATE TABLE "waybills" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "waybills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" bigint NOT NULL,
	"warehouse_id" bigint NOT NULL,
	"carrier_id" bigint NOT NULL,
	"request_id" text NOT NULL,
	"status" "waybill_status" DEFAULT 'requesting' NOT NULL,
	"tracking_number" text,
	"carrier_order_number" text,
	"sorting_code" text,
	"package_center" text,
	"label_data" text,
	"quantity" integer NOT NULL,
	"cod_amount_cents" integer DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"shipment_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "waybills_live_parcel_key" ON "waybills" USING btree ("order_id","warehouse_id") WHERE "waybills"."status" in ('requesting', 'assigned');--> statement-breakpoint
CREATE UNIQUE INDEX "waybills_request_id_key" ON "waybills" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waybills_carrier_tracking_key" ON "waybills" USING btree ("carrier_id","tracking_number") WHERE "waybills"."tracking_number" is not null;--> statement-breakpoint
CREATE INDEX "waybills_order_idx" ON "waybills" USING btree ("order_id");