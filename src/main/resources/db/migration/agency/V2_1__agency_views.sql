-- What the agency module publishes to the others: they read agencies through these views, never the tables,
-- so the registry can change its storage without breaking a query elsewhere (see OwnershipTest).
CREATE VIEW agency_view AS
  SELECT id, code, name, short_name, kind, member_kinds, active, email, created_at, search FROM agency;
CREATE VIEW agency_alias_view AS
  SELECT id, agency_id, alias, alias_key FROM agency_alias;
CREATE VIEW agency_member_view AS
  SELECT collective_id, member_id FROM agency_member;
