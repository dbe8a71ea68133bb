-- What the task module publishes to overview, notification, reporting, indicator and intake: read views of its
-- tables (flattened by the planner, so the indexes below them still serve) and the time rules of StatusRules.java,
-- written once here. No other module reads the tables themselves (see OwnershipTest).

-- The time rules, written once for every query of every module; StatusSqlAgreementTest runs them against
-- StatusRules.java over one table of cases. LANGUAGE sql, IMMUTABLE and not STRICT, so PostgreSQL inlines them
-- into the calling query: "task_overdue(a.due_date, a.completed_on, :today)" is planned as the plain comparison and
-- the partial index "WHERE completed_on IS NULL" still serves it.

-- On the day itself (today): the status categories of the government's reports.
-- Chưa hoàn thành, quá hạn: not completed, due before today.
CREATE FUNCTION task_overdue(due date, completed date, today date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NULL AND due IS NOT NULL AND due < today $$;
-- Chưa hoàn thành, trong hạn (with a due date): not completed, due today or later.
CREATE FUNCTION task_in_time(due date, completed date, today date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NULL AND due IS NOT NULL AND due >= today $$;
-- Sắp đến hạn: not completed, due today or within the next soon_days days.
CREATE FUNCTION task_due_soon(due date, completed date, today date, soon_days int) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NULL AND due IS NOT NULL AND due >= today AND due <= today + soon_days $$;
-- Needs urging: overdue or due soon (one range over the open due dates).
CREATE FUNCTION task_overdue_or_due_soon(due date, completed date, today date, soon_days int) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NULL AND due IS NOT NULL AND due <= today + soon_days $$;
-- Đã hoàn thành đúng hạn / quá hạn (a completion without a due date is on time).
CREATE FUNCTION task_completed_on_time(due date, completed date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NOT NULL AND (due IS NULL OR completed <= due) $$;
CREATE FUNCTION task_completed_late(due date, completed date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NOT NULL AND due IS NOT NULL AND completed > due $$;

-- As of an earlier day (the overview "as of", reports on a past period): a completion dated after that day
-- counts as not yet done on it.
CREATE FUNCTION task_open_as_of(completed date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NULL OR completed > day $$;
CREATE FUNCTION task_overdue_as_of(due date, completed date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (completed IS NULL OR completed > day) AND due IS NOT NULL AND due < day $$;
CREATE FUNCTION task_in_time_as_of(due date, completed date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (completed IS NULL OR completed > day) AND due IS NOT NULL AND due >= day $$;
CREATE FUNCTION task_due_soon_as_of(due date, completed date, day date, soon_days int) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (completed IS NULL OR completed > day) AND due IS NOT NULL AND due >= day AND due <= day + soon_days $$;
CREATE FUNCTION task_completed_on_time_as_of(due date, completed date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NOT NULL AND completed <= day AND (due IS NULL OR completed <= due) $$;
CREATE FUNCTION task_completed_late_as_of(due date, completed date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT completed IS NOT NULL AND due IS NOT NULL AND completed <= day AND completed > due $$;

CREATE VIEW directive_view AS
  SELECT id, kind, number, issued_on, issuer, title, created_at FROM directive;
CREATE VIEW plan_view AS
  SELECT id, directive_id, title, year, created_at FROM plan;
CREATE VIEW task_group_view AS
  SELECT id, plan_id, code, title, position FROM task_group;
CREATE VIEW task_view AS
  SELECT id, plan_id, group_id, directive_id, stt, position, title, accountable_head, expected_output,
         coordinators_note, deadline_phrase, deadline_kind, deadline_precision, recurrence, due_date,
         trigger_document, trigger_recorded_on, created_at, updated_at, search,
         assignment_count, open_count, open_min_due, open_conditional, open_ongoing, late_count
  FROM task;
CREATE VIEW task_lead_view AS
  SELECT task_id, agency_id FROM task_lead;
CREATE VIEW task_coordinator_view AS
  SELECT task_id, agency_id FROM task_coordinator;
CREATE VIEW assignment_view AS
  SELECT id, task_id, agency_id, via_agency_id, period_label, deadline_kind, due_date, percent, state,
         completed_on, last_progress_at, created_at
  FROM assignment;
CREATE VIEW progress_update_view AS
  SELECT id, assignment_id, reported_on, percent, results, output_number, output_date, attachment_id, obstacles,
         proposals, author_id, created_at
  FROM progress_update;
CREATE VIEW completion_claim_view AS
  SELECT id, assignment_id, completed_on, evidence, output_number, output_date, attachment_id, state, claimed_by,
         claimed_at, approved_by, approved_at, reviewed_by, reviewed_at, return_reason
  FROM completion_claim;
CREATE VIEW direction_view AS
  SELECT id, task_id, author_id, content, created_at FROM direction;
-- Per lead agency, its assignments by the part of their status that does not depend on the day (kept by the
-- triggers of V20).
CREATE VIEW agency_status_rollup_view AS
  SELECT agency_id, total, on_time, late, open_dated FROM overview_agency_rollup;
