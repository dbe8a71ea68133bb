CREATE TABLE agency (
  id           bigserial PRIMARY KEY,
  code         varchar(50)  NOT NULL UNIQUE,
  name         varchar(300) NOT NULL,
  short_name   varchar(100),
  kind         varchar(30)  NOT NULL,
  -- a collective ("Các sở, ban, ngành, địa phương") stands for every active agency of these kinds
  member_kinds varchar(200),
  active       boolean NOT NULL DEFAULT true,
  email        varchar(200),
  version      bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  search       text GENERATED ALWAYS AS (search_key(name || ' ' || coalesce(short_name, '') || ' ' || code)) STORED
);
CREATE INDEX agency_kind_idx ON agency(kind) WHERE active;
CREATE INDEX agency_search_idx ON agency USING gin (search gin_trgm_ops);

CREATE TABLE agency_alias (
  id        bigserial PRIMARY KEY,
  agency_id bigint NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  alias     varchar(300) NOT NULL,
  -- the form documents are matched on: lower case, no accents, single spaces
  alias_key varchar(300) NOT NULL UNIQUE
);
CREATE INDEX agency_alias_agency_idx ON agency_alias(agency_id);

-- explicit members of a collective, beyond those it takes in by kind
CREATE TABLE agency_member (
  collective_id bigint NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  member_id     bigint NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  PRIMARY KEY (collective_id, member_id)
);
