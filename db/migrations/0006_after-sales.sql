ALTER TYPE "public"."stock_movement_kind" ADD VALUE 'restock';--> statement-breakpoint
ALTER TYPE "public"."stock_movement_kind" ADD VALUE 'damaged';--> statement-breakpoint
ALTER TYPE "public"."after_sales_status" ADD VALUE 'return_in_transit' BEFORE 'received';--> statement-breakpoint
ALTER TYPE "public"."after_sales_status" ADD VALUE 'inspected' BEFORE 'refunding';--> statement-breakpoint
ALTER TYPE "public"."after_sales_status" ADD VALUE 'replacement_shipped' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."after_sales_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE SEQUENCE "public"."after_sales_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;--> statement-breakpoint
ALTER TABLE "after_sales_lines" DROP CONSTRAINT "after_sales_lines_exchange_sku_id_skus_id_fk";
--> statement-breakpoint
ALTER TABLE "after_sales_requests" ALTER COLUMN "kind" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."after_sales_kind";--> statement-breakpoint
CREATE TYPE "public"."after_sales_kind" AS ENUM('refund_only', 'return_refund', 'exchange', 'reship');--> statement-breakpoint
ALTER TABLE "after_sales_requests" ALTER COLUMN "kind" SET DATA TYPE "public"."after_sales_kind" USING "kind"::"public"."after_sales_kind";--> statement-breakpoint
DROP INDEX "after_sales_status_idx";--> statement-breakpoint
ALTER TABLE "stock_levels" ADD COLUMN "non_sellable" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "non_sellable_delta" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_events" ADD COLUMN "kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_events" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "reason_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "is_seller_fault" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "replacement_sku_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "replacement_warehouse_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "released_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "received_quantity" integer;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "restocked_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "damaged_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "scrapped_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD COLUMN "restock_warehouse_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "refund_proposed_cents" integer;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "restocking_fee_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "refund_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "refund_error" text;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "return_carrier_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "return_shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "return_delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "return_subscribed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "replacement_shipment_id" bigint;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD COLUMN "overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD CONSTRAINT "after_sales_lines_replacement_sku_id_skus_id_fk" FOREIGN KEY ("replacement_sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD CONSTRAINT "after_sales_lines_replacement_warehouse_id_warehouses_id_fk" FOREIGN KEY ("replacement_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD CONSTRAINT "after_sales_lines_restock_warehouse_id_warehouses_id_fk" FOREIGN KEY ("restock_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_lines_order_line_idx" ON "after_sales_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "after_sales_created_idx" ON "after_sales_requests" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "after_sales_deadline_idx" ON "after_sales_requests" USING btree ("deadline_at") WHERE "after_sales_requests"."deadline_at" is not null;--> statement-breakpoint
CREATE INDEX "after_sales_return_tracking_idx" ON "after_sales_requests" USING btree ("return_tracking_number") WHERE "after_sales_requests"."return_tracking_number" is not null;--> statement-breakpoint
CREATE INDEX "after_sales_status_idx" ON "after_sales_requests" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "after_sales_lines" DROP COLUMN "restock";--> statement-breakpoint
ALTER TABLE "after_sales_lines" DROP COLUMN "exchange_sku_id";--> statement-breakpoint
ALTER TABLE "after_sales_requests" DROP COLUMN "reason";--> statement-breakpoint
ALTER TABLE "after_sales_requests" DROP COLUMN "refund_amount_cents";--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_non_sellable_nonneg" CHECK ("stock_levels"."non_sellable" >= 0);--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD CONSTRAINT "after_sales_lines_quantity_positive" CHECK ("after_sales_lines"."quantity" > 0);--> statement-breakpoint
ALTER TABLE "after_sales_lines" ADD CONSTRAINT "after_sales_lines_dispositions" CHECK ("after_sales_lines"."restocked_quantity" + "after_sales_lines"."damaged_quantity" + "after_sales_lines"."scrapped_quantity" <= coalesce("after_sales_lines"."received_quantity", 0)
    and coalesce("after_sales_lines"."received_quantity", 0) <= "after_sales_lines"."quantity");--> statement-breakpoint
ALTER TABLE "after_sales_requests" ADD CONSTRAINT "after_sales_restocking_fee_nonneg" CHECK ("after_sales_requests"."restocking_fee_cents" >= 0);