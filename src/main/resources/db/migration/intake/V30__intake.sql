-- Imports of plan appendices (Word/Excel) and conclusion notices: a draft the user reviews in the preview
-- (rows as the document wrote them, edited, kept or dropped), then writes in one transaction, or discards.
CREATE TABLE intake_batch (
  id             bigserial PRIMARY KEY,
  kind           varchar(20)  NOT NULL,                  -- PLAN_APPENDIX | NOTICE
  state          varchar(20)  NOT NULL DEFAULT 'DRAFT',  -- DRAFT | COMMITTED | DISCARDED
  file_name      varchar(300),
  file_sha256    varchar(64),
  settings       jsonb        NOT NULL,                  -- target plan or new plan/directive details
  rows           jsonb        NOT NULL,                  -- DraftRow[]
  result         jsonb,                                  -- what the commit wrote (task ids)
  preview        jsonb,                                  -- the preview as it stood when the user confirmed
  created_by     bigint       NOT NULL REFERENCES app_user(id),
  created_at     timestamptz  NOT NULL,
  committed_at   timestamptz,
  version        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX intake_batch_state_idx ON intake_batch(state, created_at DESC);

-- Near-duplicates: the word pairs (two syllables in a row) of every task's text, so that the tasks sharing a
-- new row's distinctive pairs are found through an index instead of comparing the row with every task.
-- Derived data, kept current by the import itself: a task whose version differs from the one indexed is
-- indexed again before each check; a deleted task takes its pairs with it.
CREATE TABLE intake_task_text (
  task_id      bigint PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
  task_version bigint NOT NULL
);
CREATE TABLE intake_task_pair (
  pair    int    NOT NULL,   -- hash of the pair in accent-free form (Similarity.pairs)
  task_id bigint NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  PRIMARY KEY (pair, task_id)
);
CREATE INDEX intake_task_pair_task_idx ON intake_task_pair(task_id);
