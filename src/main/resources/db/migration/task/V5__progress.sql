CREATE TABLE attachment (
  id           bigserial PRIMARY KEY,
  filename     varchar(300) NOT NULL,
  content_type varchar(150) NOT NULL,
  size_bytes   bigint NOT NULL,
  sha256       varchar(64) NOT NULL,
  data         bytea NOT NULL,
  agency_id    bigint NOT NULL REFERENCES agency(id),
  uploaded_by  bigint NOT NULL REFERENCES app_user(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE progress_update (
  id            bigserial PRIMARY KEY,
  assignment_id bigint NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
  reported_on   date NOT NULL,
  percent       int NOT NULL CHECK (percent BETWEEN 0 AND 100),
  results       text,
  output_number varchar(100),
  output_date   date,
  attachment_id bigint REFERENCES attachment(id),
  obstacles     text,
  proposals     text,
  author_id     bigint NOT NULL REFERENCES app_user(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX progress_update_assignment_idx ON progress_update(assignment_id, created_at);

-- draft claim by the officer -> approved by the agency head -> confirmed or returned by DoST
CREATE TABLE completion_claim (
  id            bigserial PRIMARY KEY,
  assignment_id bigint NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
  completed_on  date NOT NULL,
  evidence      text NOT NULL,
  output_number varchar(100),
  output_date   date,
  attachment_id bigint REFERENCES attachment(id),
  state         varchar(20) NOT NULL,
  claimed_by    bigint NOT NULL REFERENCES app_user(id),
  claimed_at    timestamptz NOT NULL,
  approved_by   bigint REFERENCES app_user(id),
  approved_at   timestamptz,
  reviewed_by   bigint REFERENCES app_user(id),
  reviewed_at   timestamptz,
  return_reason varchar(2000)
);
CREATE INDEX completion_claim_assignment_idx ON completion_claim(assignment_id);
CREATE INDEX completion_claim_state_idx ON completion_claim(state);

CREATE TABLE direction (
  id         bigserial PRIMARY KEY,
  task_id    bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  author_id  bigint NOT NULL REFERENCES app_user(id),
  content    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX direction_task_idx ON direction(task_id);
