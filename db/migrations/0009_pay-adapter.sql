DROP TABLE "sandbox_refunds" CASCADE;--> statement-breakpoint
DROP TABLE "sandbox_transactions" CASCADE;--> statement-breakpoint
-- hand-written (re-append after regenerating)
-- the sandbox keeps its own books in its own schema (testing/sandboxes/payments/schema.ts) and one key set
DELETE FROM "settings" WHERE "key" = 'refund_sandbox_keys';
