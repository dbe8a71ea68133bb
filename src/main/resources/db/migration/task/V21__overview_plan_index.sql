-- The overview for one plan counts that plan's assignments by agency: read them from the index alone instead
-- of one heap page per assignment. (It covers assignment_task_idx of V4, which could then be dropped.)
CREATE INDEX overview_assignment_task_idx ON assignment(task_id) INCLUDE (agency_id, due_date, completed_on);
