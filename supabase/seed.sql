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
   '{"uniform_type": "防静电服", "size": "XL", "quantity": 2}', 'H7QNFBMGF05FWCWE9'),
  -- Dormitory keys and access cards (issue 10), kept by the dorm manager, with the room each opens.
  ('a5000000-0000-4000-8000-000000000012', 'dorm_key', 'KEY-0001', '房门钥匙 101', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000009', null,
   '{"key_type": "room_key", "room_id": "d1000000-0000-4000-8000-000000000001"}', 'GZ500TP70V49K047E'),
  ('a5000000-0000-4000-8000-000000000013', 'dorm_key', 'KEY-0002', '门禁卡 101', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000009', null,
   '{"key_type": "access_card", "room_id": "d1000000-0000-4000-8000-000000000001"}', 'WTZG4AFG88NPPXDJ0'),
  ('a5000000-0000-4000-8000-000000000014', 'dorm_key', 'KEY-0003', '房门钥匙 102', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000009', null,
   '{"key_type": "room_key", "room_id": "d1000000-0000-4000-8000-000000000002"}', 'N0XGDERMM5CFV3NXH'),
  ('a5000000-0000-4000-8000-000000000015', 'dorm_key', 'KEY-0004', '房门钥匙 201', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000009', null,
   '{"key_type": "room_key", "room_id": "d1000000-0000-4000-8000-000000000003"}', 'TFS4EZER11H2CFTSB');

insert into public.asset_labels (id, token, asset_id, status, issued_at)
select a.id, a.label_token, a.id, 'active', now() from public.assets a where a.id::text like 'a5000000-%';

-- Checklists (issue 4). The default templates of src/features/inspections/domain/
-- defaultTemplates.ts with their fixed ids (tests/db/inspections-seed.test.ts checks they
-- are equal and valid), the demo areas (the "areas" array of demo-company.json) and two
-- reward rules. Greening areas have no responsible person: the demo has no gardener. The dorm_hygiene
-- template is inserted by its migration (20261202170200).
insert into public.checklist_templates (id, code, version, name_zh, name_en, sections, grading, active) values
  ('7b0c6f1e-3d2a-4c8b-9e51-5a1f00000001', 'sanitation', 1, '卫生检查表', 'Sanitation checklist',
   '[{"key":"floors_walls","title_zh":"地面与墙面","title_en":"Floors, walls and ceilings","items":[{"key":"floor_clean","text_zh":"地面干净，无垃圾、污渍、积水","text_en":"Floor clean: no litter, stains or standing water","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true,"guidance_zh":"包括墙角、桌椅下方和门后。","guidance_en":"Include corners, under desks and behind doors."},{"key":"walls_ceiling","text_zh":"墙面、天花板无污迹、蜘蛛网、霉斑","text_en":"Walls and ceiling free of marks, cobwebs and mould","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"skirting_corners","text_zh":"踢脚线、墙角无积尘","text_en":"Skirting boards and corners free of dust","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":false}]},{"key":"windows_doors","title_zh":"门窗","title_en":"Windows and doors","items":[{"key":"glass_clean","text_zh":"玻璃明亮，无手印、水渍","text_en":"Glass clear, no fingerprints or water marks","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"frames_handles","text_zh":"门窗框、把手、窗台无积尘污渍","text_en":"Frames, handles and sills free of dust and dirt","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":false}]},{"key":"washrooms","title_zh":"卫生间","title_en":"Washrooms","items":[{"key":"washroom_usable","text_zh":"卫生间可正常使用（无堵塞、无溢水、无损坏停用）","text_en":"Washroom usable (not blocked, overflowing or out of order)","mode":"pass_fail","max_points":10,"allow_na":true,"critical":true,"photo_on_fail":true,"guidance_zh":"任一便器堵塞或溢水即为不合格，须立即报修。","guidance_en":"Any blocked or overflowing toilet is a fail; report it for repair at once."},{"key":"fixtures_clean","text_zh":"洁具（便器、洗手盆、镜面）清洁，无污垢、尿碱","text_en":"Fixtures (toilets, basins, mirrors) clean, no grime or scale","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"supplies_stocked","text_zh":"厕纸、洗手液、擦手纸充足","text_en":"Toilet paper, hand soap and paper towels stocked","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":false},{"key":"washroom_odour","text_zh":"无明显异味，通风良好","text_en":"No noticeable odour, well ventilated","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":false}]},{"key":"bins","title_zh":"垃圾桶","title_en":"Bins","items":[{"key":"bins_emptied","text_zh":"垃圾桶及时清倒，不满溢","text_en":"Bins emptied in time, not overflowing","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"bins_clean","text_zh":"桶身及周边干净，垃圾分类正确","text_en":"Bins and their surroundings clean, waste sorted correctly","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"surfaces","title_zh":"台面与设施","title_en":"Surfaces and fittings","items":[{"key":"surfaces_dust","text_zh":"桌面、台面、扶手、开关面板无积尘","text_en":"Desks, counters, handrails and switch plates free of dust","mode":"points","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true,"guidance_zh":"10 分：无积尘；5 分：少量浮尘；0 分：明显积尘。","guidance_en":"10: no dust; 5: light dust; 0: visible build-up."}]},{"key":"circulation","title_zh":"走廊与楼梯间","title_en":"Corridors and stairwells","items":[{"key":"corridors_clear","text_zh":"走廊、楼梯间畅通，无杂物堆放，消防通道未被占用","text_en":"Corridors and stairwells clear, nothing stored, fire exits unobstructed","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"stairs_handrails","text_zh":"楼梯台阶及扶手干净","text_en":"Stair treads and handrails clean","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":true}]},{"key":"general","title_zh":"环境与卫生安全","title_en":"Air, pests and hygiene","items":[{"key":"air_odour","text_zh":"空气清新，无异味","text_en":"Air fresh, no odour","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":false},{"key":"no_pests","text_zh":"无蚊蝇、蟑螂、鼠迹","text_en":"No flies, cockroaches or signs of rodents","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true,"guidance_zh":"检查角落、管道口和垃圾点。","guidance_en":"Check corners, pipe openings and bin points."},{"key":"food_area_hygiene","text_zh":"食品区域无卫生隐患（无变质食物、生熟未混放、无虫害）","text_en":"No food-area hygiene hazard (no spoiled food, raw and cooked kept apart, no pests)","mode":"pass_fail","max_points":10,"allow_na":true,"critical":true,"photo_on_fail":true,"guidance_zh":"仅适用于食堂、茶水间等食品区域，其他区域选“不适用”。","guidance_en":"Only for canteens, pantries and other food areas; N/A elsewhere."}]}]',
   '{"thresholds":[{"grade":"excellent","min":90},{"grade":"good","min":80},{"grade":"fair","min":60},{"grade":"poor","min":0}],"pass_mark":60}', true),
  ('7b0c6f1e-3d2a-4c8b-9e51-5a1f00000002', 'greening', 1, '绿化检查表', 'Greening checklist',
   '[{"key":"watering","title_zh":"浇灌","title_en":"Watering","items":[{"key":"watering_adequate","text_zh":"浇水适时适量，植物无缺水萎蔫","text_en":"Watered in time and in the right amount, no wilting","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"irrigation_no_leaks","text_zh":"灌溉设施无漏水，喷头、水管完好","text_en":"Irrigation without leaks, sprinklers and hoses intact","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":true}]},{"key":"pruning","title_zh":"修剪","title_en":"Pruning","items":[{"key":"pruning_done","text_zh":"乔木、灌木修剪及时，树形整齐","text_en":"Trees and shrubs pruned in time, shapes tidy","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"hedges_trimmed","text_zh":"绿篱修剪平整，无缺株断档","text_en":"Hedges trimmed level, no gaps","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"no_dead_branches","text_zh":"无枯枝、断枝、残花","text_en":"No dead or broken branches, no spent flowers","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"no_dangerous_branch","text_zh":"人行道、车道上方无危险枯枝或断枝","text_en":"No dangerous dead branch over a walkway or driveway","mode":"pass_fail","max_points":10,"allow_na":true,"critical":true,"photo_on_fail":true,"guidance_zh":"发现即拉警戒并立即处理。","guidance_en":"Cordon it off and deal with it at once."}]},{"key":"lawn_beds","title_zh":"草坪与花坛","title_en":"Lawns and beds","items":[{"key":"lawn_height","text_zh":"草坪高度适宜、修剪均匀","text_en":"Lawn at the right height, evenly mown","mode":"points","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true,"guidance_zh":"宜保持 4–8 cm。10 分：均匀适宜；5 分：局部过高；0 分：普遍过高或斑秃。","guidance_en":"Keep to 4–8 cm. 10: even; 5: patches too long; 0: overgrown or bald patches."},{"key":"no_weeds","text_zh":"无明显杂草","text_en":"No noticeable weeds","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"no_litter_in_beds","text_zh":"绿地、花坛内无垃圾、落叶堆积","text_en":"No litter or piled leaves in beds and green areas","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"plant_health","title_zh":"植物健康","title_en":"Plant health","items":[{"key":"no_pests_disease","text_zh":"无明显病虫害","text_en":"No visible pests or disease","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true,"guidance_zh":"查看叶面、叶背及枝干，发现虫害及时防治。","guidance_en":"Look at both sides of leaves and along stems; treat at once."},{"key":"growth_good","text_zh":"植物长势良好，无死株、无黄土裸露","text_en":"Plants growing well, no dead plants or bare soil","mode":"pass_fail","max_points":5,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"materials_stored","text_zh":"工具、肥料、药剂规范存放，有警示标识","text_en":"Tools, fertiliser and chemicals stored properly and labelled","mode":"pass_fail","max_points":5,"allow_na":true,"critical":false,"photo_on_fail":true}]}]',
   '{"thresholds":[{"grade":"excellent","min":90},{"grade":"good","min":80},{"grade":"fair","min":60},{"grade":"poor","min":0}],"pass_mark":60}', true);

insert into public.areas (id, site_id, building, floor, name, area_type, responsible_id, department_id, frequency, template_code, label_token) values
  ('a7000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000001', '总部大楼', '3F', '3F 男卫生间', 'washroom', '0a000000-0000-4000-8000-000000000007', '0d000000-0000-4000-8000-000000000001', 'daily', 'sanitation', 'Q0CWDQHQ4H8SE04BR'),
  ('a7000000-0000-4000-8000-000000000002', '05000000-0000-4000-8000-000000000001', '总部大楼', '1F', '1F 大堂', 'office', '0a000000-0000-4000-8000-000000000007', '0d000000-0000-4000-8000-000000000001', 'daily', 'sanitation', 'DC7M1T0QH03TKFBKC'),
  ('a7000000-0000-4000-8000-000000000003', '05000000-0000-4000-8000-000000000001', '', '', '东侧绿化带', 'green_belt', null, '0d000000-0000-4000-8000-000000000001', 'weekly', 'greening', 'K89QKA4SKWZHPBY2N'),
  ('a7000000-0000-4000-8000-000000000004', '05000000-0000-4000-8000-000000000002', '综合楼', '1F', '员工食堂', 'canteen', '0a000000-0000-4000-8000-000000000007', '0d000000-0000-4000-8000-000000000005', 'daily', 'sanitation', 'KQN1H26E7XMRTPREX'),
  ('a7000000-0000-4000-8000-000000000005', '05000000-0000-4000-8000-000000000002', '1 号车间', '2F', '2F 女卫生间', 'washroom', '0a000000-0000-4000-8000-000000000007', '0d000000-0000-4000-8000-000000000004', 'daily', 'sanitation', 'XGN7N0FCFHYAC9W7D'),
  ('a7000000-0000-4000-8000-000000000006', '05000000-0000-4000-8000-000000000002', '', '', '厂区中心草坪', 'lawn', null, '0d000000-0000-4000-8000-000000000004', 'weekly', 'greening', 'KRHKPEMGVRGFYB5E3'),
  -- 宿舍卫生检查 (issue 10): each dormitory room is an area inspected weekly with the dorm_hygiene family;
  -- the dorm manager answers for the rectifications.
  ('a7000000-0000-4000-8000-000000000007', '05000000-0000-4000-8000-000000000002', '1 号宿舍楼', '1F', '宿舍 101 室', 'dormitory', '0a000000-0000-4000-8000-000000000009', '0d000000-0000-4000-8000-000000000005', 'weekly', 'dorm_hygiene', '2PCBB551MER511N2B'),
  ('a7000000-0000-4000-8000-000000000008', '05000000-0000-4000-8000-000000000002', '1 号宿舍楼', '1F', '宿舍 102 室', 'dormitory', '0a000000-0000-4000-8000-000000000009', '0d000000-0000-4000-8000-000000000005', 'weekly', 'dorm_hygiene', 'MEBPM1QM51ZXWDR36'),
  ('a7000000-0000-4000-8000-000000000009', '05000000-0000-4000-8000-000000000002', '1 号宿舍楼', '2F', '宿舍 201 室', 'dormitory', '0a000000-0000-4000-8000-000000000009', '0d000000-0000-4000-8000-000000000005', 'weekly', 'dorm_hygiene', 'XVZHXZHF0RPAYDZGC'),
  ('a7000000-0000-4000-8000-000000000010', '05000000-0000-4000-8000-000000000002', '1 号宿舍楼', '2F', '宿舍 202 室', 'dormitory', '0a000000-0000-4000-8000-000000000009', '0d000000-0000-4000-8000-000000000005', 'weekly', 'dorm_hygiene', '079GZM70653YJ4AEV');

insert into public.reward_rules (id, name, scope, period, kind, threshold, rank_n, points, active) values
  ('a8000000-0000-4000-8000-000000000001', '区域月均分低于 70 分扣分', 'area', 'month', 'average_below', 70, null, -5, true),
  ('a8000000-0000-4000-8000-000000000002', '月度卫生第一名区域奖励', 'area', 'month', 'top_rank', null, 1, 5, true);

-- Vehicles (issue 5). The pre-trip checklist: the domain's VEHICLE_PRETRIP_V1 with
-- PRETRIP_TEMPLATE_ID (src/features/vehicles/domain/preTrip.ts), also the "pretripTemplate" of
-- demo-company.json (tests/db/vehicles-rls.test.ts checks all three are equal and valid).
-- Its critical items (brakes, tyres, lights, steering) put a vehicle out of service when they fail.
insert into public.checklist_templates (id, code, version, name_zh, name_en, sections, grading, active) values
  ('7b0c6f1e-3d2a-4c8b-9e51-5a1f00000010', 'vehicle_pretrip', 1, '出车前检查表', 'Pre-trip vehicle check',
   '[{"key":"safety","title_zh":"安全","title_en":"Safety","items":[{"key":"brakes","text_zh":"刹车有效，无异响","text_en":"Brakes work, no unusual noise","mode":"pass_fail","max_points":10,"allow_na":false,"critical":true,"photo_on_fail":true},{"key":"tyres","text_zh":"轮胎气压正常，无鼓包、裂纹，花纹深度足够","text_en":"Tyres: pressure normal, no bulges or cuts, enough tread","mode":"pass_fail","max_points":10,"allow_na":false,"critical":true,"photo_on_fail":true},{"key":"lights","text_zh":"大灯、转向灯、刹车灯、危险报警灯正常","text_en":"Headlights, indicators, brake and hazard lights work","mode":"pass_fail","max_points":10,"allow_na":false,"critical":true,"photo_on_fail":true},{"key":"steering","text_zh":"转向正常，无跑偏","text_en":"Steering normal, no pulling","mode":"pass_fail","max_points":10,"allow_na":false,"critical":true,"photo_on_fail":true},{"key":"wipers","text_zh":"雨刮和玻璃水正常","text_en":"Wipers and washer fluid work","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"mirrors","text_zh":"后视镜完好、调整到位","text_en":"Mirrors intact and adjusted","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"fluids","title_zh":"油液","title_en":"Fluids","items":[{"key":"engine_oil","text_zh":"机油液位正常，无渗漏","text_en":"Engine oil level normal, no leaks","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"coolant","text_zh":"冷却液液位正常","text_en":"Coolant level normal","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"fuel_level","text_zh":"燃油（电量）足够本次出车","text_en":"Enough fuel (charge) for the trip","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"documents","title_zh":"证件与随车物品","title_en":"Documents and equipment on board","items":[{"key":"documents","text_zh":"行驶证、保险单在车上","text_en":"Registration and insurance papers on board","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"safety_kit","text_zh":"三角警示牌、灭火器在车上且有效","text_en":"Warning triangle and a valid fire extinguisher on board","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"cleanliness","text_zh":"车内外整洁","text_en":"Vehicle clean inside and out","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]}]',
   '{"thresholds":[{"grade":"excellent","min":90},{"grade":"good","min":80},{"grade":"fair","min":60},{"grade":"poor","min":0}],"pass_mark":60}', true);

-- Renewal rules: defaults for every vehicle (service every 10,000 km or 6 months, annual
-- inspection and insurance every 12 months) and, per demo vehicle, when each was last done.
insert into public.renewal_rules (id, vehicle_id, kind, every_km, every_months, last_done_at, last_done_km) values
  ('a9000000-0000-4000-8000-000000000001', null, 'service', 10000, 6, null, null),
  ('a9000000-0000-4000-8000-000000000002', null, 'annual_inspection', null, 12, null, null),
  ('a9000000-0000-4000-8000-000000000003', null, 'insurance', null, 12, null, null),
  ('a9000000-0000-4000-8000-000000000004', 'a5000000-0000-4000-8000-000000000007', 'service', 10000, 6, '2026-06-18', 30150),
  ('a9000000-0000-4000-8000-000000000005', 'a5000000-0000-4000-8000-000000000007', 'annual_inspection', null, 12, '2026-04-15', null),
  ('a9000000-0000-4000-8000-000000000006', 'a5000000-0000-4000-8000-000000000007', 'insurance', null, 12, '2025-09-30', null),
  ('a9000000-0000-4000-8000-000000000007', 'a5000000-0000-4000-8000-000000000008', 'service', 10000, 6, '2026-05-20', 78900),
  ('a9000000-0000-4000-8000-000000000008', 'a5000000-0000-4000-8000-000000000008', 'annual_inspection', null, 12, '2025-11-20', null),
  ('a9000000-0000-4000-8000-000000000009', 'a5000000-0000-4000-8000-000000000008', 'insurance', null, 12, '2025-12-31', null);

-- The demo driver's history on the GL8: two full-tank fill-ups and a finished trip
-- (odometer consistent with the asset's 86,420 km), then each demo vehicle's derived state.
insert into public.fuel_logs (id, vehicle_id, driver_id, filled_at, odometer_km, litres, unit_price, amount,
  full_tank, missed_previous, fuel_type, station, fuel_card, photo_ids, status) values
  ('aa000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000008', '0a000000-0000-4000-8000-000000000005',
   '2026-11-10T08:12:00+08:00', 85790, 52.3, 7.85, 410.56, true, false, 'gasoline_92', '中石化沪闵路加油站', 'SH-FC-0001', '{}', 'complete'),
  ('aa000000-0000-4000-8000-000000000002', 'a5000000-0000-4000-8000-000000000008', '0a000000-0000-4000-8000-000000000005',
   '2026-11-24T17:40:00+08:00', 86380, 55.1, 7.79, 429.23, true, false, 'gasoline_92', '中石油虹桥加油站', 'SH-FC-0001', '{}', 'complete');

insert into public.trips (id, vehicle_id, driver_id, started_at, ended_at, purpose, destination, passengers,
  odometer_start, odometer_end, vehicle_check_id, notes, flags) values
  ('ab000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000008', '0a000000-0000-4000-8000-000000000005',
   '2026-11-25T09:00:00+08:00', '2026-11-25T11:30:00+08:00', '接送客户', '虹桥机场 T2', '客户 2 人',
   86380, 86420, null, null, '{}');

select private.vehicle_state_derive(a.id) from public.assets a where a.kind = 'vehicle' and a.id::text like 'a5000000-%';

-- Dormitories (issue 10): the "dorms" of demo-company.json — one building at the plant with a few
-- rooms and labelled beds, the demo employee's allocation (reserved, to check in) and two residents
-- already living there; each bed's state derived from its events as the ops do.
insert into public.dorm_buildings (id, site_id, name, floors, rules) values
  ('d0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '1 号宿舍楼', 5, '1. 23:00 熄灯，22:30 后保持安静。
2. 宿舍内禁止使用大功率电器和明火，禁止吸烟。
3. 不得留宿外来人员，访客 22:00 前离开。
4. 保持室内整洁，按值日表打扫卫生。
5. 爱护公物，损坏照价赔偿。
6. 钥匙、门禁卡不得转借，遗失及时报宿管员补办。');
insert into public.dorm_rooms (id, building_id, site_id, floor, number, room_type, gender, fee_fen, furniture) values
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', 1, '101', 4, 'male', 15000, '[{"name": "上下铺床", "qty": 2}, {"name": "衣柜", "qty": 4}, {"name": "书桌", "qty": 2}, {"name": "椅子", "qty": 4}, {"name": "空调", "qty": 1}]'),
  ('d1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', 1, '102', 2, 'male', 30000, '[{"name": "单人床", "qty": 2}, {"name": "衣柜", "qty": 2}, {"name": "书桌", "qty": 2}, {"name": "空调", "qty": 1}, {"name": "热水器", "qty": 1}]'),
  ('d1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', 2, '201', 2, 'female', 30000, '[{"name": "单人床", "qty": 2}, {"name": "衣柜", "qty": 2}, {"name": "书桌", "qty": 2}, {"name": "空调", "qty": 1}, {"name": "热水器", "qty": 1}]'),
  ('d1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', 2, '202', 1, 'female', 60000, '[{"name": "单人床", "qty": 1}, {"name": "衣柜", "qty": 1}, {"name": "书桌", "qty": 1}, {"name": "空调", "qty": 1}, {"name": "热水器", "qty": 1}]');
insert into public.dorm_beds (id, room_id, building_id, site_id, code, label_token) values
  ('d2000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '1', 'X2V4B959RKQ28P6HZ'),
  ('d2000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '2', '6H9GYZ8K687X7J3ZY'),
  ('d2000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '3', '6W4M2SDD77PAEZY6F'),
  ('d2000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '4', 'HWR83XV9FG6KZQJ9V'),
  ('d2000000-0000-4000-8000-000000000005', 'd1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '1', 'HRNS9K430A55RXXYC'),
  ('d2000000-0000-4000-8000-000000000006', 'd1000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '2', 'WATDFQMWNCJKPVKEH'),
  ('d2000000-0000-4000-8000-000000000007', 'd1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '1', '30ZBEE788EHN5WSR5'),
  ('d2000000-0000-4000-8000-000000000008', 'd1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '2', 'XNJ24DQ93194VZGYK'),
  ('d2000000-0000-4000-8000-000000000009', 'd1000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '1', 'F3FS3QAV1E43Q2WDA');
insert into public.dorm_stays (id, bed_id, room_id, building_id, site_id, occupant_id, gender, department_id, shift, starts_on, allocated_by, allocated_at) values
  ('d3000000-0000-4000-8000-000000000001', 'd2000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000010', 'male', '0d000000-0000-4000-8000-000000000005', '白班', '2026-12-01', '0a000000-0000-4000-8000-000000000009', '2026-11-20T09:00:00+08:00'),
  ('d3000000-0000-4000-8000-000000000002', 'd2000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000005', 'male', '0d000000-0000-4000-8000-000000000001', '白班', '2026-11-20', '0a000000-0000-4000-8000-000000000009', '2026-11-20T09:00:00+08:00'),
  ('d3000000-0000-4000-8000-000000000003', 'd2000000-0000-4000-8000-000000000007', 'd1000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', '05000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000007', 'female', '0d000000-0000-4000-8000-000000000004', '夜班', '2026-11-20', '0a000000-0000-4000-8000-000000000009', '2026-11-20T09:00:00+08:00');
-- Event ids: the stay's id with d4 (allocation) or d5 (check-in) in front, as the local demo makes them.
insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload)
select ('d4' || substr(s.id::text, 3))::uuid, s.bed_id, s.site_id, s.id, 'allocate', s.allocated_by, s.allocated_at,
  jsonb_build_object('stay_id', s.id, 'occupant_id', s.occupant_id, 'gender', s.gender, 'department_id', s.department_id,
    'shift', s.shift, 'starts_on', s.starts_on, 'ends_on', null, 'request_id', null)
from public.dorm_stays s where s.id::text like 'd3000000-%';
insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload)
select ('d5' || substr(s.id::text, 3))::uuid, s.bed_id, s.site_id, s.id, 'check_in', s.occupant_id, '2026-11-21T18:00:00+08:00',
  jsonb_build_object('stay_id', s.id, 'occupant_id', s.occupant_id)
from public.dorm_stays s where s.id in ('d3000000-0000-4000-8000-000000000002', 'd3000000-0000-4000-8000-000000000003');
select private.dorm_bed_derive(b.id) from public.dorm_beds b where b.id::text like 'd2000000-%';
