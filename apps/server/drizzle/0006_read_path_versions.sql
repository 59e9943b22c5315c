CREATE TABLE "cache_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Bumps each scope once (sorted, so concurrent writers lock rows in the same order).
CREATE FUNCTION goalpost_bump_versions(scopes text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cache_versions (scope, version)
    SELECT DISTINCT s, 1 FROM unnest(scopes) AS s WHERE s IS NOT NULL ORDER BY 1
  ON CONFLICT (scope) DO UPDATE SET version = cache_versions.version + 1;
END $$;
--> statement-breakpoint
-- A session or API token deleted (sign-out, revocation, expiry clean-up, user deleted): cached callers go.
CREATE FUNCTION goalpost_auth_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows) THEN
    PERFORM goalpost_bump_versions(ARRAY['auth']);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_revoked AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_auth_revoked();
--> statement-breakpoint
CREATE TRIGGER api_tokens_revoked AFTER DELETE ON api_tokens REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_auth_revoked();
--> statement-breakpoint
-- A session shortened or re-keyed is a revocation too; a session extended is not.
CREATE FUNCTION goalpost_sessions_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.expires_at < o.expires_at OR n.token <> o.token OR n.user_id <> o.user_id
  ) THEN
    PERFORM goalpost_bump_versions(ARRAY['auth']);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_updated AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_sessions_updated();
--> statement-breakpoint
-- A renamed user: cached callers (name, e-mail) and the histories of their orgs (author names).
CREATE FUNCTION goalpost_users_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.name IS DISTINCT FROM o.name OR n.email IS DISTINCT FROM o.email
  ) THEN
    PERFORM goalpost_bump_versions(ARRAY['auth'] || ARRAY(
      SELECT 'org:' || m.org_id FROM memberships m JOIN new_rows n ON n.id = m.user_id
    ));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_updated AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_users_updated();
--> statement-breakpoint
-- Objectives: their period, and the period of the objective they align to (its aligned children changed).
CREATE FUNCTION goalpost_objectives_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || ARRAY(
      SELECT 'period:' || r.period_id FROM old_rows r
      UNION SELECT 'period:' || p.period_id FROM old_rows r JOIN objectives p ON p.id = r.parent_id
    );
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || ARRAY(
      SELECT 'period:' || r.period_id FROM new_rows r
      UNION SELECT 'period:' || p.period_id FROM new_rows r JOIN objectives p ON p.id = r.parent_id
    );
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER objectives_inserted AFTER INSERT ON objectives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_objectives_changed();
--> statement-breakpoint
CREATE TRIGGER objectives_updated AFTER UPDATE ON objectives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_objectives_changed();
--> statement-breakpoint
CREATE TRIGGER objectives_deleted AFTER DELETE ON objectives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_objectives_changed();
--> statement-breakpoint
-- Key results: the period of their objective.
CREATE FUNCTION goalpost_key_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || ARRAY(
      SELECT DISTINCT 'period:' || o.period_id FROM old_rows r JOIN objectives o ON o.id = r.objective_id
    );
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || ARRAY(
      SELECT DISTINCT 'period:' || o.period_id FROM new_rows r JOIN objectives o ON o.id = r.objective_id
    );
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER key_results_inserted AFTER INSERT ON key_results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_key_results_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_updated AFTER UPDATE ON key_results REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_key_results_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_deleted AFTER DELETE ON key_results REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_key_results_changed();
--> statement-breakpoint
-- Check-ins: the period of their key result's objective, or of their objective.
CREATE FUNCTION goalpost_check_ins_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || ARRAY(
      SELECT DISTINCT 'period:' || o.period_id FROM old_rows c
        LEFT JOIN key_results k ON k.id = c.key_result_id
        JOIN objectives o ON o.id = coalesce(k.objective_id, c.objective_id)
    );
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || ARRAY(
      SELECT DISTINCT 'period:' || o.period_id FROM new_rows c
        LEFT JOIN key_results k ON k.id = c.key_result_id
        JOIN objectives o ON o.id = coalesce(k.objective_id, c.objective_id)
    );
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER check_ins_inserted AFTER INSERT ON check_ins REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_check_ins_changed();
--> statement-breakpoint
CREATE TRIGGER check_ins_updated AFTER UPDATE ON check_ins REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_check_ins_changed();
--> statement-breakpoint
CREATE TRIGGER check_ins_deleted AFTER DELETE ON check_ins REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_check_ins_changed();
--> statement-breakpoint
-- Periods: their own scope (dates and name change every status in them).
CREATE FUNCTION goalpost_periods_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM goalpost_bump_versions(ARRAY(SELECT 'period:' || id FROM old_rows));
  ELSE
    PERFORM goalpost_bump_versions(ARRAY(SELECT 'period:' || id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER periods_updated AFTER UPDATE ON periods REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_periods_changed();
--> statement-breakpoint
CREATE TRIGGER periods_deleted AFTER DELETE ON periods REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_periods_changed();
--> statement-breakpoint
-- The org's Jira integration switch: every Jira-linked item's state in the org.
CREATE FUNCTION goalpost_jira_integrations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM goalpost_bump_versions(ARRAY(SELECT 'org:' || org_id FROM old_rows));
  ELSE
    PERFORM goalpost_bump_versions(ARRAY(SELECT 'org:' || org_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER jira_integrations_inserted AFTER INSERT ON jira_integrations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_jira_integrations_changed();
--> statement-breakpoint
CREATE TRIGGER jira_integrations_updated AFTER UPDATE ON jira_integrations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_jira_integrations_changed();
--> statement-breakpoint
CREATE TRIGGER jira_integrations_deleted AFTER DELETE ON jira_integrations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION goalpost_jira_integrations_changed();
