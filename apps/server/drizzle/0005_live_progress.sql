CREATE TABLE "jira_change_probes" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"seen_up_to" timestamp (3) with time zone,
	"probed_at" timestamp (3) with time zone NOT NULL,
	"last_request_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jira_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"identifier" text,
	"outcome" text NOT NULL,
	"reason" text,
	"event" text,
	"issue_key" text,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jira_webhooks" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"hook_id" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp (3) with time zone,
	CONSTRAINT "jira_webhooks_hook_id_unique" UNIQUE("hook_id")
);
--> statement-breakpoint
ALTER TABLE "jira_change_probes" ADD CONSTRAINT "jira_change_probes_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_webhook_deliveries" ADD CONSTRAINT "jira_webhook_deliveries_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_webhooks" ADD CONSTRAINT "jira_webhooks_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jira_webhook_deliveries_connection_idx" ON "jira_webhook_deliveries" USING btree ("connection_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jira_webhook_deliveries_identifier_idx" ON "jira_webhook_deliveries" USING btree ("connection_id","identifier") WHERE "jira_webhook_deliveries"."outcome" = 'accepted';