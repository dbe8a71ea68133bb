-- The limits per parameter are edited by the Board's staff (/map/limits): an optimistic version, so an edit from a
-- stale page is refused with the current one.
ALTER TABLE map_env_limit ADD COLUMN version bigint NOT NULL DEFAULT 0;
