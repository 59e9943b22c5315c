CREATE TABLE "initiative_epics" (
	"initiative_id" text NOT NULL,
	"portfolio_id" text NOT NULL,
	"project_key" text NOT NULL,
	"epic_key" text NOT NULL,
	"epic_id" text NOT NULL,
	"summary" text NOT NULL,
	"status_name" text NOT NULL,
	"status_category" text NOT NULL,
	"done_count" integer DEFAULT 0 NOT NULL,
	"total_count" integer DEFAULT 0 NOT NULL,
	"done_points" double precision,
	"total_points" double precision,
	"synced_at" timestamp (3) with time zone,
	"stale_code" text,
	"stale_message" text,
	"stale_since" timestamp (3) with time zone,
	"linked_by" text,
	"linked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_epics_initiative_id_epic_key_pk" PRIMARY KEY("initiative_id","epic_key")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"portfolio_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"status" text NOT NULL,
	"start_date" date,
	"due_date" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_jira_configs" (
	"portfolio_id" text PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"email" text NOT NULL,
	"api_token_sealed" text NOT NULL,
	"account_id" text,
	"account_name" text,
	"configured_by" text,
	"configured_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"last_sync_at" timestamp (3) with time zone,
	"healthy" boolean DEFAULT true NOT NULL,
	"error_code" text,
	"error_message" text,
	"error_since" timestamp (3) with time zone,
	"next_sync_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "portfolio_jira_projects" (
	"portfolio_id" text NOT NULL,
	"project_key" text NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"avatar_url" text,
	"inaccessible_since" timestamp (3) with time zone,
	"linked_by" text,
	"linked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_jira_projects_portfolio_id_project_key_pk" PRIMARY KEY("portfolio_id","project_key")
);
--> statement-breakpoint
CREATE TABLE "portfolio_members" (
	"portfolio_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"added_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_members_portfolio_id_user_id_pk" PRIMARY KEY("portfolio_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_epics" ADD CONSTRAINT "initiative_epics_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_epics" ADD CONSTRAINT "initiative_epics_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_epics" ADD CONSTRAINT "initiative_epics_project_fk" FOREIGN KEY ("portfolio_id","project_key") REFERENCES "public"."portfolio_jira_projects"("portfolio_id","project_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ADD CONSTRAINT "portfolio_jira_configs_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_jira_configs" ADD CONSTRAINT "portfolio_jira_configs_configured_by_users_id_fk" FOREIGN KEY ("configured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_jira_projects" ADD CONSTRAINT "portfolio_jira_projects_portfolio_id_portfolio_jira_configs_portfolio_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolio_jira_configs"("portfolio_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_jira_projects" ADD CONSTRAINT "portfolio_jira_projects_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_members" ADD CONSTRAINT "portfolio_members_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_members" ADD CONSTRAINT "portfolio_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_members" ADD CONSTRAINT "portfolio_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_epics_portfolio_idx" ON "initiative_epics" USING btree ("portfolio_id","project_key");--> statement-breakpoint
CREATE INDEX "initiatives_portfolio_id_idx" ON "initiatives" USING btree ("portfolio_id","created_at","id");--> statement-breakpoint
CREATE INDEX "portfolio_members_user_id_idx" ON "portfolio_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "portfolios_org_id_idx" ON "portfolios" USING btree ("org_id","created_at","id");