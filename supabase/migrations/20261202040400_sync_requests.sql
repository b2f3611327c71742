-- The requests engine's tables go down in sync_pull (SYNCED_TABLES in protocol.ts).
insert into private.synced_tables (name) values ('requests'), ('request_events'), ('approval_delegations');

-- A delegate's device must know the delegator's roles to show what it may decide for them
-- (authorityFor in src/features/requests/domain/chain.ts): their user_roles rows are visible to
-- the person they delegated to. (Permissive policies add up with user_roles_select.)
create policy user_roles_select_delegators on public.user_roles for select to authenticated
  using (
    user_id in (select d.from_user from public.approval_delegations d
                where d.to_user = (select auth.uid()) and d.deleted_at is null)
  );
