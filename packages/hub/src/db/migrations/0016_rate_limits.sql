-- Rate limits shared by every Hub process on one PostgreSQL (http/rate-limit-store.ts): one row
-- per client (and per route with a limit of its own) and window. UNLOGGED: a counter is worth no
-- WAL write per request, and after a crash the table is empty — every client starts a fresh
-- window, which is all a lost counter can cost. No index but the key: every request updates its
-- row, and with no other index that update is HOT (no index entry written); the cleanup's
-- once-a-minute DELETE of ended windows reads the table, which holds one row per recent client.
CREATE UNLOGGED TABLE rate_limits (
  key       text PRIMARY KEY,
  hits      integer NOT NULL,
  resets_at timestamptz NOT NULL
);
