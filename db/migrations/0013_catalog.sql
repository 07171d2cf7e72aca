CREATE TABLE "product_categories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"parent_id" bigint,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sku_price_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sku_price_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sku_id" bigint NOT NULL,
	"price_cents" integer NOT NULL,
	"cost_cents" integer NOT NULL,
	"previous_price_cents" integer,
	"previous_cost_cents" integer,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "category_id" bigint;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "spec_attributes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "spec_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "is_barcode_internal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "is_shipping" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_parent_id_product_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_price_changes" ADD CONSTRAINT "sku_price_changes_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_categories_parent_name_key" ON "product_categories" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "sku_price_changes_sku_idx" ON "sku_price_changes" USING btree ("sku_id","id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "skus_barcode_key" ON "skus" USING btree ("barcode") WHERE "skus"."barcode" is not null;--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_price_nonneg" CHECK ("skus"."price_cents" >= 0 and "skus"."cost_cents" >= 0);--> statement-breakpoint
ALTER TABLE "skus" ADD CONSTRAINT "skus_archived_inactive" CHECK ("skus"."archived_at" is null or not "skus"."is_active");--> statement-breakpoint
-- hand-written
-- the categories products already name become top-level categories of the tree
INSERT INTO "product_categories" ("name") SELECT DISTINCT "category" FROM "products" ORDER BY 1;--> statement-breakpoint
UPDATE "products" p SET "category_id" = c."id" FROM "product_categories" c WHERE c."parent_id" IS NULL AND c."name" = p."category";--> statement-breakpoint
-- today's price and cost start each SKU's history
INSERT INTO "sku_price_changes" ("sku_id", "price_cents", "cost_cents", "actor_type", "actor_name", "changed_at")
SELECT "id", "price_cents", "cost_cents", 'system', 'system', "created_at" FROM "skus";
