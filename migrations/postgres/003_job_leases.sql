-- Many workers on one PostgreSQL: a running job's runner renews its lease as it records progress; a
-- job whose lease ran out (its worker was killed) may be claimed by another, and runs from its start.
ALTER TABLE jobs ADD COLUMN lease_until TIMESTAMPTZ;
