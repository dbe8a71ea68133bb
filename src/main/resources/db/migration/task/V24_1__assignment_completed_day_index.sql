-- The categories on a past day (the leaders' board compared with the end of the previous period, the ranking, the
-- session brief: steering.StatusFigures) start from the per-agency roll-up of V20 and take back the assignments
-- completed after that day, which were still open on it. Without an index on the completion day that is a pass over
-- every assignment (1.000.000 at national scale, ≈450 ms of CPU across the parallel workers); with this partial,
-- covering index only the assignments completed after the day are read, index-only (≈120.000 after the end of the
-- previous quarter). (A sub-version of the task module's V24, which owns assignment; added for the steering module,
-- issue 20.)
CREATE INDEX assignment_completed_day_idx ON assignment(completed_on) INCLUDE (agency_id, due_date)
  WHERE completed_on IS NOT NULL;
