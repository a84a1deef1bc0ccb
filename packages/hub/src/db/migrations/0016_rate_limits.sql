-- Rate limits shared by every Hub process on one PostgreSQL (http/rate-limit-store.ts): one row
-- per client (and per route with a limit of its own) and window. UNLOGGED: a counter is worth no
-- WAL write per request, and after a crash the table is empty — every client starts a fresh
-- window, which is all a lost counter can cost.
CREATE UNLOGGED TABLE rate_limits (
  key       text PRIMARY KEY,
  hits      integer NOT NULL,
  resets_at timestamptz NOT NULL
);
-- The cleanup deletes windows that ended.
CREATE INDEX rate_limits_resets_at ON rate_limits (resets_at);
