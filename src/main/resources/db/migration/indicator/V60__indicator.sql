-- The indicator set (Bộ chỉ số phục vụ chỉ đạo, điều hành): definitions, targets, values from agencies,
-- and the province's figure per period kept up to date for the leaders' scoreboard.

CREATE TABLE indicator (
  id                    bigserial PRIMARY KEY,
  code                  varchar(50)   NOT NULL,
  name                  varchar(500)  NOT NULL,
  category              varchar(200),
  unit                  varchar(50)   NOT NULL,
  kind                  varchar(20)   NOT NULL,          -- ENTERED | COMPUTED
  aggregation           varchar(20),                     -- entered: SUM | RATIO | AVERAGE | MIN | MAX
  formula_kind          varchar(20),                     -- computed: RATIO | EXPRESSION
  numerator_code        varchar(50),
  denominator_code      varchar(50),
  expression            varchar(2000),
  direction             varchar(10)   NOT NULL,          -- HIGHER | LOWER
  frequency             varchar(20)   NOT NULL,          -- MONTHLY | QUARTERLY | HALF_YEARLY | YEARLY
  responsible_agency_id bigint        NOT NULL REFERENCES agency(id),
  data_source           varchar(1000),
  breakdown             varchar(20)   NOT NULL,          -- PROVINCE | AGENCY | COMMUNE
  baseline_value        numeric,
  baseline_year         int,
  green_pct             numeric       NOT NULL DEFAULT 100,
  amber_pct             numeric       NOT NULL DEFAULT 80,
  min_value             numeric,
  max_value             numeric,
  decimals              int           NOT NULL DEFAULT 2,
  due_days              int           NOT NULL DEFAULT 10,
  on_scoreboard         boolean       NOT NULL DEFAULT true,
  position              int           NOT NULL DEFAULT 0,
  active                boolean       NOT NULL DEFAULT true,
  version               bigint        NOT NULL DEFAULT 0,
  created_at            timestamptz   NOT NULL DEFAULT now(),
  updated_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicator_code_idx ON indicator(upper(code));

CREATE TABLE indicator_target (
  indicator_id bigint  NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  year         int     NOT NULL,
  value        numeric NOT NULL,
  note         varchar(500),
  PRIMARY KEY (indicator_id, year)
);

-- Agencies that report an indicator broken down by agency (empty: every active department).
CREATE TABLE indicator_reporter (
  indicator_id bigint NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  agency_id    bigint NOT NULL REFERENCES agency(id),
  PRIMARY KEY (indicator_id, agency_id)
);

CREATE TABLE indicator_file (
  id           bigserial PRIMARY KEY,
  indicator_id bigint       NOT NULL REFERENCES indicator(id),
  agency_id    bigint       NOT NULL REFERENCES agency(id),
  filename     varchar(255) NOT NULL,
  content_type varchar(120) NOT NULL,
  size_bytes   bigint       NOT NULL,
  sha256       varchar(64)  NOT NULL,
  data         bytea        NOT NULL,
  uploaded_by  bigint       NOT NULL,
  uploaded_at  timestamptz  NOT NULL
);

-- One agency's value of one indicator for one period. value/numerator/denominator are what was last
-- entered; approved_* the official figure (set when the agency head approves, kept while a correction
-- waits for approval, cleared when DoST returns the value). Computed indicators' values are rows too
-- (state COMPUTED), recomputed whenever an input changes.
CREATE TABLE indicator_value (
  id                   bigserial PRIMARY KEY,
  indicator_id         bigint      NOT NULL REFERENCES indicator(id),
  agency_id            bigint      NOT NULL REFERENCES agency(id),
  period_start         date        NOT NULL,
  value                numeric,
  numerator            numeric,
  denominator          numeric,
  state                varchar(12) NOT NULL,              -- DRAFT | APPROVED | RETURNED | COMPUTED
  approved_value       numeric,
  approved_numerator   numeric,
  approved_denominator numeric,
  flag                 varchar(600),
  source_note          varchar(1000),
  file_id              bigint REFERENCES indicator_file(id),
  return_reason        varchar(1000),
  entered_by           bigint,
  entered_at           timestamptz,
  approved_by          bigint,
  approved_at          timestamptz,
  version              bigint      NOT NULL DEFAULT 0,
  CONSTRAINT indicator_value_cell UNIQUE (indicator_id, period_start, agency_id)
);
-- an agency's own series (data-entry page, the jump check, the periodic report)
CREATE INDEX indicator_value_agency_idx ON indicator_value(agency_id, indicator_id, period_start);
CREATE INDEX indicator_value_draft_idx ON indicator_value(agency_id) WHERE state = 'DRAFT';
CREATE INDEX indicator_value_returned_idx ON indicator_value(agency_id) WHERE state = 'RETURNED';

-- The province's figure of each indicator per period: entered indicators aggregated over agencies'
-- approved values (Aggregation), computed ones evaluated over their inputs' figures (Formula). Kept on
-- every change so the scoreboard reads a few thousand rows, never the millions of values.
CREATE TABLE indicator_rollup (
  indicator_id bigint      NOT NULL REFERENCES indicator(id),
  period_start date        NOT NULL,
  value        numeric,
  numerator    numeric,
  denominator  numeric,
  reported     int         NOT NULL DEFAULT 0,
  problem      varchar(300),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_start)
);

CREATE TABLE indicator_value_history (
  id           bigserial PRIMARY KEY,
  value_id     bigint       NOT NULL REFERENCES indicator_value(id),
  action       varchar(20)  NOT NULL,                     -- ENTERED | APPROVED | RETURNED
  state        varchar(12)  NOT NULL,
  value        numeric,
  numerator    numeric,
  denominator  numeric,
  note         varchar(1000),
  actor_id     bigint,
  actor_name   varchar(300),
  occurred_at  timestamptz  NOT NULL
);
CREATE INDEX indicator_value_history_value_idx ON indicator_value_history(value_id, occurred_at);
