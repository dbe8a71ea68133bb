-- The leaders' overview ("Tổng quan", vn.nq57.overview) at national scale (5.000 agencies, 1.000.000
-- assignments): what it reads must not mean aggregating every assignment on every page view.

-- Per lead agency, its assignments by the part of their status that does not depend on the day: completed on
-- time, completed late, still open with a due date (overdue or in progress depending on the day asked about),
-- and the rest (open without a due date: ongoing, awaiting a trigger, no deadline) = total - the others.
-- Kept by the statement-level triggers below as deltas (+1 for each new row version, -1 for each old one), so
-- a bulk insert costs one grouped upsert and concurrent writers add up instead of overwriting each other.
CREATE TABLE overview_agency_rollup (
  agency_id  bigint PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
  total      int NOT NULL DEFAULT 0,
  on_time    int NOT NULL DEFAULT 0,
  late       int NOT NULL DEFAULT 0,
  open_dated int NOT NULL DEFAULT 0
);

CREATE FUNCTION overview_agency_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- rows in agency order, so that two statements touching the same agencies lock them in the same order
  IF TG_OP = 'INSERT' THEN
    INSERT INTO overview_agency_rollup AS r (agency_id, total, on_time, late, open_dated)
    SELECT n.agency_id, count(*),
           count(*) FILTER (WHERE n.completed_on IS NOT NULL AND (n.due_date IS NULL OR n.completed_on <= n.due_date)),
           count(*) FILTER (WHERE n.completed_on > n.due_date),
           count(*) FILTER (WHERE n.completed_on IS NULL AND n.due_date IS NOT NULL)
    FROM new_rows n GROUP BY n.agency_id ORDER BY n.agency_id
    ON CONFLICT (agency_id) DO UPDATE SET total = r.total + excluded.total, on_time = r.on_time + excluded.on_time,
      late = r.late + excluded.late, open_dated = r.open_dated + excluded.open_dated;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO overview_agency_rollup AS r (agency_id, total, on_time, late, open_dated)
    SELECT o.agency_id, -count(*),
           -count(*) FILTER (WHERE o.completed_on IS NOT NULL AND (o.due_date IS NULL OR o.completed_on <= o.due_date)),
           -count(*) FILTER (WHERE o.completed_on > o.due_date),
           -count(*) FILTER (WHERE o.completed_on IS NULL AND o.due_date IS NOT NULL)
    FROM old_rows o GROUP BY o.agency_id ORDER BY o.agency_id
    ON CONFLICT (agency_id) DO UPDATE SET total = r.total + excluded.total, on_time = r.on_time + excluded.on_time,
      late = r.late + excluded.late, open_dated = r.open_dated + excluded.open_dated;
  ELSE
    -- progress updates and claims change neither the agency, the due date nor the completion: skip them
    INSERT INTO overview_agency_rollup AS r (agency_id, total, on_time, late, open_dated)
    SELECT x.agency_id, sum(x.d)::int,
           coalesce(sum(x.d) FILTER (WHERE x.completed_on IS NOT NULL AND (x.due_date IS NULL OR x.completed_on <= x.due_date)), 0)::int,
           coalesce(sum(x.d) FILTER (WHERE x.completed_on > x.due_date), 0)::int,
           coalesce(sum(x.d) FILTER (WHERE x.completed_on IS NULL AND x.due_date IS NOT NULL), 0)::int
    FROM (SELECT n.agency_id, n.due_date, n.completed_on, 1 AS d
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.agency_id, n.due_date, n.completed_on) IS DISTINCT FROM (o.agency_id, o.due_date, o.completed_on)
          UNION ALL
          SELECT o.agency_id, o.due_date, o.completed_on, -1
          FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.agency_id, n.due_date, n.completed_on) IS DISTINCT FROM (o.agency_id, o.due_date, o.completed_on)) x
    GROUP BY x.agency_id ORDER BY x.agency_id
    ON CONFLICT (agency_id) DO UPDATE SET total = r.total + excluded.total, on_time = r.on_time + excluded.on_time,
      late = r.late + excluded.late, open_dated = r.open_dated + excluded.open_dated;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER overview_agency_rollup_ins AFTER INSERT ON assignment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION overview_agency_rollup_trigger();
CREATE TRIGGER overview_agency_rollup_upd AFTER UPDATE ON assignment REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION overview_agency_rollup_trigger();
CREATE TRIGGER overview_agency_rollup_del AFTER DELETE ON assignment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION overview_agency_rollup_trigger();

INSERT INTO overview_agency_rollup(agency_id, total, on_time, late, open_dated)
SELECT agency_id, count(*),
       count(*) FILTER (WHERE completed_on IS NOT NULL AND (due_date IS NULL OR completed_on <= due_date)),
       count(*) FILTER (WHERE completed_on > due_date),
       count(*) FILTER (WHERE completed_on IS NULL AND due_date IS NOT NULL)
FROM assignment GROUP BY agency_id;

-- Overdue and due-soon assignments per agency on the day asked about: an index-only range scan over the open
-- assignments' due dates. (It covers assignment_open_due_idx of V4, which could then be dropped.)
CREATE INDEX overview_open_due_agency_idx ON assignment(due_date) INCLUDE (agency_id) WHERE completed_on IS NULL;

-- Task counts by group and status come from the task roll-up alone: an index-only scan, by plan or over all.
CREATE INDEX overview_task_rollup_idx ON task(plan_id, group_id)
  INCLUDE (open_count, open_min_due, open_conditional, open_ongoing, late_count);
