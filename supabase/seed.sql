-- Demo company for local Supabase (supabase db reset) and the db tests.
-- Mirrors src/platform/demo/demo-company.json exactly (tests/db/seed.test.ts checks it).
-- Demo users sign in with their email and the demo password 'demo-password-2026'.

insert into public.company (id, name, timezone) values
  ('0c000000-0000-4000-8000-000000000001', '华东示范实业有限公司', 'Asia/Shanghai');

insert into public.sites (id, code, name) values
  ('05000000-0000-4000-8000-000000000001', 'SH-HQ', '上海总部'),
  ('05000000-0000-4000-8000-000000000002', 'SZ-PLANT', '苏州工厂');

insert into public.departments (id, site_id, code, name) values
  ('0d000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000001', 'ADM', '行政部'),
  ('0d000000-0000-4000-8000-000000000002', '05000000-0000-4000-8000-000000000001', 'FIN', '财务部'),
  ('0d000000-0000-4000-8000-000000000003', '05000000-0000-4000-8000-000000000001', 'HR', '人力资源部'),
  ('0d000000-0000-4000-8000-000000000004', '05000000-0000-4000-8000-000000000002', 'PRD', '生产部'),
  ('0d000000-0000-4000-8000-000000000005', '05000000-0000-4000-8000-000000000002', 'LOG', '仓储物流部');

-- Auth users as Supabase's own seeds make them: confirmed email, bcrypt password,
-- and '' (not null) in the token columns, which GoTrue cannot read as null.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  email_change_token_current, phone_change, phone_change_token, reauthentication_token
)
select
  '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.email,
  extensions.crypt('demo-password-2026', extensions.gen_salt('bf')), now(),
  '{"provider":"email","providers":["email"]}'::jsonb,
  jsonb_build_object('display_name', u.display_name), now(), now(),
  '', '', '', '', '', '', '', ''
from (values
  ('0a000000-0000-4000-8000-000000000001', 'admin-head@demo.adminfield.local', '王晓燕'),
  ('0a000000-0000-4000-8000-000000000002', 'executive@demo.adminfield.local', '陈建国'),
  ('0a000000-0000-4000-8000-000000000003', 'seal-keeper@demo.adminfield.local', '李静'),
  ('0a000000-0000-4000-8000-000000000004', 'asset-keeper@demo.adminfield.local', '张伟'),
  ('0a000000-0000-4000-8000-000000000005', 'driver@demo.adminfield.local', '刘强'),
  ('0a000000-0000-4000-8000-000000000006', 'fleet-manager@demo.adminfield.local', '赵磊'),
  ('0a000000-0000-4000-8000-000000000007', 'cleaner@demo.adminfield.local', '孙秀英'),
  ('0a000000-0000-4000-8000-000000000008', 'inspector@demo.adminfield.local', '周敏'),
  ('0a000000-0000-4000-8000-000000000009', 'dorm-manager@demo.adminfield.local', '吴芳'),
  ('0a000000-0000-4000-8000-000000000010', 'employee@demo.adminfield.local', '郑浩')
) as u (id, email, display_name);

-- Email identities: GoTrue signs in with email/password through these.
insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
from auth.users u
where u.email like '%@demo.adminfield.local';

-- The signup trigger made the profiles; fill in the rest.
update public.profiles p
set display_name = v.display_name, phone = v.phone, site_id = v.site_id::uuid, department_id = v.department_id::uuid
from (values
  ('0a000000-0000-4000-8000-000000000001', '王晓燕', '13800000001', '05000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000002', '陈建国', '13800000002', '05000000-0000-4000-8000-000000000001', null),
  ('0a000000-0000-4000-8000-000000000003', '李静', '13800000003', '05000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000004', '张伟', '13800000004', '05000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000005', '刘强', '13800000005', '05000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000006', '赵磊', '13800000006', '05000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000007', '孙秀英', '13800000007', '05000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000004'),
  ('0a000000-0000-4000-8000-000000000008', '周敏', '13800000008', '05000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000009', '吴芳', '13800000009', '05000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000001'),
  ('0a000000-0000-4000-8000-000000000010', '郑浩', '13800000010', '05000000-0000-4000-8000-000000000002', '0d000000-0000-4000-8000-000000000005')
) as v (id, display_name, phone, site_id, department_id)
where p.id = v.id::uuid;

-- Roles (all unscoped: site_id null = every site).
insert into public.user_roles (id, user_id, role, site_id) values
  ('0e000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'admin_head', null),
  ('0e000000-0000-4000-8000-000000000011', '0a000000-0000-4000-8000-000000000002', 'executive', null),
  ('0e000000-0000-4000-8000-000000000021', '0a000000-0000-4000-8000-000000000003', 'seal_keeper', null),
  ('0e000000-0000-4000-8000-000000000031', '0a000000-0000-4000-8000-000000000004', 'asset_keeper', null),
  ('0e000000-0000-4000-8000-000000000041', '0a000000-0000-4000-8000-000000000005', 'driver', null),
  ('0e000000-0000-4000-8000-000000000051', '0a000000-0000-4000-8000-000000000006', 'fleet_manager', null),
  ('0e000000-0000-4000-8000-000000000061', '0a000000-0000-4000-8000-000000000007', 'cleaner', null),
  ('0e000000-0000-4000-8000-000000000071', '0a000000-0000-4000-8000-000000000008', 'inspector', null),
  ('0e000000-0000-4000-8000-000000000081', '0a000000-0000-4000-8000-000000000009', 'dorm_manager', null),
  ('0e000000-0000-4000-8000-000000000091', '0a000000-0000-4000-8000-000000000010', 'employee', null);

-- Custody assets (the "assets" array of demo-company.json), all in stock. Each has
-- its first QR label, whose asset_labels row has the asset's id (as asset.upsert makes it).
insert into public.assets (id, kind, number, name, site_id, keeper_id, notes, details, label_token) values
  ('a5000000-0000-4000-8000-000000000001', 'seal', 'SEAL-0001', '公章', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000003', null,
   '{"seal_type": "official", "cabinet": "行政部 1 号保险柜", "enabled_on": "2019-05-20", "retired_on": null}', 'KVAH3P5RPW25TCDBZ'),
  ('a5000000-0000-4000-8000-000000000002', 'seal', 'SEAL-0002', '合同专用章', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000003', null,
   '{"seal_type": "contract", "cabinet": "行政部 1 号保险柜", "enabled_on": "2020-03-02", "retired_on": null}', 'B5XCT5BR5WJC4BZT8'),
  ('a5000000-0000-4000-8000-000000000003', 'licence', 'LIC-0001', '营业执照（正本）', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000004', '长期有效；每年 6 月 30 日前报送年度报告',
   '{"licence_type": "business_licence", "licence_number": "91310115MA1K4A2B3C", "issuing_authority": "上海市浦东新区市场监督管理局", "valid_from": "2019-05-20", "valid_to": null, "annual_inspection_on": "2026-06-30", "original_or_copy": "original"}', 'PTAEZZHXT0FQKXCYK'),
  ('a5000000-0000-4000-8000-000000000004', 'licence', 'LIC-0002', '食品经营许可证', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000004', '员工食堂',
   '{"licence_type": "operating_permit", "licence_number": "JY13101150012345", "issuing_authority": "上海市浦东新区市场监督管理局", "valid_from": "2022-01-10", "valid_to": "2027-01-09", "annual_inspection_on": null, "original_or_copy": "original"}', 'RXYWBPWD8NMNDZ5PC'),
  ('a5000000-0000-4000-8000-000000000005', 'equipment', 'EQP-0001', '笔记本电脑', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000004', null,
   '{"model": "ThinkPad T14 Gen 4", "serial_number": "PF3XK2L9", "location": "上海总部 行政部", "purchase_date": "2024-03-15", "warranty_end": "2027-03-14"}', 'BCHF4WX95BFJJN9EW'),
  ('a5000000-0000-4000-8000-000000000006', 'equipment', 'EQP-0002', '投影仪', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000004', null,
   '{"model": "Epson CB-FH52", "serial_number": "X7KE123456", "location": "苏州工厂 2 号会议室", "purchase_date": "2023-09-01", "warranty_end": "2026-08-31"}', 'ER0R985931T3M0SFX'),
  ('a5000000-0000-4000-8000-000000000007', 'vehicle', 'VEH-0001', '比亚迪汉 EV', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000006', null,
   '{"plate": "沪AD12345", "model": "比亚迪汉 EV", "fuel_type": "electric", "tank_size_l": null, "odometer_km": 35210, "insurance_end": "2026-09-30", "annual_inspection_on": "2027-04-15"}', 'SRKEVGWMXRAZQ1S0U'),
  ('a5000000-0000-4000-8000-000000000008', 'vehicle', 'VEH-0002', '别克 GL8 商务车', '05000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000006', null,
   '{"plate": "沪B58K21", "model": "别克 GL8 ES 陆尊", "fuel_type": "gasoline", "tank_size_l": 65, "odometer_km": 86420, "insurance_end": "2026-12-31", "annual_inspection_on": "2026-11-20"}', 'JDB35KVRQKGANDK8C'),
  ('a5000000-0000-4000-8000-000000000009', 'uniform', 'UNI-0001', '夏季工衣', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000004', null,
   '{"uniform_type": "夏季工衣", "size": "M", "quantity": 2}', 'QB2AFKFCVSKTA5M3E'),
  ('a5000000-0000-4000-8000-000000000010', 'uniform', 'UNI-0002', '冬季工衣', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000004', null,
   '{"uniform_type": "冬季工衣", "size": "170/92A", "quantity": 1}', 'AKEAWN9TMVZGGV5YA'),
  ('a5000000-0000-4000-8000-000000000011', 'uniform', 'UNI-0003', '防静电服', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000004', null,
   '{"uniform_type": "防静电服", "size": "XL", "quantity": 2}', 'H7QNFBMGF05FWCWE9');

insert into public.asset_labels (id, token, asset_id, status, issued_at)
select a.id, a.label_token, a.id, 'active', now() from public.assets a where a.id::text like 'a5000000-%';
