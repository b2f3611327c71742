-- Clients read through RLS and write only through RPCs: take every table
-- privilege away from anon and authenticated, then give back select only.
-- (Supabase's defaults grant them everything on public.)
revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
grant usage on schema public to anon, authenticated;
grant select on
  public.company, public.sites, public.departments, public.profiles,
  public.user_roles, public.audit_log, public.sync_ops
to authenticated;
