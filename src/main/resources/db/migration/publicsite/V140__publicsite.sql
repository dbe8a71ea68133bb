-- The public side: recommendations sent by citizens and firms through the public form, kept here until the
-- recommendation module (catalogues issue) takes them over and routes each to an agency. The sender's contact is
-- private: it is never shown on a public page or in open data. ip_key is a keyed hash of the sender's address,
-- used only to throttle a flood from one address (counted in the database, so two nodes agree).
CREATE TABLE public_recommendation_inbox (
  id           bigserial PRIMARY KEY,
  received_at  timestamptz   NOT NULL,
  sender_kind  varchar(20)   NOT NULL,            -- CITIZEN | BUSINESS | ORGANISATION
  topic        varchar(300)  NOT NULL,
  content      text          NOT NULL,
  sender_name  varchar(200),
  contact      varchar(300),
  ip_key       varchar(64)   NOT NULL,
  state        varchar(20)   NOT NULL DEFAULT 'RECEIVED',   -- RECEIVED | ROUTED
  routed_at    timestamptz,
  CONSTRAINT public_recommendation_content_size CHECK (length(content) <= 5000)
);
CREATE INDEX public_recommendation_inbox_ip_idx ON public_recommendation_inbox(ip_key, received_at);
CREATE INDEX public_recommendation_inbox_state_idx ON public_recommendation_inbox(state, received_at);
