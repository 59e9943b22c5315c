ALTER TABLE "portfolio_jira_configs" ALTER COLUMN "base_url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ALTER COLUMN "api_token_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "jira_connections" ADD COLUMN "portfolio_id" text;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ADD COLUMN "connection_id" text;--> statement-breakpoint
ALTER TABLE "jira_connections" ADD CONSTRAINT "jira_connections_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ADD CONSTRAINT "portfolio_jira_configs_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jira_connections_portfolio_id_idx" ON "jira_connections" USING btree ("portfolio_id");--> statement-breakpoint
CREATE INDEX "portfolio_jira_configs_connection_idx" ON "portfolio_jira_configs" USING btree ("connection_id");--> statement-breakpoint
-- Every portfolio's own Jira configuration becomes a Jira connection owned by that portfolio: the same site,
-- e-mail, sealed token (copied sealed, never opened) and account. The old columns stay, no longer read.
INSERT INTO "jira_connections" ("id", "org_id", "name", "base_url", "email", "api_token_sealed", "sharing", "created_by", "account_id", "account_name", "portfolio_id", "created_at", "updated_at")
SELECT gen_random_uuid()::text, p."org_id", p."name" || ' (portfolio)', c."base_url", c."email", c."api_token_sealed", 'private', c."configured_by", c."account_id", c."account_name", p."id", c."configured_at", c."updated_at"
FROM "portfolio_jira_configs" c JOIN "portfolios" p ON p."id" = c."portfolio_id"
WHERE c."connection_id" IS NULL AND c."base_url" IS NOT NULL AND c."email" IS NOT NULL AND c."api_token_sealed" IS NOT NULL;--> statement-breakpoint
UPDATE "portfolio_jira_configs" c SET "connection_id" = (SELECT j."id" FROM "jira_connections" j WHERE j."portfolio_id" = c."portfolio_id" ORDER BY j."created_at" LIMIT 1) WHERE c."connection_id" IS NULL;--> statement-breakpoint
-- Their sync state carries over: last good sync, the current failure and since when, refused credentials.
INSERT INTO "jira_sync_states" ("connection_id", "last_success_at", "last_error_code", "last_error_message", "failing_since", "failure_count", "broken_at", "next_due_at")
SELECT c."connection_id", c."last_sync_at", c."error_code", c."error_message", c."error_since", c."failure_count", CASE WHEN c."healthy" THEN NULL ELSE coalesce(c."error_since", now()) END, coalesce(c."next_sync_at", now())
FROM "portfolio_jira_configs" c WHERE c."connection_id" IS NOT NULL
ON CONFLICT ("connection_id") DO NOTHING;
