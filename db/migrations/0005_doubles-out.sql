DROP TABLE "kuaidi100_sandbox_parcels" CASCADE;--> statement-breakpoint
DROP TABLE "kuaidi100_sandbox_pushes" CASCADE;