/**
 * Check-in on the phone (入住登记): the room inventory on the checklists engine (each item present and
 * undamaged, a photo of any damage), water and electricity meter readings each with a photo, the keys
 * and access cards handed over (labelled ones as custody items: a check_out to the resident; a key
 * without a label by its number as text), and the dorm rules acknowledged with
 * a signature drawn on the screen (kept as a photo). Saved together with the bed's check_in event: the
 * bed is occupied the moment it is saved. The SQL migration inserts DORM_INVENTORY_V1 with its id.
 */
import { z } from 'zod'
import type { TemplateItem, TemplateVersion } from '@/features/inspections/domain/template'
import { DEFAULT_GRADING } from '@/features/inspections/domain/defaultTemplates'
import { E, dateTime, text, uuid } from './fields'

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

/** A meter reading: up to 7 digits and 2 decimals (m³ or kWh), as the dial shows. */
export const meterReading = () =>
  z
    .number({ error: E.reading })
    .min(0, { error: E.reading })
    .max(9_999_999, { error: E.reading })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: E.reading })

/** "1234.5" → 1234.5; null when it is not a reading. */
export function parseReading(input: string): number | null {
  const s = input.trim()
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return null
  return Number(s)
}

/** A key handed over or back: a dorm_key asset with its custody event (made on the device), or a number. */
export const keyHandSchema = z.union([z.object({ asset_id: uuid(), event_id: uuid() }), z.object({ label: text(40) })])
export type KeyHand = z.output<typeof keyHandSchema>

export const checkInSchema = z.object({
  /** The check-in record's id (photos' owner). */
  id: uuid(),
  stay_id: uuid(),
  bed_id: uuid(),
  /** The bed's check_in event, recorded with it. */
  event_id: uuid(),
  template_id: uuid(),
  started_at: dateTime(),
  answers: z.array(
    z.object({
      item_key: z.string(),
      result: z.enum(['pass', 'fail', 'na', 'points']),
      points: z.number().optional(),
      note: z.string().optional(),
      photo_ids: z.array(uuid()).optional(),
    }),
  ),
  meters: z
    .array(z.object({ meter: z.enum(METERS, { error: E.choice }), reading: meterReading(), photo_id: uuid() }))
    .refine((m) => METERS.every((k) => m.filter((x) => x.meter === k).length === 1), { error: E.reading }),
  /** Keys and access cards handed over: labelled ones by asset (custody), others by number (钥匙、门禁卡编号). */
  keys: z.array(keyHandSchema).max(10, { error: E.tooLong }),
  rules_ack: z.literal(true, { error: E.required }),
  signature_photo_id: uuid(),
})
export type CheckInInput = z.input<typeof checkInSchema>
export type CheckIn = z.output<typeof checkInSchema>
