-- Who reads which custody rows (issue 3 "RLS"):
-- - seals, their events and the seal-use register: seal_keeper, admin_head, executive;
-- - licences, equipment, uniforms: asset_keeper; vehicles: fleet_manager (plus the
--   head and the executive, who see every kind);
-- - anyone: what they hold now (and its events), and assets they have been named on
--   (actor or holder of an event: a driver's vehicles), with the events naming them.
--   Keeping past holders in lets the hand-back reach their device (a row that leaves
--   a user's visibility is never sent again, so "what I hold" would go stale);
-- - labels follow their asset; photos follow their owner record.
-- Keeper roles may be site-scoped (user_roles.site_id), matched to the asset's site.
--
-- The helpers live in schema authz: policies run as the caller, so authenticated
-- must be able to execute them, but they are not RPCs (PostgREST exposes only
-- public; config.toml). security definer + search_path '' so a policy never
-- recurses into another table's policy and nothing can be shadowed.

create schema authz;
revoke all on schema authz from public;
grant usage on schema authz to authenticated;

-- 'kind:site' or 'kind:*' for every kind the caller sees by role: a policy tests
-- membership with `= any ((select ...)::text[])` (the cast makes it an array, not a
-- subquery), evaluated once per query, not per row.
create function authz.my_asset_scopes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct k.kind || ':' || coalesce(r.site_id::text, '*')), '{}')
  from public.user_roles r
  join (values
    ('seal', 'seal_keeper'), ('licence', 'asset_keeper'), ('equipment', 'asset_keeper'),
    ('uniform', 'asset_keeper'), ('vehicle', 'fleet_manager')
  ) as k (kind, keeper) on r.role = k.keeper or r.role in ('admin_head', 'executive')
  where r.user_id = auth.uid() and r.deleted_at is null;
$$;

-- Assets the caller has been named on and does not already see by role (kept small:
-- a keeper's own work is in scope anyway).
create function authz.my_involved_asset_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  with scopes as (select authz.my_asset_scopes() as s)
  select coalesce(pg_catalog.array_agg(p.asset_id), '{}')
  from private.asset_people p
  join public.assets a on a.id = p.asset_id
  cross join scopes
  where p.person_id = auth.uid()
    and not ((a.kind || ':*') = any (scopes.s) or (a.kind || ':' || a.site_id::text) = any (scopes.s));
$$;

revoke execute on function authz.my_asset_scopes() from public, anon;
revoke execute on function authz.my_involved_asset_ids() from public, anon;
grant execute on function authz.my_asset_scopes() to authenticated;
grant execute on function authz.my_involved_asset_ids() to authenticated;

create policy assets_select on public.assets for select to authenticated
  using (
    holder_id = (select auth.uid())
    or (kind || ':*') = any ((select authz.my_asset_scopes())::text[])
    or (kind || ':' || site_id::text) = any ((select authz.my_asset_scopes())::text[])
    or id = any ((select authz.my_involved_asset_ids())::uuid[])
  );

-- Whole timeline: by role or while holding it; otherwise only the events naming you.
create policy custody_events_select on public.custody_events for select to authenticated
  using (
    actor_id = (select auth.uid())
    or (type in ('check_out', 'transfer', 'resolve_conflict')
        and coalesce(payload ->> 'to_person', payload ->> 'holder_id') = ((select auth.uid()))::text)
    or exists (
      select 1 from public.assets a
      where a.id = custody_events.asset_id
        and (a.holder_id = (select auth.uid())
             or (a.kind || ':*') = any ((select authz.my_asset_scopes())::text[])
             or (a.kind || ':' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[]))
    )
  );

-- The register is the seal keepers' (and the head's, the executive's); the requester is not shown it.
create policy seal_usages_select on public.seal_usages for select to authenticated
  using (
    recorded_by = (select auth.uid())
    or exists (
      select 1 from public.assets a
      where a.id = seal_usages.seal_id
        and ('seal:*' = any ((select authz.my_asset_scopes())::text[])
             or ('seal:' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[]))
    )
  );

-- Labels follow their asset (the subquery is filtered by the assets policy).
create policy asset_labels_select on public.asset_labels for select to authenticated
  using (exists (select 1 from public.assets a where a.id = asset_labels.asset_id));

-- Photos follow their owner record (filtered by that table's policy); the taker always sees theirs.
create policy photos_select on public.photos for select to authenticated
  using (
    taken_by = (select auth.uid())
    or (owner_table = 'custody_events' and exists (select 1 from public.custody_events e where e.id = photos.owner_id))
    or (owner_table = 'seal_usages' and exists (select 1 from public.seal_usages u where u.id = photos.owner_id))
  );

-- The same rules for the definer side (sync apply functions run as the owner, past
-- RLS): may the caller read this event / register line? tests/db/custody-rls.test.ts
-- checks they agree with the policies.
create function private.can_see_custody_event(p_event_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.custody_events e join public.assets a on a.id = e.asset_id
    where e.id = p_event_id
      and (e.actor_id = auth.uid()
           or (e.type in ('check_out', 'transfer', 'resolve_conflict')
               and coalesce(e.payload ->> 'to_person', e.payload ->> 'holder_id') = auth.uid()::text)
           or a.holder_id = auth.uid()
           or (a.kind || ':*') = any (authz.my_asset_scopes())
           or (a.kind || ':' || a.site_id::text) = any (authz.my_asset_scopes()))
  );
$$;

create function private.can_see_seal_usage(p_usage_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.seal_usages u join public.assets a on a.id = u.seal_id
    where u.id = p_usage_id
      and (u.recorded_by = auth.uid()
           or 'seal:*' = any (authz.my_asset_scopes())
           or ('seal:' || a.site_id::text) = any (authz.my_asset_scopes()))
  );
$$;

revoke execute on function private.can_see_custody_event(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_seal_usage(uuid) from public, anon, authenticated;
