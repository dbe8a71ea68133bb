-- The machine feed for the operations centre (IOC) and the portal.
-- A client: its own credentials (client id + secret, the secret kept only as a SHA-256 hash: it is 256 random
-- bits, so a slow hash adds nothing), the scopes it may read, its rate limit, an optional webhook address and the
-- key its webhooks are signed with (HMAC-SHA256; the key must be kept to sign, like any webhook signing secret).
CREATE TABLE ioc_client (
  id              bigserial PRIMARY KEY,
  client_id       varchar(40)   NOT NULL UNIQUE,
  name            varchar(200)  NOT NULL,
  secret_hash     varchar(64)   NOT NULL,
  scopes          varchar(300)  NOT NULL,
  rate_per_minute int           NOT NULL DEFAULT 120,
  webhook_url     varchar(500),
  webhook_key     varchar(64),
  created_at      timestamptz   NOT NULL,
  created_by      varchar(100)  NOT NULL,
  revoked_at      timestamptz,
  revoked_by      varchar(100),
  last_used_at    timestamptz
);

-- Every use of a credential, accepted or refused.
CREATE TABLE ioc_usage (
  id         bigserial PRIMARY KEY,
  client_id  bigint,
  presented  varchar(40),
  at         timestamptz   NOT NULL,
  method     varchar(10)   NOT NULL,
  path       varchar(300)  NOT NULL,
  status     int           NOT NULL,
  remote     varchar(64)
);
CREATE INDEX ioc_usage_client_idx ON ioc_usage(client_id, at);

-- The figures as last seen by the change detector (one row per figure key).
CREATE TABLE ioc_figure (
  key        varchar(120)  PRIMARY KEY,
  value      varchar(100),
  updated_at timestamptz   NOT NULL
);

-- The change feed: id is the cursor a client passes back (?after=).
CREATE TABLE ioc_change (
  id         bigserial PRIMARY KEY,
  at         timestamptz   NOT NULL,
  key        varchar(120)  NOT NULL,
  old_value  varchar(100),
  new_value  varchar(100)
);

-- One snapshot of the figures per day: rewritten while the day is open, frozen once it has closed.
CREATE TABLE ioc_snapshot (
  day        date          PRIMARY KEY,
  figures    text          NOT NULL,
  sha256     varchar(64)   NOT NULL,
  taken_at   timestamptz   NOT NULL,
  closed     boolean       NOT NULL DEFAULT false
);
CREATE FUNCTION ioc_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.closed THEN
    RAISE EXCEPTION 'ioc_snapshot % is closed and cannot change', OLD.day;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ioc_snapshot_frozen_upd BEFORE UPDATE OR DELETE ON ioc_snapshot
  FOR EACH ROW EXECUTE FUNCTION ioc_snapshot_frozen();

-- A webhook notification to one client, with its tries.
CREATE TABLE ioc_delivery (
  id              bigserial PRIMARY KEY,
  client_id       bigint        NOT NULL REFERENCES ioc_client(id),
  first_change    bigint,
  last_change     bigint,
  body            text          NOT NULL,
  state           varchar(12)   NOT NULL,          -- PENDING | DELIVERED | GAVE_UP
  attempts        int           NOT NULL DEFAULT 0,
  next_attempt_at timestamptz   NOT NULL,
  last_status     int,
  last_error      varchar(500),
  created_at      timestamptz   NOT NULL,
  delivered_at    timestamptz
);
CREATE INDEX ioc_delivery_due_idx ON ioc_delivery(next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX ioc_delivery_client_idx ON ioc_delivery(client_id, id);

CREATE TABLE ioc_delivery_attempt (
  id          bigserial PRIMARY KEY,
  delivery_id bigint        NOT NULL REFERENCES ioc_delivery(id),
  at          timestamptz   NOT NULL,
  status      int,
  error       varchar(500),
  millis      int           NOT NULL
);
CREATE INDEX ioc_delivery_attempt_idx ON ioc_delivery_attempt(delivery_id, at);
