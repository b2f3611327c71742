-- Every auth user gets a profile. The display name comes from the sign-up
-- metadata (display only; never used for authorisation) or the email's local part.

create function private.handle_new_auth_user()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_name text := pg_catalog.btrim(coalesce(
    nullif(pg_catalog.btrim(new.raw_user_meta_data ->> 'display_name'), ''),
    nullif(pg_catalog.split_part(coalesce(new.email, ''), '@', 1), ''),
    '用户'
  ));
begin
  insert into public.profiles (id, display_name)
  values (new.id, pg_catalog.left(v_name, 40))
  on conflict (id) do nothing;
  return new;
end;
$$;

revoke execute on function private.handle_new_auth_user() from public, anon, authenticated;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_auth_user();
