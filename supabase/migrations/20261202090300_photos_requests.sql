-- Photos attached to applications (申请附件, issue 9): 'requests' registered in the photo-owner
-- registry (20261202065000). A photo of an application is seen by whoever sees the application:
-- private.can_see_request is requests_select (20261202040200) as a function, since the registry's
-- callers run as definer, where RLS does not filter.

create function private.can_see_request(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  with me as (
    select authz.my_role_scopes() || authz.my_delegated_scopes() as deciding, authz.my_role_scopes() as roles
  )
  select exists (
    select 1 from public.requests r, me
    where r.id = p_id
      and (r.applicant_id = auth.uid()
        or auth.uid() = any (r.deciders)
        or (r.waiting_role || ':*') = any (me.deciding)
        or (r.waiting_role || ':' || r.site_id::text) = any (me.deciding)
        or 'admin_head:*' = any (me.roles)
        or ('admin_head:' || r.site_id::text) = any (me.roles)
        or 'executive:*' = any (me.roles)
        or ('executive:' || r.site_id::text) = any (me.roles)
        or (r.status = 'approved' and ((r.fulfiller_role || ':*') = any (me.roles) or (r.fulfiller_role || ':' || r.site_id::text) = any (me.roles)))
        or (r.assignment ->> 'driver_id') = auth.uid()::text)
  );
$$;
revoke execute on function private.can_see_request(uuid) from public, anon, authenticated;

insert into private.photo_owners (owner_table, can_see) values ('requests', 'private.can_see_request(uuid)');
