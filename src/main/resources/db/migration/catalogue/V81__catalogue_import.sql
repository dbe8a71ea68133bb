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
-- nearest-first (KNN) trigram search for the duplicate check and the technology matching: a GiST index returns the
-- closest titles first instead of rechecking every row that shares a trigram
CREATE INDEX big_problem_title_gist ON big_problem USING gist (title_key gist_trgm_ops);
CREATE INDEX initiative_title_gist ON initiative USING gist (title_key gist_trgm_ops);
CREATE INDEX info_system_name_gist ON info_system USING gist (name_key gist_trgm_ops);
CREATE INDEX tech_need_search_gist ON tech_need USING gist (search gist_trgm_ops);
CREATE INDEX tech_offer_search_gist ON tech_offer USING gist (search gist_trgm_ops);
