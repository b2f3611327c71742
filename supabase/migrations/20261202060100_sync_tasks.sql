-- The tasks engine's tables go down in sync_pull through the synced-tables registry
-- (they were built while the registry was landing; SYNCED_TABLES already lists them).
insert into private.synced_tables (name) values ('tasks'), ('task_events'), ('follow_ups'), ('calendar_days');
