-- Syncline store, version 19: what an exception proposes, kept beside it so that accepting it applies exactly what
-- was held back (a supplier's catalog cost above tolerance), and an index for the queue filtered by kind, as the
-- Exceptions view and decide-by-filter read it (a catalog can open 100,000 price changes at once); the audit log
-- newest first per tenant, as the Audit view pages it.

ALTER TABLE exceptions ADD COLUMN proposal VARCHAR(4000);
CREATE INDEX exceptions_tenant_kind ON exceptions (tenant_id, kind, state, id);
CREATE INDEX audit_log_tenant_id ON audit_log (tenant_id, id);
