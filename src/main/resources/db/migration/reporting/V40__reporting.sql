-- Periodic reporting (vn.nq57.reporting): reporting regimes and their periods, the report every agency owes
-- for each period, and DoST's consolidated report. The calendar rules live in ReportingCalendar.java; this
-- schema stores their inputs (regime versions) and their results (periods), so that figures are aggregates
-- over indexed rows.

-- A reporting regime (chế độ báo cáo): what is reported how often. Its rules are versioned below.
CREATE TABLE reporting_regime (
  id          bigserial PRIMARY KEY,
  code        varchar(40)  NOT NULL UNIQUE,
  name        varchar(300) NOT NULL,
  frequency   varchar(20)  NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
  -- the plan whose tasks the reports cover; NULL: every task
  plan_id     bigint REFERENCES plan(id),
  -- a province that starts using the system mid-year owes reports on it from this day (periods due on or after)
  expected_from date,
  source_note varchar(1000),
  position    int NOT NULL DEFAULT 0,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The rule in force from valid_from (see ReportingCalendar.Rule), and which kinds of agency must report.
-- A period is governed by the version in force on its first day; a suspended version ends the regime.
CREATE TABLE reporting_regime_version (
  id               bigserial PRIMARY KEY,
  regime_id        bigint NOT NULL REFERENCES reporting_regime(id) ON DELETE CASCADE,
  valid_from       date NOT NULL,
  suspended        boolean NOT NULL DEFAULT false,
  due_month        int NOT NULL,
  due_day          int NOT NULL,
  due_before       boolean NOT NULL,
  window_end_month int NOT NULL,
  window_end_day   int NOT NULL,
  grace_days       int NOT NULL,
  agency_kinds     varchar(300) NOT NULL DEFAULT '',
  note             varchar(1000),
  created_by       varchar(300),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (regime_id, valid_from)
);

-- Agencies named one by one: included although not of a listed kind, or excluded although they are; dated,
-- so that ending an exception does not rewrite earlier periods.
CREATE TABLE reporting_regime_agency (
  id         bigserial PRIMARY KEY,
  regime_id  bigint NOT NULL REFERENCES reporting_regime(id) ON DELETE CASCADE,
  agency_id  bigint NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  mode       varchar(10) NOT NULL CHECK (mode IN ('INCLUDE', 'EXCLUDE')),
  valid_from date,
  valid_to   date,
  note       varchar(500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reporting_regime_agency_idx ON reporting_regime_agency(regime_id, agency_id);

-- Since when, and until when, an agency owes reports: an agency created mid-year reports from its first day, a
-- merged one until its last. Recorded automatically the day the registry shows the change (until_auto), and
-- corrected by DoST when the legal date differs.
CREATE TABLE reporting_agency_span (
  agency_id           bigint PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
  reports_from        date,
  reports_until       date,
  until_auto          boolean NOT NULL DEFAULT false,
  successor_agency_id bigint REFERENCES agency(id),
  note                varchar(500),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The periods of each regime, as ReportingCalendar computes them (materialised so that every query can join them).
CREATE TABLE reporting_period (
  id           bigserial PRIMARY KEY,
  regime_id    bigint NOT NULL REFERENCES reporting_regime(id) ON DELETE CASCADE,
  version_id   bigint NOT NULL REFERENCES reporting_regime_version(id),
  period_key   varchar(10) NOT NULL,
  year         int  NOT NULL,
  idx          int  NOT NULL,
  label        varchar(60) NOT NULL,
  starts_on    date NOT NULL,
  ends_on      date NOT NULL,
  window_start date NOT NULL,
  window_end   date NOT NULL,
  due_date     date NOT NULL,
  lock_date    date NOT NULL,
  active       boolean NOT NULL DEFAULT true,
  UNIQUE (regime_id, period_key)
);
CREATE INDEX reporting_period_year_idx ON reporting_period(regime_id, year, starts_on);
CREATE INDEX reporting_period_due_idx ON reporting_period(due_date) WHERE active;

-- Which agency owes a report for which period: the rule of ReportingService.sync() in SQL. An agency is
-- expected when, on the period's due date, it is within its reporting span (or, without a span, active), and it
-- is of a kind the governing version lists and not excluded, or explicitly included.
CREATE VIEW reporting_expectation AS
SELECT p.id AS period_id, a.id AS agency_id
FROM reporting_period p
JOIN reporting_regime rg ON rg.id = p.regime_id
JOIN reporting_regime_version v ON v.id = p.version_id
JOIN agency a ON a.kind <> 'COLLECTIVE'
LEFT JOIN reporting_agency_span s ON s.agency_id = a.id
WHERE p.active AND NOT v.suspended AND (rg.expected_from IS NULL OR p.due_date >= rg.expected_from)
  AND CASE WHEN s.agency_id IS NULL THEN a.active
           ELSE (s.reports_from IS NULL OR s.reports_from <= p.due_date)
            AND (s.reports_until IS NULL OR p.due_date <= s.reports_until) END
  AND ((a.kind = ANY (string_to_array(v.agency_kinds, ','))
        AND NOT EXISTS (SELECT 1 FROM reporting_regime_agency o
                        WHERE o.regime_id = p.regime_id AND o.agency_id = a.id AND o.mode = 'EXCLUDE'
                          AND (o.valid_from IS NULL OR o.valid_from <= p.due_date)
                          AND (o.valid_to IS NULL OR p.due_date <= o.valid_to)))
    OR EXISTS (SELECT 1 FROM reporting_regime_agency o
               WHERE o.regime_id = p.regime_id AND o.agency_id = a.id AND o.mode = 'INCLUDE'
                 AND (o.valid_from IS NULL OR o.valid_from <= p.due_date)
                 AND (o.valid_to IS NULL OR p.due_date <= o.valid_to)));

-- One row per agency and period it owes (or once owed, or reported for although not asked: expected = false).
-- The row is the grid cell; content is the agency's working copy, frozen while submitted or accepted.
CREATE TABLE periodic_report (
  id                 bigserial PRIMARY KEY,
  period_id          bigint NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
  agency_id          bigint NOT NULL REFERENCES agency(id),
  expected           boolean NOT NULL DEFAULT true,
  state              varchar(20) NOT NULL DEFAULT 'NOT_STARTED'
                     CHECK (state IN ('NOT_STARTED', 'DRAFT', 'APPROVED', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
  revision           int NOT NULL DEFAULT 0,
  content            jsonb,
  data_as_of         date,
  first_submitted_on date,
  submitted_on       date,
  submitted_at       timestamptz,
  submitted_by       bigint REFERENCES app_user(id),
  approved_by        bigint REFERENCES app_user(id),
  approved_at        timestamptz,
  reviewed_by        bigint REFERENCES app_user(id),
  reviewed_at        timestamptz,
  return_reason      varchar(2000),
  reopened_until     date,
  created_by         bigint REFERENCES app_user(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz,
  version            bigint NOT NULL DEFAULT 0
);
-- the grid and the rates read (period, agency) → expected, state, first submission from the index alone
CREATE UNIQUE INDEX periodic_report_cell_idx ON periodic_report(period_id, agency_id)
  INCLUDE (expected, state, first_submitted_on);
CREATE INDEX periodic_report_agency_idx ON periodic_report(agency_id, period_id);

CREATE FUNCTION periodic_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IN ('SUBMITTED', 'ACCEPTED') AND NEW.content IS DISTINCT FROM OLD.content THEN
    RAISE EXCEPTION 'periodic report % was submitted: its content cannot change', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER periodic_report_guard BEFORE UPDATE ON periodic_report
  FOR EACH ROW EXECUTE FUNCTION periodic_report_guard();

-- Every submission as it was sent, and every step of the workflow: append-only.
CREATE TABLE periodic_report_submission (
  id                bigserial PRIMARY KEY,
  report_id         bigint NOT NULL REFERENCES periodic_report(id),
  revision          int NOT NULL,
  submitted_on      date NOT NULL,
  submitted_at      timestamptz NOT NULL,
  submitted_by      bigint REFERENCES app_user(id),
  submitted_by_name varchar(300),
  content           jsonb NOT NULL,
  UNIQUE (report_id, revision)
);

CREATE TABLE periodic_report_step (
  id         bigserial PRIMARY KEY,
  report_id  bigint NOT NULL REFERENCES periodic_report(id),
  step       varchar(30) NOT NULL,
  revision   int NOT NULL,
  actor_id   bigint,
  actor_name varchar(300),
  at         timestamptz NOT NULL,
  note       varchar(2000)
);
CREATE INDEX periodic_report_step_idx ON periodic_report_step(report_id, at, id);

CREATE FUNCTION reporting_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER periodic_report_submission_append_only BEFORE UPDATE OR DELETE ON periodic_report_submission
  FOR EACH ROW EXECUTE FUNCTION reporting_append_only();
CREATE TRIGGER periodic_report_step_append_only BEFORE UPDATE OR DELETE ON periodic_report_step
  FOR EACH ROW EXECUTE FUNCTION reporting_append_only();

-- DoST's consolidated report for a period: generated (data frozen), edited (sections), released (files kept).
CREATE TABLE consolidated_report (
  id           bigserial PRIMARY KEY,
  period_id    bigint NOT NULL REFERENCES reporting_period(id),
  state        varchar(20) NOT NULL CHECK (state IN ('DRAFT', 'RELEASED')),
  number       varchar(100),
  doc_date     date,
  header       jsonb NOT NULL,
  sections     jsonb NOT NULL,
  data         jsonb NOT NULL,
  generated_at timestamptz NOT NULL,
  generated_by bigint REFERENCES app_user(id),
  updated_at   timestamptz,
  updated_by   bigint REFERENCES app_user(id),
  released_at  timestamptz,
  released_by  bigint REFERENCES app_user(id),
  docx         bytea,
  xlsx         bytea,
  version      bigint NOT NULL DEFAULT 0
);
CREATE INDEX consolidated_report_period_idx ON consolidated_report(period_id, id);

CREATE FUNCTION consolidated_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'RELEASED' THEN
    RAISE EXCEPTION 'consolidated report % was released: it cannot change', OLD.id;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER consolidated_report_guard BEFORE UPDATE OR DELETE ON consolidated_report
  FOR EACH ROW EXECUTE FUNCTION consolidated_report_guard();

-- The regime of the 2026 plan (003, section IV), every department and commune reporting to DoST.
INSERT INTO reporting_regime(code, name, frequency, source_note, position) VALUES
  ('KH2026-THANG', 'Báo cáo tháng', 'MONTHLY',
   'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm 2026, mục IV: báo cáo tháng (trước ngày 10 hằng tháng)', 1),
  ('KH2026-QUY', 'Báo cáo quý', 'QUARTERLY',
   'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm 2026, mục IV: báo cáo quý (trước ngày 10 của tháng cuối quý)', 2),
  ('KH2026-NAM', 'Báo cáo năm', 'YEARLY',
   'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm 2026, mục IV: báo cáo năm (trước ngày 10 tháng 11 hằng năm)', 3);
INSERT INTO reporting_regime_version(regime_id, valid_from, due_month, due_day, due_before, window_end_month,
                                     window_end_day, grace_days, agency_kinds, note, created_by)
SELECT r.id, DATE '2026-01-01', x.due_month, 10, true, x.window_end_month, 31, 10, 'DEPARTMENT,COMMUNE',
       'Các sở, ban, ngành và UBND các xã, phường, đặc khu báo cáo về Sở Khoa học và Công nghệ', 'hệ thống'
FROM reporting_regime r
JOIN (VALUES ('KH2026-THANG', 2, 1), ('KH2026-QUY', 3, 2), ('KH2026-NAM', 11, 10)) x(code, due_month, window_end_month)
  ON x.code = r.code;

-- The consolidated report's letterhead and routing (an administrator edits them in the setting table).
INSERT INTO setting(key, value) VALUES
  ('reporting.issuer-parent', 'UBND TỈNH QUẢNG NGÃI'),
  ('reporting.issuer', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'),
  ('reporting.issuer-symbol', 'SKHCN'),
  ('reporting.issuer-name', 'Sở Khoa học và Công nghệ'),
  ('reporting.place', 'Quảng Ngãi'),
  ('reporting.addressee', 'Ủy ban nhân dân tỉnh'),
  ('reporting.recipients', 'UBND tỉnh (báo cáo);|Ban Chỉ đạo tỉnh về phát triển KHCN, ĐMST và CĐS (báo cáo);|Các sở, ban, ngành, địa phương;|Lưu: VT, KH&ĐMST.'),
  ('reporting.signer-authority', 'KT. GIÁM ĐỐC'),
  ('reporting.signer-title', 'PHÓ GIÁM ĐỐC'),
  ('reporting.signer-name', '');
