-- Recommendations (kiến nghị) of citizens, firms and agencies, each routed to an agency with an answer deadline,
-- answered and published; and the queue of obstacles and proposals (khó khăn, vướng mắc, đề xuất) collected from
-- progress updates (progress_update_view) and submitted periodic reports (periodic_report_item_view), which DoST
-- groups, routes to the level that can decide and answers.

CREATE TABLE recommendation (
  id               bigserial PRIMARY KEY,
  channel          varchar(10) NOT NULL CHECK (channel IN ('STAFF', 'PUBLIC', 'IMPORT')),
  sender_kind      varchar(10) NOT NULL CHECK (sender_kind IN ('CITIZEN', 'FIRM', 'AGENCY')),
  sender_name      varchar(300) NOT NULL,
  sender_contact   varchar(300),
  sender_agency_id bigint REFERENCES agency(id),
  title            varchar(500) NOT NULL,
  content          text NOT NULL,
  state            varchar(12) NOT NULL DEFAULT 'RECEIVED'
                   CHECK (state IN ('RECEIVED', 'ROUTED', 'ANSWERED', 'PUBLISHED', 'CLOSED')),
  agency_id        bigint REFERENCES agency(id),
  received_on      date NOT NULL,
  routed_on        date,
  due_date         date,
  answer           text,
  answered_on      date,
  answered_by      bigint REFERENCES app_user(id),
  published_on     date,
  closed_on        date,
  close_note       varchar(2000),
  demo             boolean NOT NULL DEFAULT false,
  search           text GENERATED ALWAYS AS (search_key(title || ' ' || content || ' ' || sender_name)) STORED,
  created_by       bigint REFERENCES app_user(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz,
  version          bigint NOT NULL DEFAULT 0
);
CREATE INDEX recommendation_search_trgm ON recommendation USING gin (search gin_trgm_ops);
CREATE INDEX recommendation_state_idx ON recommendation(state, id);
CREATE INDEX recommendation_agency_idx ON recommendation(agency_id, state, due_date);

CREATE TABLE recommendation_history (
  id                bigserial PRIMARY KEY,
  recommendation_id bigint NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
  from_state        varchar(12),
  to_state          varchar(12) NOT NULL,
  note              varchar(4000),
  actor_name        varchar(300),
  at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_history_idx ON recommendation_history(recommendation_id, id);

CREATE TABLE obstacle_item (
  id            bigserial PRIMARY KEY,
  source_kind   varchar(10) NOT NULL CHECK (source_kind IN ('PROGRESS', 'REPORT')),
  source_id     bigint NOT NULL,
  source_seq    int NOT NULL DEFAULT 0,
  kind          varchar(10) NOT NULL CHECK (kind IN ('OBSTACLE', 'PROPOSAL')),
  agency_id     bigint REFERENCES agency(id),
  task_id       bigint,
  raised_on     date NOT NULL,
  text          text NOT NULL,
  group_label   varchar(300),
  level         varchar(10) CHECK (level IN ('PROVINCE', 'CENTRE')),
  state         varchar(10) NOT NULL DEFAULT 'NEW' CHECK (state IN ('NEW', 'ROUTED', 'ANSWERED')),
  answer        text,
  answered_on   date,
  answered_by   bigint REFERENCES app_user(id),
  direction_id  bigint,
  search        text GENERATED ALWAYS AS (search_key(text || ' ' || coalesce(group_label, ''))) STORED,
  collected_at  timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL DEFAULT 0,
  UNIQUE (source_kind, source_id, kind, source_seq)
);
CREATE INDEX obstacle_item_search_trgm ON obstacle_item USING gin (search gin_trgm_ops);
CREATE INDEX obstacle_item_state_idx ON obstacle_item(state, id);
CREATE INDEX obstacle_item_task_idx ON obstacle_item(task_id);
