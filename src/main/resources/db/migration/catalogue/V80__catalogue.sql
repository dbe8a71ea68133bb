-- The catalogues of issue 15: big problems (bài toán lớn) with their life cycle, the information-systems
-- inventory, technology needs and offers with the connections DoST makes, initiatives with the panel's scores.
-- Every register keeps an accent-folded key of its title (search_key) with a trigram index: the search of the
-- lists and the duplicate check on entry (similarity across big problems, initiatives and systems) use it.

CREATE TABLE big_problem (
  id                   bigserial PRIMARY KEY,
  title                varchar(500) NOT NULL,
  statement            text NOT NULL,
  expected_product     varchar(2000),
  timeline             varchar(300),
  cost_estimate        bigint CHECK (cost_estimate IS NULL OR cost_estimate >= 0),
  proposing_agency_id  bigint NOT NULL REFERENCES agency(id),
  lead_agency_id       bigint REFERENCES agency(id),
  national_programme   varchar(500),
  source_document      varchar(300),
  state                varchar(20) NOT NULL DEFAULT 'PROPOSED'
                       CHECK (state IN ('PROPOSED', 'UNDER_REVIEW', 'RETURNED', 'REFUSED', 'SELECTED', 'ORDERED',
                                        'IN_PROGRESS', 'ACCEPTED', 'PUBLISHED')),
  reason               varchar(2000),
  review               jsonb,
  review_score         int,
  decision_number      varchar(100),
  decision_date        date,
  plan_id              bigint,
  task_ids             bigint[] NOT NULL DEFAULT '{}',
  accepted_on          date,
  acceptance_note      varchar(4000),
  published_on         date,
  demo                 boolean NOT NULL DEFAULT false,
  title_key            text GENERATED ALWAYS AS (search_key(title)) STORED,
  search               text GENERATED ALWAYS AS (search_key(title || ' ' || statement || ' ' || coalesce(expected_product, '')
                                                 || ' ' || coalesce(national_programme, ''))) STORED,
  created_by           bigint REFERENCES app_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX big_problem_title_trgm ON big_problem USING gin (title_key gin_trgm_ops);
CREATE INDEX big_problem_search_trgm ON big_problem USING gin (search gin_trgm_ops);
CREATE INDEX big_problem_state_idx ON big_problem(state, id);
CREATE INDEX big_problem_agency_idx ON big_problem(proposing_agency_id, id);

CREATE TABLE big_problem_history (
  id          bigserial PRIMARY KEY,
  problem_id  bigint NOT NULL REFERENCES big_problem(id) ON DELETE CASCADE,
  from_state  varchar(20),
  to_state    varchar(20) NOT NULL,
  note        varchar(4000),
  actor_id    bigint REFERENCES app_user(id),
  actor_name  varchar(300),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX big_problem_history_idx ON big_problem_history(problem_id, id);

CREATE TABLE big_problem_file (
  id           bigserial PRIMARY KEY,
  problem_id   bigint NOT NULL REFERENCES big_problem(id) ON DELETE CASCADE,
  file_name    varchar(300) NOT NULL,
  content_type varchar(100) NOT NULL,
  size_bytes   bigint NOT NULL,
  sha256       varchar(64) NOT NULL,
  data         bytea NOT NULL,
  uploaded_by  bigint REFERENCES app_user(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX big_problem_file_idx ON big_problem_file(problem_id);

CREATE TABLE info_system (
  id                   bigserial PRIMARY KEY,
  name                 varchar(500) NOT NULL,
  owner_agency_id      bigint NOT NULL REFERENCES agency(id),
  purpose              varchar(2000),
  kind                 varchar(20) NOT NULL CHECK (kind IN ('SOFTWARE', 'DATABASE', 'PLATFORM')),
  users                varchar(500),
  hosting              varchar(20) NOT NULL CHECK (hosting IN ('DATA_CENTRE', 'CLOUD', 'AGENCY')),
  security_level       int CHECK (security_level BETWEEN 1 AND 5),
  dossier_approved     boolean NOT NULL DEFAULT false,
  lgsp_connected       boolean NOT NULL DEFAULT false,
  ndxp_connected       boolean NOT NULL DEFAULT false,
  national_databases   varchar(1000),
  status               varchar(20) NOT NULL CHECK (status IN ('OPERATING', 'BUILDING', 'PLANNED', 'RETIRED')),
  year                 int CHECK (year IS NULL OR year BETWEEN 1990 AND 2100),
  cost                 bigint CHECK (cost IS NULL OR cost >= 0),
  task_ids             bigint[] NOT NULL DEFAULT '{}',
  big_problem_id       bigint REFERENCES big_problem(id),
  demo                 boolean NOT NULL DEFAULT false,
  name_key             text GENERATED ALWAYS AS (search_key(name)) STORED,
  purpose_key          text GENERATED ALWAYS AS (search_key(coalesce(purpose, ''))) STORED,
  search               text GENERATED ALWAYS AS (search_key(name || ' ' || coalesce(purpose, '') || ' '
                                                 || coalesce(national_databases, ''))) STORED,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX info_system_name_trgm ON info_system USING gin (name_key gin_trgm_ops);
CREATE INDEX info_system_search_trgm ON info_system USING gin (search gin_trgm_ops);
-- the computed indicators count from this index alone
CREATE INDEX info_system_counts_idx ON info_system(status) INCLUDE (hosting, lgsp_connected);
CREATE INDEX info_system_agency_idx ON info_system(owner_agency_id, id);

CREATE TABLE tech_need (
  id                   bigserial PRIMARY KEY,
  source_kind          varchar(20) NOT NULL CHECK (source_kind IN ('AGENCY', 'FIRM')),
  agency_id            bigint REFERENCES agency(id),
  organisation         varchar(300),
  field                varchar(100) NOT NULL,
  title                varchar(500) NOT NULL,
  description          text NOT NULL,
  expected_solution    varchar(2000),
  budget_min           bigint CHECK (budget_min IS NULL OR budget_min >= 0),
  budget_max           bigint CHECK (budget_max IS NULL OR budget_max >= 0),
  contact              varchar(300),
  state                varchar(20) NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'CONNECTED', 'CLOSED')),
  demo                 boolean NOT NULL DEFAULT false,
  title_key            text GENERATED ALWAYS AS (search_key(title)) STORED,
  search               text GENERATED ALWAYS AS (search_key(field || ' ' || title || ' ' || description || ' '
                                                 || coalesce(expected_solution, ''))) STORED,
  created_by           bigint REFERENCES app_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX tech_need_search_trgm ON tech_need USING gin (search gin_trgm_ops);
CREATE INDEX tech_need_field_idx ON tech_need(field, id);

CREATE TABLE tech_offer (
  id                   bigserial PRIMARY KEY,
  provider_kind        varchar(20) NOT NULL CHECK (provider_kind IN ('INSTITUTE', 'UNIVERSITY', 'FIRM')),
  provider             varchar(300) NOT NULL,
  field                varchar(100) NOT NULL,
  title                varchar(500) NOT NULL,
  description          text NOT NULL,
  contact              varchar(300),
  demo                 boolean NOT NULL DEFAULT false,
  title_key            text GENERATED ALWAYS AS (search_key(title)) STORED,
  search               text GENERATED ALWAYS AS (search_key(field || ' ' || title || ' ' || description || ' ' || provider)) STORED,
  created_by           bigint REFERENCES app_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX tech_offer_search_trgm ON tech_offer USING gin (search gin_trgm_ops);
CREATE INDEX tech_offer_field_idx ON tech_offer(field, id);

CREATE TABLE tech_connection (
  id            bigserial PRIMARY KEY,
  need_id       bigint NOT NULL REFERENCES tech_need(id) ON DELETE CASCADE,
  offer_id      bigint NOT NULL REFERENCES tech_offer(id) ON DELETE CASCADE,
  note          varchar(2000),
  connected_by  bigint REFERENCES app_user(id),
  connected_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (need_id, offer_id)
);

CREATE TABLE initiative (
  id                   bigserial PRIMARY KEY,
  year                 int NOT NULL,
  title                varchar(500) NOT NULL,
  author               varchar(300) NOT NULL,
  organisation         varchar(300),
  agency_id            bigint REFERENCES agency(id),
  field                varchar(100) NOT NULL,
  summary              text NOT NULL,
  application          varchar(2000),
  state                varchar(20) NOT NULL DEFAULT 'SUBMITTED'
                       CHECK (state IN ('SUBMITTED', 'UNDER_EVALUATION', 'SELECTED', 'NOT_SELECTED', 'PUBLISHED')),
  average_score        numeric(6,2),
  demo                 boolean NOT NULL DEFAULT false,
  title_key            text GENERATED ALWAYS AS (search_key(title)) STORED,
  search               text GENERATED ALWAYS AS (search_key(title || ' ' || author || ' ' || coalesce(organisation, '')
                                                 || ' ' || field || ' ' || summary)) STORED,
  created_by           bigint REFERENCES app_user(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz,
  version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX initiative_title_trgm ON initiative USING gin (title_key gin_trgm_ops);
CREATE INDEX initiative_search_trgm ON initiative USING gin (search gin_trgm_ops);
CREATE INDEX initiative_year_idx ON initiative(year, state, id);

CREATE TABLE initiative_score (
  id             bigserial PRIMARY KEY,
  initiative_id  bigint NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
  member_id      bigint NOT NULL REFERENCES app_user(id),
  member_name    varchar(300) NOT NULL,
  score          numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  comment        varchar(4000),
  scored_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (initiative_id, member_id)
);
