-- Portal reference server: initial schema. One set of migrations for PGlite and PostgreSQL,
-- so only features both have (PostgreSQL 15+/PGlite 0.2+): jsonb, timestamptz, partial indexes.
-- Every patient-owned table carries patient_id, and every patient query filters on it.

CREATE TABLE clinic_config (
  id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),   -- exactly one row
  config      jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policies (
  version       text PRIMARY KEY,
  seq           bigserial NOT NULL,                           -- tie-break for equal published_at
  published_at  timestamptz NOT NULL,
  documents     jsonb NOT NULL
);
CREATE INDEX policies_latest ON policies (published_at DESC, seq DESC);

CREATE TABLE patients (
  id                    text PRIMARY KEY,
  display_name          text NOT NULL,
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL,
  messaging_allowed     boolean NOT NULL,
  created_at            timestamptz NOT NULL,
  password_changed_at   timestamptz
);

-- Append-only audit trail of policy acceptances.
CREATE TABLE consents (
  seq          bigserial PRIMARY KEY,
  patient_id   text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  version      text NOT NULL,
  accepted_at  timestamptz NOT NULL
);
CREATE INDEX consents_latest ON consents (patient_id, accepted_at DESC, seq DESC);

CREATE TABLE throttles (
  key                text PRIMARY KEY,
  window_started_at  timestamptz NOT NULL,
  failures           integer NOT NULL,
  locked_until       timestamptz
);

-- id = SHA-256 of the token: a database leak yields no usable session.
CREATE TABLE sessions (
  id                   text PRIMARY KEY,
  patient_id           text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  created_at           timestamptz NOT NULL,
  last_seen_at         timestamptz NOT NULL,
  idle_expires_at      timestamptz NOT NULL,
  absolute_expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_patient ON sessions (patient_id);

CREATE TABLE threads (
  id                text COLLATE "C" PRIMARY KEY,                -- byte order: the keyset cursor compares ids
  patient_id        text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  subject           text NOT NULL,
  subject_key       text NOT NULL,
  category          text NOT NULL,
  created_at        timestamptz NOT NULL,
  -- Derived from the messages, kept current by the statement that inserts a message.
  last_activity_at  timestamptz NOT NULL,
  last_sender       jsonb NOT NULL,
  message_count     integer NOT NULL DEFAULT 0,
  has_attachments   boolean NOT NULL DEFAULT false
);
CREATE INDEX threads_inbox ON threads (patient_id, last_activity_at DESC, id DESC);
CREATE INDEX threads_open ON threads (last_activity_at, id) WHERE (last_sender ->> 'kind') = 'patient';

CREATE TABLE messages (
  id           text PRIMARY KEY,
  seq          bigserial NOT NULL,                            -- insertion order within equal sent_at
  thread_id    text NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  patient_id   text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  sender       jsonb NOT NULL,
  sent_at      timestamptz NOT NULL,
  body         text NOT NULL,
  attachments  jsonb NOT NULL DEFAULT '[]',
  fields       jsonb,
  triage       jsonb,
  read_at      timestamptz
);
CREATE INDEX messages_thread ON messages (thread_id, sent_at, seq);
-- Unread staff messages: counted per thread on every listing, so index exactly those.
CREATE INDEX messages_unread ON messages (thread_id) WHERE read_at IS NULL AND (sender ->> 'kind') = 'staff';

CREATE TABLE drafts (
  patient_id      text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  id              text NOT NULL,
  thread_id       text,
  category        text,
  fields          jsonb NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  attachment_ids  jsonb NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (patient_id, id)
);

CREATE TABLE attachments (
  id            text PRIMARY KEY,
  patient_id    text NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  message_id    text,
  filename      text NOT NULL,
  content_type  text NOT NULL,
  size          integer NOT NULL CHECK (size >= 0),
  sha256        text NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX attachments_patient ON attachments (patient_id);

-- Attachment bytes when no shared attachment folder is configured (several stateless servers).
CREATE TABLE attachment_blobs (
  key    text PRIMARY KEY,
  bytes  bytea NOT NULL
);

CREATE TABLE preferences (
  patient_id     text PRIMARY KEY REFERENCES patients (id) ON DELETE CASCADE,
  notifications  jsonb NOT NULL,
  language       text NOT NULL,
  email          jsonb NOT NULL
);

CREATE TABLE idempotency_keys (
  patient_id      text NOT NULL,
  key             text NOT NULL,
  request_digest  text NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  result          jsonb,                                      -- null while the first request runs
  PRIMARY KEY (patient_id, key)
);
CREATE INDEX idempotency_expiry ON idempotency_keys (expires_at);
