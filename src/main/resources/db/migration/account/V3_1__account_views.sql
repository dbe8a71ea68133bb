-- What the account module publishes: users without their password or token hashes.
CREATE VIEW app_user_view AS
  SELECT id, username, full_name, email, role, agency_id, enabled, created_at FROM app_user;
