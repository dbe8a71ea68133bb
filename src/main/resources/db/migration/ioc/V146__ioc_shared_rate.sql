-- The per-client rate limit counted in the database, so that every node of the application counts the same calls
-- (a client gets its limit once, not once per node). One row per client and minute (the database's clock, so nodes
-- whose clocks differ still agree); rows older than a few minutes are removed as they go.
CREATE TABLE ioc_rate (
  client_id  bigint  NOT NULL,
  minute     bigint  NOT NULL,
  calls      int     NOT NULL,
  PRIMARY KEY (client_id, minute)
);
