-- The national trackers the province reports to, the codes that tasks, indicators and agencies carry in each of them
-- (kept here, keyed by the owners' ids: the owners' tables are not touched), the central lists imported, the
-- remembered matches and what was sent up.
CREATE TABLE upstream_system (
  id          bigserial PRIMARY KEY,
  code        varchar(30)   NOT NULL UNIQUE,
  name        varchar(300)  NOT NULL,
  owner       varchar(300),
  description varchar(1000),
  push_url    varchar(500),
  active      boolean       NOT NULL DEFAULT true,
  position    int           NOT NULL DEFAULT 0,
  version     bigint        NOT NULL DEFAULT 0
);
INSERT INTO upstream_system(code, name, owner, description, position) VALUES
  ('NQ57-TW', 'Hệ thống theo dõi, giám sát thực hiện Nghị quyết số 57-NQ/TW', 'Văn phòng Trung ương Đảng',
   'Chỉ tiêu và nhiệm vụ thực hiện Nghị quyết 57-NQ/TW của các tỉnh, thành phố', 1),
  ('NQ71-CP', 'Hệ thống theo dõi Chương trình hành động của Chính phủ (Nghị quyết 71/NQ-CP)', 'Văn phòng Chính phủ',
   'Bộ, ngành, địa phương báo cáo kết quả thực hiện Chương trình hành động của Chính phủ', 2),
  ('DA06', 'Hệ thống theo dõi Đề án 06', 'Bộ Công an (Tổ công tác triển khai Đề án 06)',
   'Chỉ tiêu Đề án 06: dữ liệu dân cư, định danh và xác thực điện tử, dịch vụ công', 3);

CREATE TABLE upstream_code (
  id           bigserial PRIMARY KEY,
  system_id    bigint       NOT NULL REFERENCES upstream_system(id),
  subject_type varchar(12)  NOT NULL,   -- TASK | INDICATOR | AGENCY
  subject_id   bigint       NOT NULL,
  code         varchar(100) NOT NULL,
  central_name varchar(1000),
  created_by   bigint,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  version      bigint       NOT NULL DEFAULT 0,
  UNIQUE (system_id, subject_type, subject_id),
  UNIQUE (system_id, subject_type, code)
);

CREATE TABLE upstream_list (
  id           bigserial PRIMARY KEY,
  system_id    bigint       NOT NULL REFERENCES upstream_system(id),
  subject_type varchar(12)  NOT NULL,
  filename     varchar(255) NOT NULL,
  data         bytea        NOT NULL,
  state        varchar(10)  NOT NULL DEFAULT 'PREVIEW',   -- PREVIEW | COMMITTED
  row_count    int          NOT NULL DEFAULT 0,
  uploaded_by  bigint,
  uploaded_at  timestamptz  NOT NULL DEFAULT now(),
  committed_at timestamptz
);

-- the last central list of each system and kind, item by item (what is mapped and what is missing)
CREATE TABLE upstream_list_item (
  list_id      bigint       NOT NULL REFERENCES upstream_list(id) ON DELETE CASCADE,
  line         int          NOT NULL,
  code         varchar(100) NOT NULL,
  name         varchar(1000) NOT NULL,
  unit         varchar(100),
  PRIMARY KEY (list_id, line)
);

-- a choice made once is proposed first the next time the same central name comes
CREATE TABLE upstream_match_memory (
  system_id    bigint       NOT NULL REFERENCES upstream_system(id),
  subject_type varchar(12)  NOT NULL,
  name_key     varchar(1000) NOT NULL,
  subject_id   bigint,      -- NULL: "no local match" was chosen
  PRIMARY KEY (system_id, subject_type, name_key)
);

CREATE TABLE upstream_submission (
  id          bigserial PRIMARY KEY,
  system_id   bigint       NOT NULL REFERENCES upstream_system(id),
  method      varchar(8)   NOT NULL,   -- FILE | PUSH
  period      varchar(60),
  row_count   int          NOT NULL,
  ok          boolean      NOT NULL,
  receipt     varchar(200),
  message     varchar(1000),
  created_by  bigint,
  created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX upstream_submission_system ON upstream_submission(system_id, created_at DESC);
