-- Shared infrastructure: extensions, accent-insensitive search helper, settings, audit trail.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it depends on a dictionary), which forbids it in indexes and generated
-- columns; pinning the dictionary makes it safe to declare IMMUTABLE.
CREATE FUNCTION search_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

CREATE TABLE setting (
  key        varchar(100) PRIMARY KEY,
  value      varchar(1000) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO setting(key, value) VALUES ('status.due-soon-days', '7');

CREATE TABLE audit_event (
  id           bigserial PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  actor_id     bigint,
  actor_name   varchar(200),
  action       varchar(60) NOT NULL,
  entity_type  varchar(60) NOT NULL,
  entity_id    bigint,
  task_id      bigint,
  summary      varchar(2000),
  before_state jsonb,
  after_state  jsonb
);
CREATE INDEX audit_event_entity_idx ON audit_event(entity_type, entity_id);
CREATE INDEX audit_event_task_idx ON audit_event(task_id) WHERE task_id IS NOT NULL;
CREATE INDEX audit_event_action_idx ON audit_event(action, occurred_at);
