CREATE TABLE directive (
  id        bigserial PRIMARY KEY,
  kind      varchar(30)  NOT NULL,
  number    varchar(100) NOT NULL,
  issued_on date,
  issuer    varchar(300),
  title     varchar(1000) NOT NULL,
  version   bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX directive_number_idx ON directive(lower(number));

CREATE TABLE plan (
  id           bigserial PRIMARY KEY,
  directive_id bigint REFERENCES directive(id),
  title        varchar(1000) NOT NULL,
  year         int,
  version      bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE task_group (
  id       bigserial PRIMARY KEY,
  plan_id  bigint NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  code     varchar(20)  NOT NULL,
  title    varchar(1000) NOT NULL,
  position int NOT NULL,
  UNIQUE (plan_id, code)
);

CREATE TABLE task (
  id                 bigserial PRIMARY KEY,
  plan_id            bigint REFERENCES plan(id),
  group_id           bigint REFERENCES task_group(id),
  directive_id       bigint REFERENCES directive(id),
  stt                varchar(20),
  position           int NOT NULL DEFAULT 0,
  title              text NOT NULL,
  accountable_head   varchar(300),
  expected_output    varchar(1000),
  coordinators_note  varchar(2000),
  deadline_phrase    varchar(300) NOT NULL DEFAULT '',
  deadline_kind      varchar(20)  NOT NULL,
  deadline_precision varchar(20),
  recurrence         varchar(20),
  due_date           date,
  trigger_document   varchar(500),
  trigger_recorded_on date,
  version            bigint NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  search             text GENERATED ALWAYS AS (search_key(coalesce(stt, '') || ' ' || title || ' ' || coalesce(expected_output, '') || ' ' || coalesce(accountable_head, ''))) STORED,
  -- Roll-up of the task's assignments, kept by the triggers below. None of it depends on the day, so it
  -- never goes stale; the status for a given day is derived from it by task_status_rank().
  assignment_count   int NOT NULL DEFAULT 0,
  open_count         int NOT NULL DEFAULT 1,
  open_min_due       date,
  open_conditional   int NOT NULL DEFAULT 0,
  open_ongoing       int NOT NULL DEFAULT 0,
  late_count         int NOT NULL DEFAULT 0
);
CREATE INDEX task_plan_idx ON task(plan_id, position);
CREATE INDEX task_group_idx ON task(group_id);
CREATE INDEX task_open_due_idx ON task(open_min_due) WHERE open_count > 0;
CREATE INDEX task_search_idx ON task USING gin (search gin_trgm_ops);

CREATE TABLE task_lead (
  task_id   bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  agency_id bigint NOT NULL REFERENCES agency(id),
  PRIMARY KEY (task_id, agency_id)
);
CREATE TABLE task_coordinator (
  task_id   bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  agency_id bigint NOT NULL REFERENCES agency(id),
  PRIMARY KEY (task_id, agency_id)
);
CREATE INDEX task_coordinator_agency_idx ON task_coordinator(agency_id);

-- One lead agency's share of a task (one per member when a collective leads), and for recurring
-- tasks one row per period instance.
CREATE TABLE assignment (
  id             bigserial PRIMARY KEY,
  task_id        bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  agency_id      bigint NOT NULL REFERENCES agency(id),
  via_agency_id  bigint REFERENCES agency(id),
  period_label   varchar(60) NOT NULL DEFAULT '',
  deadline_kind  varchar(20) NOT NULL,
  due_date       date,
  percent        int NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  state          varchar(20) NOT NULL DEFAULT 'OPEN',
  completed_on   date,
  last_progress_at timestamptz,
  version        bigint NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, agency_id, period_label)
);
CREATE INDEX assignment_agency_idx ON assignment(agency_id, due_date);
CREATE INDEX assignment_task_idx ON assignment(task_id);
CREATE INDEX assignment_open_due_idx ON assignment(due_date) WHERE completed_on IS NULL;

-- The status rules of StatusRules.java, for aggregate queries. Ranks order the statuses so that a
-- task's status is the highest rank among its assignments:
-- 0 completed on time, 1 completed late, 2 no deadline, 3 ongoing, 4 awaiting trigger, 5 in progress, 6 overdue.
CREATE FUNCTION assignment_status_rank(due date, kind varchar, completed date, today date) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE
      WHEN completed IS NOT NULL THEN CASE WHEN due IS NULL OR completed <= due THEN 0 ELSE 1 END
      WHEN due IS NOT NULL THEN CASE WHEN due < today THEN 6 ELSE 5 END
      WHEN kind = 'CONDITIONAL' THEN 4
      WHEN kind = 'ONGOING' THEN 3
      ELSE 2 END)::smallint $$;

CREATE FUNCTION task_status_rank(open_count int, open_min_due date, open_conditional int, open_ongoing int,
                                 late_count int, today date) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (CASE
      WHEN open_count = 0 THEN CASE WHEN late_count > 0 THEN 1 ELSE 0 END
      WHEN open_min_due IS NOT NULL THEN CASE WHEN open_min_due < today THEN 6 ELSE 5 END
      WHEN open_conditional > 0 THEN 4
      WHEN open_ongoing > 0 THEN 3
      ELSE 2 END)::smallint $$;

CREATE FUNCTION refresh_task_rollup(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE task t SET
    assignment_count = coalesce(a.n, 0),
    -- a task nobody has been assigned yet is still open on its own deadline
    open_count       = CASE WHEN coalesce(a.n, 0) = 0 THEN 1 ELSE a.open_n END,
    open_min_due     = CASE WHEN coalesce(a.n, 0) = 0 THEN t.due_date ELSE a.min_due END,
    open_conditional = CASE WHEN coalesce(a.n, 0) = 0 THEN (t.deadline_kind = 'CONDITIONAL' AND t.due_date IS NULL)::int ELSE a.cond_n END,
    open_ongoing     = CASE WHEN coalesce(a.n, 0) = 0 THEN (t.deadline_kind = 'ONGOING')::int ELSE a.ongoing_n END,
    late_count       = coalesce(a.late_n, 0)
  FROM (SELECT x.id,
               count(s.id) AS n,
               count(s.id) FILTER (WHERE s.completed_on IS NULL) AS open_n,
               min(s.due_date) FILTER (WHERE s.completed_on IS NULL) AS min_due,
               count(s.id) FILTER (WHERE s.completed_on IS NULL AND s.due_date IS NULL AND s.deadline_kind = 'CONDITIONAL') AS cond_n,
               count(s.id) FILTER (WHERE s.completed_on IS NULL AND s.due_date IS NULL AND s.deadline_kind = 'ONGOING') AS ongoing_n,
               count(s.id) FILTER (WHERE s.completed_on > s.due_date) AS late_n
        FROM unnest(ids) AS x(id) LEFT JOIN assignment s ON s.task_id = x.id
        GROUP BY x.id) a
  WHERE t.id = a.id
$$;

CREATE FUNCTION assignment_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_task_rollup(ARRAY(SELECT DISTINCT task_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_task_rollup(ARRAY(SELECT DISTINCT task_id FROM old_rows));
  ELSE
    PERFORM refresh_task_rollup(ARRAY(SELECT task_id FROM new_rows UNION SELECT task_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER assignment_rollup_ins AFTER INSERT ON assignment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assignment_rollup_trigger();
CREATE TRIGGER assignment_rollup_upd AFTER UPDATE ON assignment REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assignment_rollup_trigger();
CREATE TRIGGER assignment_rollup_del AFTER DELETE ON assignment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION assignment_rollup_trigger();

CREATE FUNCTION task_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_task_rollup(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER task_rollup_ins AFTER INSERT ON task FOR EACH ROW EXECUTE FUNCTION task_rollup_trigger();
CREATE TRIGGER task_rollup_upd AFTER UPDATE OF due_date, deadline_kind ON task FOR EACH ROW EXECUTE FUNCTION task_rollup_trigger();
