-- Trust and operations (issue 18): sign-in throttling held in the database (so it holds across nodes), API tokens
-- with an expiry and scopes, two-factor sign-in (TOTP) with recovery codes, and the sessions of every node.

-- One row per key that failed to sign in recently: 'user:<name>' and 'ip:<address>'.
CREATE TABLE login_throttle (
  key           varchar(200) PRIMARY KEY,
  failures      integer NOT NULL DEFAULT 0,
  first_failure timestamptz NOT NULL,
  last_failure  timestamptz NOT NULL,
  locked_until  timestamptz
);

-- Every sign-in attempt, kept for the audit and the throttle's window.
CREATE TABLE login_attempt (
  id           bigserial PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  username     varchar(200) NOT NULL,
  address      varchar(100),
  success      boolean NOT NULL,
  reason       varchar(60)
);
CREATE INDEX login_attempt_user_idx ON login_attempt(lower(username), occurred_at);

ALTER TABLE app_user ADD COLUMN api_token_expires_at timestamptz;
ALTER TABLE app_user ADD COLUMN api_token_scopes varchar(200);
-- Tokens issued before scopes existed read everything and expire 90 days from now.
UPDATE app_user SET api_token_scopes = 'read', api_token_expires_at = now() + interval '90 days'
  WHERE api_token_hash IS NOT NULL;

ALTER TABLE app_user ADD COLUMN totp_secret varchar(100);
ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;

CREATE TABLE totp_recovery_code (
  id        bigserial PRIMARY KEY,
  user_id   bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  code_hash varchar(100) NOT NULL,
  used_at   timestamptz
);
CREATE INDEX totp_recovery_code_user_idx ON totp_recovery_code(user_id);

-- Spring Session JDBC: the sessions of every node, so a user signed in on one node continues on another.
CREATE TABLE spring_session (
  primary_id            char(36) NOT NULL,
  session_id            char(36) NOT NULL,
  creation_time         bigint NOT NULL,
  last_access_time      bigint NOT NULL,
  max_inactive_interval integer NOT NULL,
  expiry_time           bigint NOT NULL,
  principal_name        varchar(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id char(36) NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session(primary_id) ON DELETE CASCADE
);
