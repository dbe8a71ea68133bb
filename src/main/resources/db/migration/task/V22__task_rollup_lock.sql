-- Two transactions changing assignments of the same task at once (two confirmations, say) must not leave the
-- task's roll-up counted from a snapshot that misses the other's change: lock the tasks first, so the refresh,
-- a later statement with a fresh snapshot, sees whatever the other transaction committed.
CREATE OR REPLACE FUNCTION assignment_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT task_id FROM new_rows ORDER BY 1);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT task_id FROM old_rows ORDER BY 1);
  ELSE
    ids := ARRAY(SELECT task_id FROM new_rows UNION SELECT task_id FROM old_rows ORDER BY 1);
  END IF;
  PERFORM 1 FROM task WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM refresh_task_rollup(ids);
  RETURN NULL;
END $$;
