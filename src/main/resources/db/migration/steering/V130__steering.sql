-- The Steering Committee's session cycle and the leaders' boards (module steering). Reads other modules only
-- through their published views; writes tasks through TaskImport.

-- A session (phiên họp thường kỳ, buổi làm việc với một cơ quan, hội nghị), its brief, its conclusion notice.
CREATE TABLE steering_session (
  id              bigserial PRIMARY KEY,
  kind            varchar(20)  NOT NULL,            -- REGULAR, WORKING, CONFERENCE
  held_on         date         NOT NULL,
  title           varchar(500) NOT NULL,
  chair           varchar(300) NOT NULL,           -- "Phó Chủ tịch UBND tỉnh Trần Phước Hiền"
  place           varchar(300),
  focus_agency_id bigint REFERENCES agency(id),    -- the agency of a working session: the brief is scoped to it
  agenda          text,                            -- agenda items, one a line
  -- the conclusion notice once issued: its number, day, the directive its tasks cite, the document itself
  notice_number   varchar(100),
  notice_issued_on date,
  notice_signer   varchar(300),
  directive_id    bigint,
  notice_docx     bytea,
  issued_by       bigint,
  version         bigint NOT NULL DEFAULT 0,
  created_by      bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX steering_session_held_idx ON steering_session(held_on);

CREATE TABLE steering_session_agency (
  session_id bigint NOT NULL REFERENCES steering_session(id) ON DELETE CASCADE,
  agency_id  bigint NOT NULL REFERENCES agency(id),
  PRIMARY KEY (session_id, agency_id)
);

-- A conclusion item as the secretary drafts it; task_id once the notice is issued.
CREATE TABLE steering_conclusion (
  id              bigserial PRIMARY KEY,
  session_id      bigint NOT NULL REFERENCES steering_session(id) ON DELETE CASCADE,
  position        int    NOT NULL,
  addressee       varchar(1000) NOT NULL DEFAULT '',  -- as typed: "Sở Tài chính; Sở Nội vụ", "Các sở, ban, ngành, địa phương"
  agency_ids      bigint[] NOT NULL DEFAULT '{}',     -- the registry's agencies (collectives kept as such)
  instruction     text   NOT NULL DEFAULT '',
  expected_output varchar(1000),
  deadline_phrase varchar(300) NOT NULL DEFAULT '',
  deadline_kind   varchar(20),
  due_date        date,
  report_back     boolean NOT NULL DEFAULT false,     -- "báo cáo kết quả" asked
  problem         varchar(1000),                      -- why the item is still a draft (null: ready)
  task_id         bigint,
  version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX steering_conclusion_session_idx ON steering_conclusion(session_id, position);
CREATE INDEX steering_conclusion_task_idx ON steering_conclusion(task_id) WHERE task_id IS NOT NULL;

-- A leader's board: widgets in order, filters, shared with a role (or not).
CREATE TABLE steering_board (
  id          bigserial PRIMARY KEY,
  owner_id    bigint NOT NULL,
  name        varchar(200) NOT NULL,
  widgets     text[] NOT NULL DEFAULT '{}',
  group_code  varchar(20),
  agency_kind varchar(30),
  commune_id  bigint,
  period      varchar(20) NOT NULL DEFAULT 'QUARTER',  -- MONTH, QUARTER, HALF, YEAR
  shared_role varchar(30),
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX steering_board_owner_idx ON steering_board(owner_id);
CREATE INDEX steering_board_shared_idx ON steering_board(shared_role) WHERE shared_role IS NOT NULL;

-- The ranking of a closed period as it was computed (weights included), so history never moves.
CREATE TABLE steering_ranking_history (
  period_label varchar(20) NOT NULL,              -- "2026-Q3"
  period_end   date        NOT NULL,
  agency_id    bigint      NOT NULL REFERENCES agency(id),
  rank         int         NOT NULL,
  score        numeric(7,2) NOT NULL,
  on_time_rate numeric(7,2),
  report_rate  numeric(7,2),
  indicator_rate numeric(7,2),
  weights      varchar(100) NOT NULL,
  computed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (period_label, agency_id)
);
