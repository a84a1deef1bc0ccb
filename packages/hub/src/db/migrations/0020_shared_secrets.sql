-- Secrets every Hub process on one database must share (db/shared-secrets.ts): the first process
-- that needs one makes it, the others read it. Behind a load balancer a proof-of-work challenge
-- made by one process is then checked by another; and challenges survive a restart.
CREATE TABLE shared_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);
