CREATE TABLE "check_ins" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"key_result_id" text,
	"objective_id" text,
	"source" text NOT NULL,
	"author_id" text,
	"value" double precision,
	"progress" double precision,
	"issue_count" integer,
	"done_count" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_subject_check" CHECK (("check_ins"."key_result_id" IS NULL) <> ("check_ins"."objective_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "key_results" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"objective_id" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"weight" double precision DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"measure" jsonb,
	"data_source" jsonb,
	"connection_id" text,
	"value" double precision,
	"progress" double precision,
	"no_data_reason" text,
	"issue_count" integer,
	"done_count" integer,
	"synced_at" timestamp (3) with time zone,
	"stale_code" text,
	"stale_message" text,
	"stale_since" timestamp (3) with time zone,
	CONSTRAINT "key_results_weight_check" CHECK ("key_results"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"period_id" text NOT NULL,
	"parent_id" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"weight" double precision DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"measure" jsonb,
	"data_source" jsonb,
	"connection_id" text,
	"value" double precision,
	"progress" double precision,
	"no_data_reason" text,
	"issue_count" integer,
	"done_count" integer,
	"synced_at" timestamp (3) with time zone,
	"stale_code" text,
	"stale_message" text,
	"stale_since" timestamp (3) with time zone,
	CONSTRAINT "objectives_weight_check" CHECK ("objectives"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periods_org_id_name_unique" UNIQUE("org_id","name"),
	CONSTRAINT "periods_range_check" CHECK ("periods"."ends_at" > "periods"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "jira_issues" (
	"connection_id" text NOT NULL,
	"issue_id" text NOT NULL,
	"key" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status_name" text DEFAULT '' NOT NULL,
	"status_category_key" text NOT NULL,
	"issue_type" text DEFAULT '' NOT NULL,
	"numbers" jsonb NOT NULL,
	"updated" text,
	"fetched_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "jira_issues_connection_id_issue_id_pk" PRIMARY KEY("connection_id","issue_id")
);
--> statement-breakpoint
CREATE TABLE "jira_queries" (
	"connection_id" text NOT NULL,
	"jql_hash" text NOT NULL,
	"jql" text NOT NULL,
	"issue_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synced_at" timestamp (3) with time zone,
	"error_code" text,
	"error_message" text,
	"error_since" timestamp (3) with time zone,
	CONSTRAINT "jira_queries_connection_id_jql_hash_pk" PRIMARY KEY("connection_id","jql_hash")
);
--> statement-breakpoint
CREATE TABLE "jira_sync_states" (
	"connection_id" text PRIMARY KEY NOT NULL,
	"change_cursor_at" timestamp (3) with time zone,
	"last_attempt_at" timestamp (3) with time zone,
	"last_success_at" timestamp (3) with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"failing_since" timestamp (3) with time zone,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"broken_at" timestamp (3) with time zone,
	"next_due_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"cached_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp (3) with time zone,
	"last_request_count" integer
);
--> statement-breakpoint
ALTER TABLE "jira_connections" ADD COLUMN "story_point_field_ids" jsonb;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_key_result_id_key_results_id_fk" FOREIGN KEY ("key_result_id") REFERENCES "public"."key_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_parent_id_objectives_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."objectives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_issues" ADD CONSTRAINT "jira_issues_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_queries" ADD CONSTRAINT "jira_queries_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jira_sync_states" ADD CONSTRAINT "jira_sync_states_connection_id_jira_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."jira_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_key_result_idx" ON "check_ins" USING btree ("key_result_id","created_at");--> statement-breakpoint
CREATE INDEX "check_ins_objective_idx" ON "check_ins" USING btree ("objective_id","created_at");--> statement-breakpoint
CREATE INDEX "key_results_objective_id_idx" ON "key_results" USING btree ("objective_id","created_at","id");--> statement-breakpoint
CREATE INDEX "key_results_connection_id_idx" ON "key_results" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "key_results_org_id_idx" ON "key_results" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "objectives_org_period_idx" ON "objectives" USING btree ("org_id","period_id","created_at","id");--> statement-breakpoint
CREATE INDEX "objectives_parent_id_idx" ON "objectives" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "objectives_connection_id_idx" ON "objectives" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "jira_sync_states_next_due_idx" ON "jira_sync_states" USING btree ("next_due_at");