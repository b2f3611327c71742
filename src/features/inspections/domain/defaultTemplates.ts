/**
 * The default checklist templates shipped with the app (chapter 14 of the manual: 卫生检查,
 * 绿化). The SQL seed inserts the same rows with the same ids, so the ids are fixed here and
 * exported; a test checks both templates against the schema.
 */
import type { Grading, TemplateItem, TemplateVersion } from './template'

/** checklist_templates.id of each default template's version 1 (the seed uses the same). */
export const DEFAULT_TEMPLATE_IDS = {
  sanitation: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000001',
  greening: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000002',
  dorm_hygiene: '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000003',
} as const

/** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; passing from 60. */
export const DEFAULT_GRADING: Grading = {
  thresholds: [
    { grade: 'excellent', min: 90 },
    { grade: 'good', min: 80 },
    { grade: 'fair', min: 60 },
    { grade: 'poor', min: 0 },
  ],
  pass_mark: 60,
}

type ItemOptions = Partial<Pick<TemplateItem, 'mode' | 'max_points' | 'allow_na' | 'critical' | 'photo_on_fail' | 'guidance_zh' | 'guidance_en'>>

// Defaults: a pass/fail item worth 10, no N/A, not critical, photo on fail (most faults are visible).
function item(key: string, text_zh: string, text_en: string, o: ItemOptions = {}): TemplateItem {
  const out: TemplateItem = {
    key,
    text_zh,
    text_en,
    mode: o.mode ?? 'pass_fail',
    max_points: o.max_points ?? 10,
    allow_na: o.allow_na ?? false,
    critical: o.critical ?? false,
    photo_on_fail: o.photo_on_fail ?? true,
  }
  if (o.guidance_zh) out.guidance_zh = o.guidance_zh
  if (o.guidance_en) out.guidance_en = o.guidance_en
  return out
}

export const SANITATION_V1: TemplateVersion = {
  code: 'sanitation',
  version: 1,
  name_zh: '卫生检查表',
  name_en: 'Sanitation checklist',
  sections: [
    {
      key: 'floors_walls',
      title_zh: '地面与墙面',
      title_en: 'Floors, walls and ceilings',
      items: [
        item('floor_clean', '地面干净，无垃圾、污渍、积水', 'Floor clean: no litter, stains or standing water', {
          guidance_zh: '包括墙角、桌椅下方和门后。',
          guidance_en: 'Include corners, under desks and behind doors.',
        }),
        item('walls_ceiling', '墙面、天花板无污迹、蜘蛛网、霉斑', 'Walls and ceiling free of marks, cobwebs and mould', { max_points: 5 }),
        item('skirting_corners', '踢脚线、墙角无积尘', 'Skirting boards and corners free of dust', { max_points: 5, photo_on_fail: false }),
      ],
    },
    {
      key: 'windows_doors',
      title_zh: '门窗',
      title_en: 'Windows and doors',
      items: [
        item('glass_clean', '玻璃明亮，无手印、水渍', 'Glass clear, no fingerprints or water marks', { allow_na: true }),
        item('frames_handles', '门窗框、把手、窗台无积尘污渍', 'Frames, handles and sills free of dust and dirt', { max_points: 5, photo_on_fail: false }),
      ],
    },
    {
      key: 'washrooms',
      title_zh: '卫生间',
      title_en: 'Washrooms',
      items: [
        item('washroom_usable', '卫生间可正常使用（无堵塞、无溢水、无损坏停用）', 'Washroom usable (not blocked, overflowing or out of order)', {
          allow_na: true,
          critical: true,
          guidance_zh: '任一便器堵塞或溢水即为不合格，须立即报修。',
          guidance_en: 'Any blocked or overflowing toilet is a fail; report it for repair at once.',
        }),
        item('fixtures_clean', '洁具（便器、洗手盆、镜面）清洁，无污垢、尿碱', 'Fixtures (toilets, basins, mirrors) clean, no grime or scale', {
          allow_na: true,
        }),
        item('supplies_stocked', '厕纸、洗手液、擦手纸充足', 'Toilet paper, hand soap and paper towels stocked', {
          max_points: 5,
          allow_na: true,
          photo_on_fail: false,
        }),
        item('washroom_odour', '无明显异味，通风良好', 'No noticeable odour, well ventilated', { max_points: 5, allow_na: true, photo_on_fail: false }),
      ],
    },
    {
      key: 'bins',
      title_zh: '垃圾桶',
      title_en: 'Bins',
      items: [
        item('bins_emptied', '垃圾桶及时清倒，不满溢', 'Bins emptied in time, not overflowing'),
        item('bins_clean', '桶身及周边干净，垃圾分类正确', 'Bins and their surroundings clean, waste sorted correctly', { max_points: 5 }),
      ],
    },
    {
      key: 'surfaces',
      title_zh: '台面与设施',
      title_en: 'Surfaces and fittings',
      items: [
        item('surfaces_dust', '桌面、台面、扶手、开关面板无积尘', 'Desks, counters, handrails and switch plates free of dust', {
          mode: 'points',
          guidance_zh: '10 分：无积尘；5 分：少量浮尘；0 分：明显积尘。',
          guidance_en: '10: no dust; 5: light dust; 0: visible build-up.',
        }),
      ],
    },
    {
      key: 'circulation',
      title_zh: '走廊与楼梯间',
      title_en: 'Corridors and stairwells',
      items: [
        item('corridors_clear', '走廊、楼梯间畅通，无杂物堆放，消防通道未被占用', 'Corridors and stairwells clear, nothing stored, fire exits unobstructed', {
          allow_na: true,
        }),
        item('stairs_handrails', '楼梯台阶及扶手干净', 'Stair treads and handrails clean', { max_points: 5, allow_na: true }),
      ],
    },
    {
      key: 'general',
      title_zh: '环境与卫生安全',
      title_en: 'Air, pests and hygiene',
      items: [
        item('air_odour', '空气清新，无异味', 'Air fresh, no odour', { max_points: 5, photo_on_fail: false }),
        item('no_pests', '无蚊蝇、蟑螂、鼠迹', 'No flies, cockroaches or signs of rodents', {
          guidance_zh: '检查角落、管道口和垃圾点。',
          guidance_en: 'Check corners, pipe openings and bin points.',
        }),
        item('food_area_hygiene', '食品区域无卫生隐患（无变质食物、生熟未混放、无虫害）', 'No food-area hygiene hazard (no spoiled food, raw and cooked kept apart, no pests)', {
          allow_na: true,
          critical: true,
          guidance_zh: '仅适用于食堂、茶水间等食品区域，其他区域选“不适用”。',
          guidance_en: 'Only for canteens, pantries and other food areas; N/A elsewhere.',
        }),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

export const GREENING_V1: TemplateVersion = {
  code: 'greening',
  version: 1,
  name_zh: '绿化检查表',
  name_en: 'Greening checklist',
  sections: [
    {
      key: 'watering',
      title_zh: '浇灌',
      title_en: 'Watering',
      items: [
        item('watering_adequate', '浇水适时适量，植物无缺水萎蔫', 'Watered in time and in the right amount, no wilting'),
        item('irrigation_no_leaks', '灌溉设施无漏水，喷头、水管完好', 'Irrigation without leaks, sprinklers and hoses intact', { max_points: 5, allow_na: true }),
      ],
    },
    {
      key: 'pruning',
      title_zh: '修剪',
      title_en: 'Pruning',
      items: [
        item('pruning_done', '乔木、灌木修剪及时，树形整齐', 'Trees and shrubs pruned in time, shapes tidy', { allow_na: true }),
        item('hedges_trimmed', '绿篱修剪平整，无缺株断档', 'Hedges trimmed level, no gaps', { allow_na: true }),
        item('no_dead_branches', '无枯枝、断枝、残花', 'No dead or broken branches, no spent flowers', { max_points: 5, allow_na: true }),
        item('no_dangerous_branch', '人行道、车道上方无危险枯枝或断枝', 'No dangerous dead branch over a walkway or driveway', {
          allow_na: true,
          critical: true,
          guidance_zh: '发现即拉警戒并立即处理。',
          guidance_en: 'Cordon it off and deal with it at once.',
        }),
      ],
    },
    {
      key: 'lawn_beds',
      title_zh: '草坪与花坛',
      title_en: 'Lawns and beds',
      items: [
        item('lawn_height', '草坪高度适宜、修剪均匀', 'Lawn at the right height, evenly mown', {
          mode: 'points',
          allow_na: true,
          guidance_zh: '宜保持 4–8 cm。10 分：均匀适宜；5 分：局部过高；0 分：普遍过高或斑秃。',
          guidance_en: 'Keep to 4–8 cm. 10: even; 5: patches too long; 0: overgrown or bald patches.',
        }),
        item('no_weeds', '无明显杂草', 'No noticeable weeds'),
        item('no_litter_in_beds', '绿地、花坛内无垃圾、落叶堆积', 'No litter or piled leaves in beds and green areas'),
      ],
    },
    {
      key: 'plant_health',
      title_zh: '植物健康',
      title_en: 'Plant health',
      items: [
        item('no_pests_disease', '无明显病虫害', 'No visible pests or disease', {
          guidance_zh: '查看叶面、叶背及枝干，发现虫害及时防治。',
          guidance_en: 'Look at both sides of leaves and along stems; treat at once.',
        }),
        item('growth_good', '植物长势良好，无死株、无黄土裸露', 'Plants growing well, no dead plants or bare soil', { max_points: 5 }),
        item('materials_stored', '工具、肥料、药剂规范存放，有警示标识', 'Tools, fertiliser and chemicals stored properly and labelled', {
          max_points: 5,
          allow_na: true,
        }),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

/**
 * 宿舍卫生检查 (issue 10): dormitory rooms are areas (area_type 'dormitory') inspected with this family;
 * failed items become rectifications for the room's responsible person, rooms rank like any area.
 * Inserted with its id by supabase/migrations/20261202170200_dorm_hygiene_template.sql.
 */
export const DORM_HYGIENE_V1: TemplateVersion = {
  code: 'dorm_hygiene',
  version: 1,
  name_zh: '宿舍卫生检查表',
  name_en: 'Dorm hygiene checklist',
  sections: [
    {
      key: 'room_tidy',
      title_zh: '室内整洁',
      title_en: 'Tidy room',
      items: [
        item('dorm_floor_clean', '地面干净，无垃圾、积水', 'Floor clean: no litter or standing water'),
        item('beds_made', '床铺整齐，被褥叠放', 'Beds made, bedding folded'),
        item('desks_tidy', '桌面、柜顶物品摆放整齐', 'Desks and wardrobe tops tidy', { max_points: 5, photo_on_fail: false }),
        item('shoes_clothes', '鞋子、衣物摆放有序，不乱堆乱挂', 'Shoes and clothes put away, nothing heaped or hung about', { max_points: 5, photo_on_fail: false }),
        item('dorm_bins', '垃圾及时清倒，不满溢、无异味', 'Rubbish emptied in time, not overflowing, no smell'),
      ],
    },
    {
      key: 'bathroom_balcony',
      title_zh: '卫生间与阳台',
      title_en: 'Bathroom and balcony',
      items: [
        item('dorm_bathroom_clean', '卫生间洁具干净，无污垢、无堵塞', 'Bathroom fixtures clean, no grime, nothing blocked', { allow_na: true }),
        item('balcony_clear', '阳台整洁，无杂物堆放', 'Balcony tidy, nothing piled up', { max_points: 5, allow_na: true }),
      ],
    },
    {
      key: 'safety',
      title_zh: '安全',
      title_en: 'Safety',
      items: [
        item('no_banned_appliances', '无违规大功率电器（电炉、热得快等）', 'No banned high-power appliances (hot plates, immersion heaters …)', {
          critical: true,
          guidance_zh: '发现即暂扣并登记，通知宿管员。',
          guidance_en: 'Confiscate and record at once; tell the dorm manager.',
        }),
        item('no_smoking_fire', '无吸烟、明火痕迹', 'No sign of smoking or open flame', { critical: true }),
        item('wiring_safe', '无私拉乱接电线，插座不超负荷', 'No makeshift wiring, sockets not overloaded'),
        item('exits_clear', '门口、走道畅通，无杂物堵塞', 'Doorway and passage clear', { max_points: 5 }),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

/** The default templates with their fixed ids. */
export const DEFAULT_TEMPLATES: readonly { id: string; template: TemplateVersion }[] = [
  { id: DEFAULT_TEMPLATE_IDS.sanitation, template: SANITATION_V1 },
  { id: DEFAULT_TEMPLATE_IDS.greening, template: GREENING_V1 },
  { id: DEFAULT_TEMPLATE_IDS.dorm_hygiene, template: DORM_HYGIENE_V1 },
]

/** The default templates as checklist_templates rows (local mode seeds the device with these). */
export function defaultTemplateRows(updatedAt: string) {
  return DEFAULT_TEMPLATES.map(({ id, template }) => ({
    id,
    code: template.code,
    version: template.version,
    name_zh: template.name_zh,
    name_en: template.name_en,
    sections: template.sections as unknown,
    grading: template.grading as unknown,
    active: true,
    updated_at: updatedAt,
    deleted_at: null as string | null,
  }))
}
