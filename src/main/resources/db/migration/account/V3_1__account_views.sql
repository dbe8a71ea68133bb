-- What the account module publishes: users without their password or token hashes.
CREATE VIEW app_user_view AS
  SELECT id, username, full_name, email, role, agency_id, enabled, created_at FROM app_user;

-- Users of an agency by role (the reminders look them up). Created by notification's V50 before table ownership
-- was written down; the owner creates it from now on (a no-op where V50 already made it).
CREATE INDEX IF NOT EXISTS app_user_agency_role_idx ON app_user(agency_id, role) WHERE enabled;
