-- The reminder stages of ReminderRules.java, once in SQL for ReminderEngine's set-based computation;
-- ReminderStagesTest runs both over one table of cases.

-- The day of the pre-due stage reached on today: the smallest offset ("7,3,1,0" days before) not below the days
-- left; none once the due date has passed or while it is further away than the largest offset.
CREATE FUNCTION reminder_stage_before_due(due date, today date, offsets int[]) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN due >= today THEN due - (SELECT min(o) FROM unnest(offsets) o WHERE o >= due - today) END $$;

-- The day of the overdue stage reached on today: due + k·every_days for the largest k ≥ 1 reached; none before
-- the first repeat or when repeating is off (every_days ≤ 0).
CREATE FUNCTION reminder_stage_overdue(due date, today date, every_days int) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN every_days > 0 AND today - due >= every_days
                    THEN due + ((today - due) / every_days) * every_days END $$;
