CREATE TABLE "analytics_customer_days" (
	"day" date NOT NULL,
	"customer_id" bigint NOT NULL,
	"orders" integer NOT NULL,
	"prev_day" date,
	"next_day" date,
	CONSTRAINT "analytics_customer_days_day_customer_id_pk" PRIMARY KEY("day","customer_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_customers" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"first_order_at" timestamp with time zone NOT NULL,
	"first_order_day" date NOT NULL,
	"last_order_at" timestamp with time zone NOT NULL,
	"orders" integer NOT NULL,
	"total_spent_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_orders" (
	"day" date NOT NULL,
	"currency" char(3) NOT NULL,
	"source" "order_source" NOT NULL,
	"province" text NOT NULL,
	"payment_method" text NOT NULL,
	"orders" integer NOT NULL,
	"units" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"shipping_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	CONSTRAINT "analytics_daily_orders_day_currency_source_province_payment_method_pk" PRIMARY KEY("day","currency","source","province","payment_method")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_refunds" (
	"day" date NOT NULL,
	"currency" char(3) NOT NULL,
	"source" "order_source" NOT NULL,
	"province" text NOT NULL,
	"payment_method" text NOT NULL,
	"refunds" integer NOT NULL,
	"refund_cents" bigint NOT NULL,
	CONSTRAINT "analytics_daily_refunds_day_currency_source_province_payment_method_pk" PRIMARY KEY("day","currency","source","province","payment_method")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_sku_sales" (
	"day" date NOT NULL,
	"currency" char(3) NOT NULL,
	"sku_code" text NOT NULL,
	"source" "order_source" NOT NULL,
	"province" text NOT NULL,
	"units" bigint NOT NULL,
	"gross_cents" bigint NOT NULL,
	"line_discount_cents" bigint NOT NULL,
	"cost_cents" bigint NOT NULL,
	CONSTRAINT "analytics_daily_sku_sales_day_currency_sku_code_source_province_pk" PRIMARY KEY("day","currency","sku_code","source","province")
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"entity" text NOT NULL,
	"op" text NOT NULL,
	"order_ids" bigint[] NOT NULL,
	"customer_ids" bigint[],
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log_cursors" (
	"consumer" text PRIMARY KEY NOT NULL,
	"xid" "xid8" NOT NULL,
	"last_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_customer_days_window_idx" ON "analytics_customer_days" USING btree ("day","prev_day","next_day","orders");--> statement-breakpoint
CREATE INDEX "analytics_customer_days_customer_idx" ON "analytics_customer_days" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "analytics_customers_first_day_idx" ON "analytics_customers" USING btree ("first_order_day");--> statement-breakpoint
CREATE INDEX "change_log_xid_idx" ON "change_log" USING btree ("xid","id");--> statement-breakpoint
-- hand-written (re-append after regenerating)
-- The change record's writers: one statement-level trigger per table and event, reading the statement's
-- transition table, so a statement adds ONE change_log row whatever its row count (placing a group of 50 orders
-- adds one row for the orders and one for their lines). Domain operations need not know it exists.
CREATE FUNCTION change_log_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO change_log (entity, op, order_ids, customer_ids)
    SELECT 'orders', TG_OP, array_agg(id), array_agg(DISTINCT customer_id) FILTER (WHERE customer_id IS NOT NULL)
    FROM new_rows HAVING count(*) > 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO change_log (entity, op, order_ids, customer_ids)
    SELECT 'orders', TG_OP, array_agg(DISTINCT id), array_agg(DISTINCT customer_id) FILTER (WHERE customer_id IS NOT NULL)
    FROM (SELECT id, customer_id FROM new_rows UNION ALL SELECT id, customer_id FROM old_rows) r HAVING count(*) > 0;
  ELSE
    INSERT INTO change_log (entity, op, order_ids, customer_ids)
    SELECT 'orders', TG_OP, array_agg(id), array_agg(DISTINCT customer_id) FILTER (WHERE customer_id IS NOT NULL)
    FROM old_rows HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- order_lines, payments and refunds all name their order in order_id
CREATE FUNCTION change_log_order_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO change_log (entity, op, order_ids)
    SELECT TG_TABLE_NAME, TG_OP, array_agg(DISTINCT order_id) FROM new_rows HAVING count(*) > 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO change_log (entity, op, order_ids)
    SELECT TG_TABLE_NAME, TG_OP, array_agg(DISTINCT order_id)
    FROM (SELECT order_id FROM new_rows UNION ALL SELECT order_id FROM old_rows) r HAVING count(*) > 0;
  ELSE
    INSERT INTO change_log (entity, op, order_ids)
    SELECT TG_TABLE_NAME, TG_OP, array_agg(DISTINCT order_id) FROM old_rows HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER change_log_orders_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_orders();
--> statement-breakpoint
CREATE TRIGGER change_log_orders_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_orders();
--> statement-breakpoint
CREATE TRIGGER change_log_orders_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_orders();
--> statement-breakpoint
CREATE TRIGGER change_log_order_lines_insert AFTER INSERT ON order_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_order_lines_update AFTER UPDATE ON order_lines
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_order_lines_delete AFTER DELETE ON order_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_payments_insert AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_payments_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_refunds_insert AFTER INSERT ON refunds REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
--> statement-breakpoint
CREATE TRIGGER change_log_refunds_update AFTER UPDATE ON refunds
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_order_children();
