-- Notifications (vn.nq57.notification): reminders, digests and urging letters, shown in the app and mailed.

-- ShedLock: a scheduled job runs on one node at a time (net.javacrumbs.shedlock, JdbcTemplateLockProvider).
CREATE TABLE shedlock (
  name       varchar(64)  NOT NULL PRIMARY KEY,
  lock_until timestamp    NOT NULL,
  locked_at  timestamp    NOT NULL,
  locked_by  varchar(255) NOT NULL
);

-- The rules, as settings an administrator changes without a release.
INSERT INTO setting(key, value) VALUES
  ('notify.assignment.days-before', '7,3,1,0'),
  ('notify.overdue.every-days', '7'),
  ('notify.report.days-before', '3,0'),
  ('notify.reprimand.overdue-days', '30'),
  ('notify.reprimand.late-reports', '2'),
  ('notify.letter.due-within-days', '30'),
  ('notify.mail.max-attempts', '10'),
  ('notify.mail.retry-base-seconds', '60')
ON CONFLICT (key) DO NOTHING;

-- One notification for one user, and at the same time the mail outbox. The unique key makes computing the
-- day's reminders idempotent: a second run, on any node, after any restart, inserts nothing new.
-- due_moment is the day the notice belongs to (the reminder day, the digest's week, the letter's day).
CREATE TABLE notification (
  id              bigserial PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind            varchar(30)  NOT NULL,
  subject_type    varchar(30)  NOT NULL,
  subject_id      bigint       NOT NULL,
  due_moment      date         NOT NULL,
  agency_id       bigint REFERENCES agency(id),
  task_id         bigint,
  title           varchar(500) NOT NULL,
  body            text         NOT NULL,
  link            varchar(300),
  created_at      timestamptz  NOT NULL DEFAULT now(),
  read_at         timestamptz,
  -- delivery by mail: PENDING (to send), SENT, FAILED (gave up), NO_ADDRESS (user has no e-mail),
  -- NOT_WANTED (user chose the app only for this kind)
  mail_state      varchar(20)  NOT NULL,
  mail_to         varchar(200),
  attempts        int          NOT NULL DEFAULT 0,
  next_attempt_at timestamptz  NOT NULL DEFAULT now(),
  last_error      varchar(1000),
  sent_at         timestamptz,
  attachment_name varchar(200),
  attachment      bytea,
  CONSTRAINT notification_once UNIQUE (user_id, kind, subject_type, subject_id, due_moment)
);
CREATE INDEX notification_unread_idx ON notification(user_id) WHERE read_at IS NULL;
CREATE INDEX notification_user_idx ON notification(user_id, created_at DESC);
CREATE INDEX notification_outbox_idx ON notification(next_attempt_at) WHERE mail_state = 'PENDING';
CREATE INDEX notification_mail_state_idx ON notification(mail_state, created_at DESC) WHERE mail_state IN ('FAILED', 'NO_ADDRESS');

-- Every attempt to send, written in the transaction that marks the notification sent or failed.
CREATE TABLE notification_attempt (
  id              bigserial PRIMARY KEY,
  notification_id bigint NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
  attempted_at    timestamptz NOT NULL,
  node            varchar(100) NOT NULL,
  outcome         varchar(20)  NOT NULL,
  error           varchar(1000)
);
CREATE INDEX notification_attempt_idx ON notification_attempt(notification_id);

-- Which kinds a user does NOT want by mail (no row: mailed).
CREATE TABLE notification_mail_optout (
  user_id bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind    varchar(30) NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- Official urging letters (công văn đôn đốc) DoST sends an agency, with the .docx as sent.
CREATE TABLE urging_letter (
  id         bigserial PRIMARY KEY,
  agency_id  bigint NOT NULL REFERENCES agency(id),
  number     varchar(100) NOT NULL,
  subject    varchar(500) NOT NULL,
  issued_on  date NOT NULL,
  content    jsonb NOT NULL,
  docx       bytea NOT NULL,
  task_ids   bigint[] NOT NULL,
  created_by bigint REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX urging_letter_agency_idx ON urging_letter(agency_id, created_at DESC);

-- Reminders look up open assignments by their due date (assignment_open_due_idx, V4) and the users of an agency.
CREATE INDEX IF NOT EXISTS app_user_agency_role_idx ON app_user(agency_id, role) WHERE enabled;

-- The last day each reminder computation completed (set in the computation's transaction). It only narrows the
-- overdue scan; correctness rests on notification_once.
CREATE TABLE notification_job_day (
  job      varchar(64) PRIMARY KEY,
  last_day date NOT NULL
);
