-- The task list answers from an index in the order it shows (issue 22).
--
-- "Gấp nhất trước" (the default order) was ORDER BY task_status_rank(…, today) DESC, open_min_due NULLS LAST, id: a
-- rank computed for the day asked about, which no index can hold. The same order without the day: overdue (rank 6)
-- and in time (rank 5) are both "open with a deadline" and sort by that deadline, the overdue ones coming first
-- because their deadline is earlier; then awaiting a trigger (4), ongoing (3), no deadline (2), completed late (1),
-- completed on time (0). list_seg numbers those six segments 0…5, list_due is the open deadline (infinity when
-- none), so ORDER BY list_seg, list_due, id is the old order on every day, and a status filter is a range of it.
-- list_deadline is the deadline the list shows (the earliest open one, else the task's own; infinity when none)
-- for the order "by deadline". Both are stored generated columns: the roll-up that writes open_* keeps them exact.
ALTER TABLE task
  ADD COLUMN list_seg smallint GENERATED ALWAYS AS (CASE
      WHEN open_count > 0 AND open_min_due IS NOT NULL THEN 0
      WHEN open_count > 0 AND open_conditional > 0 THEN 1
      WHEN open_count > 0 AND open_ongoing > 0 THEN 2
      WHEN open_count > 0 THEN 3
      WHEN late_count > 0 THEN 4
      ELSE 5 END) STORED,
  ADD COLUMN list_due date GENERATED ALWAYS AS (coalesce(open_min_due, 'infinity'::date)) STORED,
  ADD COLUMN list_deadline date GENERATED ALWAYS AS (coalesce(open_min_due, due_date, 'infinity'::date)) STORED;

-- keyset pages in each order, alone and within a plan or a task group (the filters a user picks from lists)
CREATE INDEX task_list_urgent_idx ON task(list_seg, list_due, id);
CREATE INDEX task_list_deadline_idx ON task(list_deadline, id);
CREATE INDEX task_list_plan_urgent_idx ON task(plan_id, list_seg, list_due, id);
CREATE INDEX task_list_plan_deadline_idx ON task(plan_id, list_deadline, id);
CREATE INDEX task_list_group_urgent_idx ON task(group_id, list_seg, list_due, id);
CREATE INDEX task_list_group_deadline_idx ON task(group_id, list_deadline, id);
-- an agency's tasks: the tasks it is assigned (assignment_agency_idx) or coordinates (task_coordinator_agency_idx)
-- are a few hundred at most, sorted after the index lookups
ANALYZE task;
