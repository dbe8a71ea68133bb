-- Ad hoc data calls (báo cáo đột xuất): a call with its requesting document, its questions, its target agencies,
-- one response per agency with its answers, and the files uploaded (answers, question templates, attachments).
CREATE TABLE data_call (
  id              bigserial PRIMARY KEY,
  title           varchar(500)  NOT NULL,
  year            int           NOT NULL,
  request_number  varchar(100),
  request_date    date,
  request_issuer  varchar(300),
  request_subject varchar(1000),
  due_date        date          NOT NULL,
  state           varchar(14)   NOT NULL DEFAULT 'DRAFT',   -- DRAFT | OPEN | CLOSED | CONSOLIDATED
  copied_from     bigint REFERENCES data_call(id),
  created_by      bigint,
  created_at      timestamptz   NOT NULL DEFAULT now(),
  opened_at       timestamptz,
  closed_at       timestamptz,
  consolidated_at timestamptz,
  version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX data_call_state ON data_call(state, due_date);

CREATE TABLE data_call_question (
  id        bigserial PRIMARY KEY,
  call_id   bigint        NOT NULL REFERENCES data_call(id) ON DELETE CASCADE,
  position  int           NOT NULL,
  code      varchar(30)   NOT NULL,
  section   varchar(300),
  text      varchar(2000) NOT NULL,
  kind      varchar(12)   NOT NULL,   -- NUMBER | PERCENT | TEXT | YES_NO | CHOICE | FILE | PER_COMMUNE
  unit      varchar(50),
  choices   varchar(2000),            -- CHOICE: one option a line
  required  boolean       NOT NULL DEFAULT false,
  prefill   varchar(120),             -- INDICATOR:<code> | TASKS_DONE | TASKS_OVERDUE | TASKS_TOTAL
  UNIQUE (call_id, code)
);
CREATE INDEX data_call_question_call ON data_call_question(call_id, position);

CREATE TABLE data_call_target (
  call_id       bigint NOT NULL REFERENCES data_call(id) ON DELETE CASCADE,
  agency_id     bigint NOT NULL REFERENCES agency(id),
  via_agency_id bigint REFERENCES agency(id),
  PRIMARY KEY (call_id, agency_id)
);
-- the collectives (and single agencies) DoST chose, as chosen
CREATE TABLE data_call_target_choice (
  call_id   bigint NOT NULL REFERENCES data_call(id) ON DELETE CASCADE,
  agency_id bigint NOT NULL REFERENCES agency(id),
  PRIMARY KEY (call_id, agency_id)
);

CREATE TABLE data_call_response (
  id           bigserial PRIMARY KEY,
  call_id      bigint       NOT NULL REFERENCES data_call(id) ON DELETE CASCADE,
  agency_id    bigint       NOT NULL REFERENCES agency(id),
  state        varchar(12)  NOT NULL DEFAULT 'DRAFT',   -- DRAFT | SUBMITTED
  submitted_at timestamptz,
  submitted_on date,
  submitted_by bigint,
  updated_at   timestamptz  NOT NULL DEFAULT now(),
  updated_by   bigint,
  version      bigint       NOT NULL DEFAULT 0,
  UNIQUE (call_id, agency_id)
);

CREATE TABLE data_call_file (
  id           bigserial PRIMARY KEY,
  call_id      bigint       NOT NULL REFERENCES data_call(id) ON DELETE CASCADE,
  agency_id    bigint,
  purpose      varchar(12)  NOT NULL,   -- ANSWER_FILE | UPLOAD | QUESTIONS
  filename     varchar(255) NOT NULL,
  content_type varchar(120) NOT NULL,
  size_bytes   bigint       NOT NULL,
  data         bytea        NOT NULL,
  uploaded_by  bigint,
  uploaded_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE data_call_answer (
  response_id bigint NOT NULL REFERENCES data_call_response(id) ON DELETE CASCADE,
  question_id bigint NOT NULL REFERENCES data_call_question(id) ON DELETE CASCADE,
  num_value   numeric,
  numerator   numeric,
  denominator numeric,
  text_value  varchar(4000),
  bool_value  boolean,
  file_id     bigint REFERENCES data_call_file(id),
  source_note varchar(500),
  PRIMARY KEY (response_id, question_id)
);
CREATE INDEX data_call_answer_question ON data_call_answer(question_id);

CREATE TABLE data_call_commune_value (
  response_id bigint  NOT NULL REFERENCES data_call_response(id) ON DELETE CASCADE,
  question_id bigint  NOT NULL REFERENCES data_call_question(id) ON DELETE CASCADE,
  commune_id  bigint  NOT NULL REFERENCES agency(id),
  value       numeric NOT NULL,
  PRIMARY KEY (response_id, question_id, commune_id)
);
CREATE INDEX data_call_commune_value_question ON data_call_commune_value(question_id, commune_id);
