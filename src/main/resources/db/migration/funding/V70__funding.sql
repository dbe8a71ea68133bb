-- Money (issue 14): funding calls, proposals per task, DoST's review, the province's allocation, reallocations,
-- disbursement reports and the budget totals the 3% / 15% shares are measured against. Amounts are whole đồng
-- in NUMERIC(18,0); every sum is taken in SQL. Other modules' data is read through their views only.

-- A call for proposals (đợt đề xuất) for budget years year_from..year_to, opened by DoST.
CREATE TABLE funding_call (
  id             bigserial PRIMARY KEY,
  title          text NOT NULL,
  year_from      int NOT NULL,
  year_to        int NOT NULL,
  closes_on      date NOT NULL,
  review_due     date NOT NULL,
  state          text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'SENT', 'DECIDED')),
  letter_number  text,
  sent_on        date,
  decision_number text,
  decision_date  date,
  decision_signer text,
  decision_demo  boolean NOT NULL DEFAULT false,
  created_by     bigint,
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        bigint NOT NULL DEFAULT 0,
  CHECK (year_to >= year_from AND year_to - year_from <= 5),
  CHECK (review_due >= closes_on)
);

-- A proposal (đề xuất phân khai kinh phí) of one agency for one task.
CREATE TABLE funding_proposal (
  id              bigserial PRIMARY KEY,
  call_id         bigint NOT NULL REFERENCES funding_call(id),
  task_id         bigint NOT NULL,
  agency_id       bigint NOT NULL,
  source          text NOT NULL,
  category        text NOT NULL,
  amount          numeric(18,0) NOT NULL CHECK (amount > 0),
  approved_amount numeric(18,0) CHECK (approved_amount > 0),
  justification   text NOT NULL,
  expected_output text,
  state           text NOT NULL,
  review_reason   text,
  duplicate_of    bigint REFERENCES funding_proposal(id),
  duplicate_note  text,
  estimate_file_id bigint,
  created_by      bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  reviewed_at     timestamptz,
  version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX funding_proposal_call_state_idx ON funding_proposal(call_id, state, agency_id);
CREATE INDEX funding_proposal_agency_idx ON funding_proposal(agency_id, call_id);
CREATE INDEX funding_proposal_task_idx ON funding_proposal(task_id);

-- The split of a proposal's amount per budget year (the proposal's amount is their sum).
CREATE TABLE funding_proposal_year (
  proposal_id bigint NOT NULL REFERENCES funding_proposal(id) ON DELETE CASCADE,
  year        int NOT NULL,
  amount      numeric(18,0) NOT NULL CHECK (amount > 0),
  PRIMARY KEY (proposal_id, year)
);

-- Every transition of a proposal: who, when, state before and after, amount before and after, reason.
CREATE TABLE funding_proposal_step (
  id           bigserial PRIMARY KEY,
  proposal_id  bigint NOT NULL REFERENCES funding_proposal(id) ON DELETE CASCADE,
  from_state   text,
  to_state     text NOT NULL,
  amount_before numeric(18,0),
  amount_after numeric(18,0),
  reason       text,
  actor_id     bigint,
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL
);
CREATE INDEX funding_proposal_step_idx ON funding_proposal_step(proposal_id, at);

-- The estimate (dự toán) attached to a proposal, judged by content.
CREATE TABLE funding_file (
  id           bigserial PRIMARY KEY,
  agency_id    bigint NOT NULL,
  filename     text NOT NULL,
  content_type text NOT NULL,
  size_bytes   bigint NOT NULL,
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  uploaded_by  bigint,
  uploaded_at  timestamptz NOT NULL
);
ALTER TABLE funding_proposal ADD CONSTRAINT funding_proposal_file_fk FOREIGN KEY (estimate_file_id) REFERENCES funding_file(id);

-- The province's allocation per task, agency, source and category, by decision. Never overwritten: the current
-- figure is the original plus reallocations in minus reallocations out.
CREATE TABLE funding_allocation (
  id              bigserial PRIMARY KEY,
  call_id         bigint REFERENCES funding_call(id),
  proposal_id     bigint REFERENCES funding_proposal(id),
  task_id         bigint NOT NULL,
  agency_id       bigint NOT NULL,
  year            int NOT NULL,
  source          text NOT NULL,
  category        text NOT NULL,
  amount          numeric(18,0) NOT NULL CHECK (amount > 0),
  decision_number text NOT NULL,
  decision_date   date NOT NULL,
  decision_signer text,
  demo            boolean NOT NULL DEFAULT false,
  created_by      bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- kept by the triggers below from funding_reallocation and funding_disbursement (never typed): the dashboards
  -- read 200.000 allocations without summing a million rows
  moved_in        numeric(18,0) NOT NULL DEFAULT 0,
  moved_out       numeric(18,0) NOT NULL DEFAULT 0,
  disbursed       numeric(18,0) NOT NULL DEFAULT 0
);
CREATE INDEX funding_allocation_year_idx ON funding_allocation(year, agency_id);
CREATE INDEX funding_allocation_agency_idx ON funding_allocation(agency_id, year);
CREATE UNIQUE INDEX funding_allocation_proposal_year_idx ON funding_allocation(proposal_id, year) WHERE proposal_id IS NOT NULL;

-- Điều chuyển: money moved from one allocation to another by decision.
CREATE TABLE funding_reallocation (
  id               bigserial PRIMARY KEY,
  from_allocation  bigint NOT NULL REFERENCES funding_allocation(id),
  to_allocation    bigint NOT NULL REFERENCES funding_allocation(id),
  amount           numeric(18,0) NOT NULL CHECK (amount > 0),
  decision_number  text NOT NULL,
  decision_date    date NOT NULL,
  reason           text NOT NULL,
  created_by       bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (from_allocation <> to_allocation)
);
CREATE INDEX funding_reallocation_from_idx ON funding_reallocation(from_allocation);
CREATE INDEX funding_reallocation_to_idx ON funding_reallocation(to_allocation);

-- Giải ngân: what an agency disbursed in one month or quarter against an allocation.
CREATE TABLE funding_disbursement (
  id            bigserial PRIMARY KEY,
  allocation_id bigint NOT NULL REFERENCES funding_allocation(id),
  period_kind   text NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER')),
  period_year   int NOT NULL,
  period_index  int NOT NULL,
  period_end    date NOT NULL,
  amount        numeric(18,0) NOT NULL CHECK (amount >= 0),
  lag_reason    text,
  reported_by   bigint,
  reported_at   timestamptz NOT NULL,
  version       bigint NOT NULL DEFAULT 0,
  UNIQUE (allocation_id, period_kind, period_year, period_index)
);
CREATE INDEX funding_disbursement_alloc_idx ON funding_disbursement(allocation_id, period_end);

-- Budget totals per year entered by Sở Tài chính: what the two shares are measured against.
CREATE TABLE funding_budget (
  year            int PRIMARY KEY,
  local_spending  numeric(18,0) NOT NULL CHECK (local_spending > 0),
  science_budget  numeric(18,0) NOT NULL CHECK (science_budget > 0),
  note            text,
  updated_by      bigint,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL DEFAULT 0
);

-- The totals of each allocation touched by a statement on reallocations or disbursements, recomputed from the rows
-- (statement-level, so a bulk load updates each allocation once).
CREATE FUNCTION funding_allocation_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_allocation a
     SET moved_in = COALESCE((SELECT sum(r.amount) FROM funding_reallocation r WHERE r.to_allocation = a.id), 0),
         moved_out = COALESCE((SELECT sum(r.amount) FROM funding_reallocation r WHERE r.from_allocation = a.id), 0)
   WHERE a.id IN (SELECT from_allocation FROM changed UNION SELECT to_allocation FROM changed);
  RETURN NULL;
END $$;
CREATE TRIGGER funding_reallocation_ins AFTER INSERT ON funding_reallocation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_moved();
CREATE TRIGGER funding_reallocation_upd AFTER UPDATE ON funding_reallocation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_moved();
CREATE TRIGGER funding_reallocation_del AFTER DELETE ON funding_reallocation REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_moved();

CREATE FUNCTION funding_allocation_disbursed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funding_allocation a
     SET disbursed = COALESCE((SELECT sum(d.amount) FROM funding_disbursement d WHERE d.allocation_id = a.id), 0)
   WHERE a.id IN (SELECT allocation_id FROM changed);
  RETURN NULL;
END $$;
CREATE TRIGGER funding_disbursement_ins AFTER INSERT ON funding_disbursement REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_disbursed();
CREATE TRIGGER funding_disbursement_upd AFTER UPDATE ON funding_disbursement REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_disbursed();
CREATE TRIGGER funding_disbursement_del AFTER DELETE ON funding_disbursement REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION funding_allocation_disbursed();

-- The current figure of each allocation (original + in − out) and what has been disbursed, for every reader.
CREATE VIEW funding_allocation_view AS
  SELECT a.id, a.call_id, a.proposal_id, a.task_id, a.agency_id, a.year, a.source, a.category, a.amount AS original,
         a.amount + a.moved_in - a.moved_out AS current_amount, a.disbursed,
         a.decision_number, a.decision_date, a.decision_signer, a.demo
  FROM funding_allocation a;
