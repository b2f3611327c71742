-- The requests engine's rules in SQL, the same as src/features/requests/domain (form.ts, chain.ts,
-- lifecycle.ts), and who reads what.

create function private.company_day(p_at timestamptz)
returns date
language sql stable
set search_path = ''
as $$
  select (p_at at time zone coalesce(
    (select c.timezone from public.company c where c.deleted_at is null order by c.created_at limit 1),
    'Asia/Shanghai'))::date;
$$;

-- Roles a person holds at a site (a role with site_id null holds everywhere).
create function private.roles_at(p_user uuid, p_site uuid)
returns text[]
language sql stable
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct r.role), '{}')
  from public.user_roles r
  where r.user_id = p_user and r.deleted_at is null and (r.site_id is null or r.site_id = p_site);
$$;

-- The form, checked against its type's field specs and normalised (every field present, text
-- trimmed, empty optional fields null). Refuses 'invalid' naming the field, as validateForm does.
create function private.request_validate_form(p_type text, p_form jsonb)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  f private.request_type_fields;
  v_out jsonb := '{}'::jsonb;
  v_key text;
  v_given boolean;
  v_text text;
  v_num numeric;
  v_time timestamptz;
  v_where text;
begin
  if pg_catalog.jsonb_typeof(p_form) is distinct from 'object' then
    perform private.sync_refuse('invalid', 'form: must be an object');
  end if;
  for v_key in select k from pg_catalog.jsonb_object_keys(p_form) k loop
    if not exists (select 1 from private.request_type_fields t where t.type = p_type and t.key = v_key) then
      perform private.sync_refuse('invalid', 'form.' || v_key || ': unexpected field');
    end if;
  end loop;
  for f in select * from private.request_type_fields t where t.type = p_type order by t.ord loop
    v_where := 'form.' || f.key;
    v_given := pg_catalog.jsonb_typeof(p_form -> f.key) is not null and pg_catalog.jsonb_typeof(p_form -> f.key) <> 'null'
      and not (pg_catalog.jsonb_typeof(p_form -> f.key) = 'string' and pg_catalog.btrim(p_form ->> f.key) = '');
    if not v_given then
      if not f.optional and (f.required_if is null or (p_form ->> f.required_if[1]) is not distinct from f.required_if[2]) then
        perform private.sync_refuse('invalid', v_where || ': required');
      end if;
      v_out := v_out || pg_catalog.jsonb_build_object(f.key, null);
      continue;
    end if;
    case f.kind
      when 'text', 'textarea', 'choice' then
        if pg_catalog.jsonb_typeof(p_form -> f.key) <> 'string' then
          perform private.sync_refuse('invalid', v_where || ': must be text');
        end if;
        v_text := pg_catalog.btrim(p_form ->> f.key);
        if f.kind = 'choice' and not (v_text = any (f.options)) then
          perform private.sync_refuse('invalid', v_where || ': not one of the choices');
        end if;
        if pg_catalog.char_length(v_text) > f.max then
          perform private.sync_refuse('invalid', pg_catalog.format('%s: at most %s characters', v_where, f.max));
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object(f.key, v_text);
      when 'int', 'amount' then
        if pg_catalog.jsonb_typeof(p_form -> f.key) <> 'number' then
          perform private.sync_refuse('invalid', v_where || ': must be a number');
        end if;
        v_num := (p_form ->> f.key)::numeric;
        if (f.kind = 'int' and v_num <> pg_catalog.trunc(v_num)) or (f.kind = 'amount' and v_num <> pg_catalog.round(v_num, 2)) then
          perform private.sync_refuse('invalid', v_where || ': bad precision');
        end if;
        if v_num < coalesce(f.min, case when f.kind = 'int' then 1 else 0 end) or v_num > f.max then
          perform private.sync_refuse('invalid', v_where || ': out of range');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object(f.key, p_form -> f.key);
      when 'datetime' then
        v_time := private.val_time(p_form, f.key, 'form.');
        v_out := v_out || pg_catalog.jsonb_build_object(f.key, p_form ->> f.key);
    end case;
  end loop;
  -- Cross-field: a time that must come after another.
  for f in select * from private.request_type_fields t where t.type = p_type and t.after is not null loop
    if (v_out ->> f.key) is not null and (v_out ->> f.after) is not null
       and (v_out ->> f.key)::timestamptz <= (v_out ->> f.after)::timestamptz then
      perform private.sync_refuse('invalid', 'form.' || f.key || ': must be after ' || f.after);
    end if;
  end loop;
  return v_out;
end;
$$;

-- resolveChain: the type's roles, the amount rule, the applicant's own steps skipped with the level above in their place.
create function private.request_chain(p_type text, p_form jsonb, p_applicant_roles text[], p_threshold numeric)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  t private.request_types;
  v_roles text[];
  v_steps jsonb := '[]'::jsonb;
  v_role text;
  v_above text;
  v_skipped boolean;
  i int := 1;
begin
  select * into t from private.request_types r where r.type = p_type;
  v_roles := t.chain;
  if t.amount_key is not null and pg_catalog.jsonb_typeof(p_form -> t.amount_key) = 'number'
     and (p_form ->> t.amount_key)::numeric > p_threshold then
    if not ('admin_head' = any (v_roles)) then v_roles := v_roles || 'admin_head'::text; end if;
    if not ('executive' = any (v_roles)) then v_roles := v_roles || 'executive'::text; end if;
  end if;
  while i <= pg_catalog.cardinality(v_roles) loop
    v_role := v_roles[i];
    v_skipped := v_role = any (p_applicant_roles);
    v_steps := v_steps || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('role', v_role, 'skipped', v_skipped));
    select l.above into v_above from private.approver_levels l where l.role = v_role;
    if v_skipped and v_above is not null and not (v_above = any (coalesce(v_roles[i + 1:], '{}'))) then
      v_roles := v_roles[1:i] || v_above || coalesce(v_roles[i + 1:], '{}');
    end if;
    i := i + 1;
  end loop;
  return v_steps;
end;
$$;

-- nextOpenStep: the first step at or after p_from that is not skipped (the chain's length when none is left).
create function private.request_next_step(p_chain jsonb, p_from int)
returns int
language sql immutable
set search_path = ''
as $$
  select coalesce(min(s.i - 1)::int, pg_catalog.jsonb_array_length(p_chain))
  from pg_catalog.jsonb_array_elements(p_chain) with ordinality as s (step, i)
  where s.i - 1 >= p_from and not (s.step ->> 'skipped')::boolean;
$$;

-- openAt: puts a (re)submitted form at its first open step; approved at once when every step is the applicant's own.
create function private.request_open(p_id uuid, p_form jsonb, p_at timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
declare
  r public.requests;
  t private.request_types;
  v_threshold numeric;
  v_chain jsonb;
  v_step int;
  v_done boolean;
begin
  select * into r from public.requests q where q.id = p_id;
  select * into t from private.request_types x where x.type = r.type;
  select coalesce(min(c.approval_amount_threshold), 5000) into v_threshold from public.company c where c.deleted_at is null;
  v_chain := private.request_chain(r.type, p_form, private.roles_at(r.applicant_id, r.site_id), v_threshold);
  v_step := private.request_next_step(v_chain, 0);
  v_done := v_step >= pg_catalog.jsonb_array_length(v_chain);
  update public.requests q
  set form = p_form,
      title = pg_catalog.left(coalesce(p_form ->> t.title_key, ''), 60),
      chain = v_chain,
      step = v_step,
      status = case when v_done then 'approved' else 'pending' end,
      waiting_role = case when v_done then null else v_chain -> v_step ->> 'role' end,
      status_at = p_at,
      decided_at = case when v_done then p_at end,
      first_pass = case when v_done then q.revision = 1 end,
      due_back_at = case when t.due_key is not null then (p_form ->> t.due_key)::timestamptz end
  where q.id = p_id;
end;
$$;

-- applyEvent after submission: true when applied, false when stale (the event is kept, flagged, by the caller).
create function private.request_apply(p_id uuid, p_action text, p_step int, p_revision int, p_form jsonb, p_at timestamptz, p_actor uuid)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  r public.requests;
  v_next int;
begin
  select * into r from public.requests q where q.id = p_id for update;
  if p_action = 'withdraw' then
    if r.status not in ('pending', 'returned') then return false; end if;
    update public.requests q set status = 'withdrawn', waiting_role = null, status_at = p_at where q.id = p_id;
  elsif p_action = 'resubmit' then
    if r.status not in ('pending', 'returned') or p_revision <> r.revision then return false; end if;
    update public.requests q set revision = q.revision + 1 where q.id = p_id;
    perform private.request_open(p_id, p_form, p_at);
  elsif p_action in ('approve', 'reject', 'return') then
    if r.status <> 'pending' or p_revision <> r.revision or p_step <> r.step then return false; end if;
    update public.requests q set deciders = case when p_actor = any (q.deciders) then q.deciders else q.deciders || p_actor end
    where q.id = p_id;
    if p_action = 'return' then
      update public.requests q set status = 'returned', waiting_role = null, status_at = p_at where q.id = p_id;
    elsif p_action = 'reject' then
      update public.requests q set status = 'rejected', waiting_role = null, status_at = p_at, decided_at = p_at, first_pass = false
      where q.id = p_id;
    else
      v_next := private.request_next_step(r.chain, r.step + 1);
      if v_next < pg_catalog.jsonb_array_length(r.chain) then
        update public.requests q set step = v_next, waiting_role = r.chain -> v_next ->> 'role', status_at = p_at where q.id = p_id;
      else
        update public.requests q set step = v_next, status = 'approved', waiting_role = null, status_at = p_at, decided_at = p_at,
          first_pass = r.revision = 1
        where q.id = p_id;
      end if;
    end if;
  else
    return false;
  end if;
  return true;
end;
$$;

-- authorityFor: may p_actor decide a step of role p_role on an application by p_applicant at p_site, at p_at?
-- Returns (true, null) by holding the role, (true, delegator) as a delegate, (false, null) otherwise.
create function private.request_authority(p_actor uuid, p_role text, p_site uuid, p_applicant uuid, p_at timestamptz, out ok boolean, out on_behalf_of uuid)
language plpgsql stable
set search_path = ''
as $$
begin
  ok := false;
  if p_actor = p_applicant or p_role is null then return; end if;
  if p_role = any (private.roles_at(p_actor, p_site)) then
    ok := true;
    return;
  end if;
  select d.from_user into on_behalf_of
  from public.approval_delegations d
  where d.to_user = p_actor and d.deleted_at is null and d.from_user <> p_applicant
    and private.company_day(p_at) between d.starts_on and d.ends_on
    and p_role = any (private.roles_at(d.from_user, p_site))
  order by d.starts_on, d.id
  limit 1;
  ok := on_behalf_of is not null;
end;
$$;

revoke execute on function private.company_day(timestamptz) from public, anon, authenticated;
revoke execute on function private.roles_at(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.request_validate_form(text, jsonb) from public, anon, authenticated;
revoke execute on function private.request_chain(text, jsonb, text[], numeric) from public, anon, authenticated;
revoke execute on function private.request_next_step(jsonb, int) from public, anon, authenticated;
revoke execute on function private.request_open(uuid, jsonb, timestamptz) from public, anon, authenticated;
revoke execute on function private.request_apply(uuid, text, int, int, jsonb, timestamptz, uuid) from public, anon, authenticated;
revoke execute on function private.request_authority(uuid, text, uuid, uuid, timestamptz) from public, anon, authenticated;

-- Who reads what:
-- - the applicant their own; everyone who decided a step what they decided;
-- - approvers what waits for their role at their site (directly or as a delegate today);
-- - the admin head and the executive everything in their scope (site, or every site);
-- - the role that carries it out (seal keeper, asset keeper, fleet manager) approved ones of its types.
-- The scope lists are initplans (once per query), as authz.my_asset_scopes.
create function authz.my_role_scopes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct r.role || ':' || coalesce(r.site_id::text, '*')), '{}')
  from public.user_roles r
  where r.user_id = auth.uid() and r.deleted_at is null;
$$;

-- Approver roles held today by the people who delegated to the caller.
create function authz.my_delegated_scopes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct r.role || ':' || coalesce(r.site_id::text, '*')), '{}')
  from public.approval_delegations d
  join public.user_roles r on r.user_id = d.from_user and r.deleted_at is null
  where d.to_user = auth.uid() and d.deleted_at is null
    and private.company_day(pg_catalog.now()) between d.starts_on and d.ends_on
    and r.role in ('fleet_manager', 'admin_head', 'executive');
$$;

revoke execute on function authz.my_role_scopes() from public, anon;
revoke execute on function authz.my_delegated_scopes() from public, anon;
grant execute on function authz.my_role_scopes() to authenticated;
grant execute on function authz.my_delegated_scopes() to authenticated;

create policy requests_select on public.requests for select to authenticated
  using (
    applicant_id = (select auth.uid())
    or (select auth.uid()) = any (deciders)
    or (waiting_role || ':*') = any ((select authz.my_role_scopes())::text[] || (select authz.my_delegated_scopes())::text[])
    or (waiting_role || ':' || site_id::text) = any ((select authz.my_role_scopes())::text[] || (select authz.my_delegated_scopes())::text[])
    or 'admin_head:*' = any ((select authz.my_role_scopes())::text[])
    or ('admin_head:' || site_id::text) = any ((select authz.my_role_scopes())::text[])
    or 'executive:*' = any ((select authz.my_role_scopes())::text[])
    or ('executive:' || site_id::text) = any ((select authz.my_role_scopes())::text[])
    or (status = 'approved' and (
      (fulfiller_role || ':*') = any ((select authz.my_role_scopes())::text[])
      or (fulfiller_role || ':' || site_id::text) = any ((select authz.my_role_scopes())::text[])))
    -- The driver a dispatch was assigned to.
    or (assignment ->> 'driver_id') = (select auth.uid())::text
  );

-- An application's timeline goes with the application (the subquery runs under requests' policy).
create policy request_events_select on public.request_events for select to authenticated
  using (exists (select 1 from public.requests r where r.id = request_events.request_id));

create policy approval_delegations_select on public.approval_delegations for select to authenticated
  using (
    from_user = (select auth.uid())
    or to_user = (select auth.uid())
    or created_by = (select auth.uid())
    or (select public.has_any_role(array['admin_head', 'executive']))
  );
