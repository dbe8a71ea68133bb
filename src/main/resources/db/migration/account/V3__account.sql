CREATE TABLE app_user (
  id                  bigserial PRIMARY KEY,
  username            varchar(100) NOT NULL,
  password_hash       varchar(200) NOT NULL,
  full_name           varchar(200) NOT NULL,
  email               varchar(200),
  role                varchar(30)  NOT NULL,
  agency_id           bigint NOT NULL REFERENCES agency(id),
  enabled             boolean NOT NULL DEFAULT true,
  api_token_hash      varchar(100) UNIQUE,
  api_token_created_at timestamptz,
  password_changed_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user(lower(username));
CREATE INDEX app_user_agency_idx ON app_user(agency_id);
