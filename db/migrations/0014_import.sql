ALTER TABLE "import_batches" DROP COLUMN "imported_rows";--> statement-breakpoint
ALTER TABLE "import_batches" DROP COLUMN "errors";--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'uploaded' BEFORE 'running';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'checking' BEFORE 'running';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'checked' BEFORE 'running';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "import_file_chunks" (
	"batch_id" bigint NOT NULL,
	"file_no" smallint NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "import_file_chunks_batch_id_file_no_seq_pk" PRIMARY KEY("batch_id","file_no","seq")
);
--> statement-breakpoint
CREATE TABLE "import_row_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_row_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" bigint NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"code" text NOT NULL,
	"value" text,
	"external_ref" text
);
--> statement-breakpoint
ALTER TABLE "import_batches" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "import_batch_id" bigint;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "item_file_name" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "file_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "encoding" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "rows_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "orders_created" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "cursor_row" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_row_errors_batch_row_idx" ON "import_row_errors" USING btree ("batch_id","row");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;