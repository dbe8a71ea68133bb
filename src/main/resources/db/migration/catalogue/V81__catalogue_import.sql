-- An uploaded register workbook between its preview and its commit (all or nothing), kept one day.
CREATE TABLE catalogue_import (
  token       varchar(40) PRIMARY KEY,
  register    varchar(30) NOT NULL,
  user_id     bigint NOT NULL REFERENCES app_user(id),
  file_name   varchar(300) NOT NULL,
  data        bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX info_system_purpose_trgm ON info_system USING gin (purpose_key gin_trgm_ops);
-- the list's "same purpose" flag compares folded purposes by equality
CREATE INDEX info_system_purpose_key_idx ON info_system(purpose_key);
