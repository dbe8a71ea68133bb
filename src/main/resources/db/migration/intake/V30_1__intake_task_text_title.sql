-- The word pairs depend on the task's title alone, and the task module publishes no version of a task
-- (task_view): a task is indexed again when the hash of its title differs from the one indexed. Derived data,
-- so the index is emptied and rebuilt by the next check.
TRUNCATE intake_task_pair, intake_task_text;
ALTER TABLE intake_task_text DROP COLUMN task_version;
ALTER TABLE intake_task_text ADD COLUMN title_md5 uuid NOT NULL;
