/**
 * Check-in on the phone (入住登记): the room inventory on the checklists engine (each item present and
 * undamaged, a photo of any damage), water and electricity meter readings each with a photo, the keys
 * and access cards handed over (labelled ones as custody items: a check_out to the resident; a key
 * without a label by its number as text), and the dorm rules acknowledged with
 * a signature drawn on the screen (kept as a photo). Saved together with the bed's check_in event: the
 * bed is occupied the moment it is saved. The SQL migration inserts DORM_INVENTORY_V1 with its id.
 * The record's zod schema is in checkInSchema.ts (importing it loads zod; the save loads it).
 */
import type { TemplateItem, TemplateVersion } from '@/features/inspections/domain/template'
import { DEFAULT_GRADING } from '@/features/inspections/domain/defaultTemplates'

export const DORM_INVENTORY_CODE = 'dorm_inventory'
export const DORM_INVENTORY_TEMPLATE_ID = '7b0c6f1e-3d2a-4c8b-9e51-5a1f00000020'

function item(key: string, text_zh: string, text_en: string, allow_na = false): TemplateItem {
  return { key, text_zh, text_en, mode: 'pass_fail', max_points: 10, allow_na, critical: false, photo_on_fail: true }
}

export const DORM_INVENTORY_V1: TemplateVersion = {
  code: DORM_INVENTORY_CODE,
  version: 1,
  name_zh: '宿舍物品清点表',
  name_en: 'Dorm room inventory',
  sections: [
    {
      key: 'furniture',
      title_zh: '家具',
      title_en: 'Furniture',
      items: [
        item('bed_mattress', '床架、床板、床垫齐全完好', 'Bed frame, boards and mattress present and undamaged'),
        item('wardrobe', '衣柜完好，柜门和锁可用', 'Wardrobe undamaged, doors and lock work'),
        item('desk_chair', '书桌、椅子齐全完好', 'Desk and chair present and undamaged'),
      ],
    },
    {
      key: 'appliances',
      title_zh: '电器与设施',
      title_en: 'Appliances and fittings',
      items: [
        item('air_conditioner', '空调及遥控器可用', 'Air conditioner and remote work', true),
        item('water_heater', '热水器、洗浴设施可用', 'Water heater and shower work', true),
        item('lights_sockets', '灯具、开关、插座正常', 'Lights, switches and sockets work'),
      ],
    },
    {
      key: 'room',
      title_zh: '房间',
      title_en: 'Room',
      items: [
        item('door_lock_window', '门、门锁、窗户、纱窗完好', 'Door, lock, windows and screens undamaged'),
        item('walls_floor', '墙面、地面干净无损坏', 'Walls and floor clean and undamaged'),
      ],
    },
  ],
  grading: DEFAULT_GRADING,
}

export const METERS = ['water', 'electricity'] as const
export type Meter = (typeof METERS)[number]

/** "1234.5" → 1234.5; null when it is not a reading. */
export function parseReading(input: string): number | null {
  const s = input.trim()
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return null
  return Number(s)
}
