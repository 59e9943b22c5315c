CREATE TABLE "jira_pending_changes" (
	"connection_id" text NOT NULL,
	"ref" text NOT NULL,
	"issue_id" text,
	"issue_key" text,
	"parent_key" text,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "jira_pending_changes_connection_id_ref_pk" PRIMARY KEY("connection_id","ref")
);
--> statement-breakpoint
ALTER TABLE "jira_pending_changes" ADD CONSTRAINT "jira_pending_changes_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;