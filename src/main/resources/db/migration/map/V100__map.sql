-- The Dung Quất digital map (2D): zones and parks, lots and the land fund, enterprises and projects,
-- infrastructure, environmental monitoring. Geometries are GeoJSON in WGS84 (EPSG:4326) kept as jsonb, with the
-- bounding box in four columns indexed as a built-in box (GiST), so a viewport query needs no PostGIS.
-- source_crs keeps the system the data came in (e.g. 'VN2000:108', 'EPSG:4326'). Heights and floors are kept as
-- attributes so a 3D view can come later.

CREATE TABLE map_zone (
  id          bigserial PRIMARY KEY,
  code        varchar(40)  NOT NULL UNIQUE,
  name        varchar(300) NOT NULL,
  kind        varchar(20)  NOT NULL CHECK (kind IN ('ECONOMIC_ZONE', 'INDUSTRIAL_PARK', 'PLANNING_AREA')),
  parent_id   bigint REFERENCES map_zone (id),
  land_use    varchar(60),
  geom        jsonb NOT NULL,
  -- the outline simplified for zoom 12 and below (written with the geometry), so a whole-zone view parses less
  geom_low    jsonb,
  min_x double precision NOT NULL, min_y double precision NOT NULL,
  max_x double precision NOT NULL, max_y double precision NOT NULL,
  area_m2     double precision NOT NULL,
  source_crs  varchar(40) NOT NULL,
  illustrative boolean NOT NULL DEFAULT false,
  version     bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_zone_bbox ON map_zone USING gist (box(point(min_x, min_y), point(max_x, max_y)));

CREATE TABLE map_enterprise (
  id                 bigserial PRIMARY KEY,
  name               varchar(300) NOT NULL,
  name_key           varchar(300) NOT NULL,
  tax_code           varchar(20) UNIQUE,
  country            varchar(60),
  sector             varchar(200),
  waste_tonnes_year  numeric(14,2),
  wastewater_m3_day  numeric(14,2),
  illustrative       boolean NOT NULL DEFAULT false,
  version            bigint NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_enterprise_key ON map_enterprise USING gin (name_key gin_trgm_ops);

CREATE TABLE map_project (
  id                  bigserial PRIMARY KEY,
  enterprise_id       bigint NOT NULL REFERENCES map_enterprise (id),
  name                varchar(300) NOT NULL,
  name_key            varchar(300) NOT NULL,
  investor            varchar(300) NOT NULL,
  capital_dong        bigint,
  certificate_no      varchar(60),
  certificate_date    date,
  status              varchar(20) NOT NULL CHECK (status IN ('PREPARING', 'BUILDING', 'OPERATING', 'SUSPENDED', 'TERMINATED')),
  jobs                integer,
  version             bigint NOT NULL DEFAULT 0
);
CREATE INDEX map_project_enterprise ON map_project (enterprise_id);

CREATE TABLE map_lot (
  id             bigserial PRIMARY KEY,
  code           varchar(40) NOT NULL UNIQUE,
  code_key       varchar(40) NOT NULL,
  zone_id        bigint NOT NULL REFERENCES map_zone (id),
  land_use       varchar(60) NOT NULL,
  status         varchar(20) NOT NULL CHECK (status IN ('LEASED', 'AVAILABLE', 'RESERVED', 'CLEARANCE')),
  area_m2        double precision NOT NULL,
  declared_area_m2 double precision,
  enterprise_id  bigint REFERENCES map_enterprise (id),
  project_id     bigint REFERENCES map_project (id),
  -- confidential: the lease contract; never in the public view
  contract_no    varchar(60),
  lease_from     date,
  lease_to       date,
  lease_price_dong bigint,
  floors         integer,
  height_m       double precision,
  geom           jsonb NOT NULL,
  min_x double precision NOT NULL, min_y double precision NOT NULL,
  max_x double precision NOT NULL, max_y double precision NOT NULL,
  cx double precision NOT NULL, cy double precision NOT NULL,
  source_crs     varchar(40) NOT NULL,
  illustrative   boolean NOT NULL DEFAULT false,
  version        bigint NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_lot_bbox ON map_lot USING gist (box(point(min_x, min_y), point(max_x, max_y)));
CREATE INDEX map_lot_zone ON map_lot (zone_id, status, land_use);
CREATE INDEX map_lot_enterprise ON map_lot (enterprise_id);
CREATE INDEX map_lot_code_search ON map_lot USING gin (code_key gin_trgm_ops);

CREATE TABLE map_infra (
  id          bigserial PRIMARY KEY,
  kind        varchar(20) NOT NULL CHECK (kind IN ('ROAD', 'WATER', 'DRAINAGE', 'WASTEWATER_PLANT', 'POWER_LINE',
                                                   'SUBSTATION', 'TELECOM', 'PORT')),
  name        varchar(300) NOT NULL,
  zone_id     bigint REFERENCES map_zone (id),
  attrs       jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom        jsonb NOT NULL,
  geom_low    jsonb,
  min_x double precision NOT NULL, min_y double precision NOT NULL,
  max_x double precision NOT NULL, max_y double precision NOT NULL,
  source_crs  varchar(40) NOT NULL,
  illustrative boolean NOT NULL DEFAULT false,
  version     bigint NOT NULL DEFAULT 0
);
CREATE INDEX map_infra_bbox ON map_infra USING gist (box(point(min_x, min_y), point(max_x, max_y)));

-- Limits per parameter and medium, from the applicable technical regulation (QCVN), editable by the Board.
CREATE TABLE map_env_limit (
  id          bigserial PRIMARY KEY,
  medium      varchar(20) NOT NULL CHECK (medium IN ('AIR', 'WASTEWATER', 'SURFACE_WATER', 'SEAWATER')),
  parameter   varchar(40) NOT NULL,
  unit        varchar(20) NOT NULL,
  min_value   numeric(14,4),
  max_value   numeric(14,4),
  regulation  varchar(120) NOT NULL,
  UNIQUE (medium, parameter)
);

CREATE TABLE map_monitoring_point (
  id              bigserial PRIMARY KEY,
  code            varchar(40) NOT NULL UNIQUE,
  name            varchar(300) NOT NULL,
  medium          varchar(20) NOT NULL,
  zone_id         bigint REFERENCES map_zone (id),
  enterprise_id   bigint REFERENCES map_enterprise (id),
  agency_id       bigint NOT NULL,
  lon double precision NOT NULL, lat double precision NOT NULL,
  source_crs      varchar(40) NOT NULL,
  illustrative    boolean NOT NULL DEFAULT false,
  version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX map_monitoring_point_pos ON map_monitoring_point USING gist (box(point(lon, lat), point(lon, lat)));

CREATE TABLE map_env_reading (
  id           bigserial PRIMARY KEY,
  point_id     bigint NOT NULL REFERENCES map_monitoring_point (id),
  parameter    varchar(40) NOT NULL,
  measured_on  date NOT NULL,
  value        numeric(14,4) NOT NULL,
  unit         varchar(20) NOT NULL,
  limit_min    numeric(14,4),
  limit_max    numeric(14,4),
  exceeds      boolean NOT NULL,
  recorded_by  bigint,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  illustrative boolean NOT NULL DEFAULT false
);
CREATE INDEX map_env_reading_point ON map_env_reading (point_id, measured_on DESC);

-- The follow-up task that an exceedance opened at a point (the task lives in the task module).
CREATE TABLE map_env_followup (
  id           bigserial PRIMARY KEY,
  point_id     bigint NOT NULL REFERENCES map_monitoring_point (id),
  task_id      bigint NOT NULL,
  opened_on    date NOT NULL,
  last_reading_id bigint REFERENCES map_env_reading (id),
  exceedances  integer NOT NULL DEFAULT 1
);
CREATE INDEX map_env_followup_point ON map_env_followup (point_id, id DESC);

-- An import between its preview and its commit: the features as read (already in WGS84) and the findings.
CREATE TABLE map_import (
  id           bigserial PRIMARY KEY,
  layer        varchar(20) NOT NULL,
  file_name    varchar(300) NOT NULL,
  format       varchar(20) NOT NULL,
  source_crs   varchar(40),
  features     jsonb NOT NULL,
  findings     jsonb NOT NULL,
  feature_count integer NOT NULL,
  error_count  integer NOT NULL,
  status       varchar(20) NOT NULL CHECK (status IN ('PREVIEW', 'COMMITTED', 'DISCARDED')),
  created_by   bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz
);

INSERT INTO map_env_limit (medium, parameter, unit, min_value, max_value, regulation) VALUES
  ('AIR', 'TSP', 'µg/m³', NULL, 300, 'QCVN 05:2023/BTNMT (trung bình 1 giờ)'),
  ('AIR', 'PM10', 'µg/m³', NULL, 100, 'QCVN 05:2023/BTNMT (trung bình 24 giờ)'),
  ('AIR', 'SO2', 'µg/m³', NULL, 350, 'QCVN 05:2023/BTNMT (trung bình 1 giờ)'),
  ('AIR', 'NO2', 'µg/m³', NULL, 200, 'QCVN 05:2023/BTNMT (trung bình 1 giờ)'),
  ('WASTEWATER', 'pH', '', 5.5, 9, 'QCVN 40:2011/BTNMT, cột B'),
  ('WASTEWATER', 'COD', 'mg/l', NULL, 150, 'QCVN 40:2011/BTNMT, cột B'),
  ('WASTEWATER', 'BOD5', 'mg/l', NULL, 50, 'QCVN 40:2011/BTNMT, cột B'),
  ('WASTEWATER', 'TSS', 'mg/l', NULL, 100, 'QCVN 40:2011/BTNMT, cột B'),
  ('WASTEWATER', 'NH4', 'mg/l', NULL, 10, 'QCVN 40:2011/BTNMT, cột B'),
  ('SEAWATER', 'TSS', 'mg/l', NULL, 50, 'QCVN 10:2023/BTNMT'),
  ('SEAWATER', 'pH', '', 6.5, 8.5, 'QCVN 10:2023/BTNMT');
