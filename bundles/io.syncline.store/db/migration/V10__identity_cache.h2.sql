-- Syncline store, version 10, H2 only: H2 writes a table's identity sequence to disk each time its cache of values
-- is used up, and with every commit written at once (WRITE_DELAY=0) that costs a store per few rows. A larger cache
-- keeps ids in order there, since H2 shares one sequence between sessions. PostgreSQL caches per session, which
-- would break the order of ids, so it keeps its default: there this version is recorded, not run.

ALTER TABLE messages ALTER COLUMN id SET CACHE 1000;
ALTER TABLE exceptions ALTER COLUMN id SET CACHE 1000;
ALTER TABLE audit_log ALTER COLUMN id SET CACHE 1000;
ALTER TABLE atp_history ALTER COLUMN id SET CACHE 1000;
