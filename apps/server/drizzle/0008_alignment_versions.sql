-- An objective's progress rolls up through aligned objectives at any depth, in any period (issue 14), so a
-- write under an objective changes the cached answers of every objective above it: bump the periods of the
-- whole chain of parents, not just the item's own period and its direct parent's (0006).
--
-- The scopes of `ids` and of every objective they are aligned to, through any depth. UNION drops a row
-- already seen, so a cycle (refused when saving, never trusted) ends the walk.
CREATE FUNCTION goalpost_alignment_scopes(ids text[]) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(id, period_id, parent_id) AS (
    SELECT o.id, o.period_id, o.parent_id FROM objectives o WHERE o.id = ANY(ids)
    UNION
    SELECT p.id, p.period_id, p.parent_id FROM up JOIN objectives p ON p.id = up.parent_id
  )
  SELECT coalesce(array_agg(DISTINCT 'period:' || up.period_id), '{}') FROM up
$$;
--> statement-breakpoint
-- Objectives: their own period (before and after), and the periods of the objectives above them (before and after).
CREATE OR REPLACE FUNCTION goalpost_objectives_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || ARRAY(SELECT DISTINCT 'period:' || r.period_id FROM old_rows r)
      || goalpost_alignment_scopes(ARRAY(SELECT r.parent_id FROM old_rows r WHERE r.parent_id IS NOT NULL));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || goalpost_alignment_scopes(ARRAY(SELECT r.id FROM new_rows r));
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Key results: the period of their objective and of every objective above it.
CREATE OR REPLACE FUNCTION goalpost_key_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || goalpost_alignment_scopes(ARRAY(SELECT DISTINCT r.objective_id FROM old_rows r));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || goalpost_alignment_scopes(ARRAY(SELECT DISTINCT r.objective_id FROM new_rows r));
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Check-ins: the period of their key result's objective (or of their objective) and of every objective above it.
CREATE OR REPLACE FUNCTION goalpost_check_ins_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  scopes text[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    scopes := scopes || goalpost_alignment_scopes(ARRAY(
      SELECT DISTINCT coalesce(k.objective_id, c.objective_id) FROM old_rows c
        LEFT JOIN key_results k ON k.id = c.key_result_id
    ));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    scopes := scopes || goalpost_alignment_scopes(ARRAY(
      SELECT DISTINCT coalesce(k.objective_id, c.objective_id) FROM new_rows c
        LEFT JOIN key_results k ON k.id = c.key_result_id
    ));
  END IF;
  PERFORM goalpost_bump_versions(scopes);
  RETURN NULL;
END $$;
