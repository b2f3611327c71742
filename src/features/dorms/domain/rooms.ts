/**
 * Buildings → floors → rooms → beds (员工宿舍). A room has a type (1, 2, 4 or 6 beds), a gender,
 * a fee per bed per month in fen (exact integers, never floats) and its furniture and appliances;
 * each bed has its own QR label (the assets' token format, `/a/<token>` opens it). Bed status is
 * derived from the bed's events (bedFold.ts), never set here.
 */
import { z } from 'zod'
import { isLabelToken } from '@/features/assets/domain/labelToken'
import { E } from './fields'
import { choice, int, optionalText, text, uuid } from './fieldSchemas'

export const ROOM_TYPES = [1, 2, 4, 6] as const
export type RoomType = (typeof ROOM_TYPES)[number]

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

export const BED_STATUSES = ['vacant', 'reserved', 'occupied', 'under_repair'] as const
export type BedStatus = (typeof BED_STATUSES)[number]

/** At most ¥100,000 per bed per month: a typing slip beyond that. */
export const MAX_FEE_FEN = 10_000_000

const YUAN_RE = /^(\d{1,7})(?:\.(\d{1,2}))?$/

/** "650", "650.5", "650.50" yuan → 65050 fen, exactly (string arithmetic, no float). Null when not a sum of money. */
export function parseYuan(input: string): number | null {
  const m = YUAN_RE.exec(input.trim().replace(/^¥\s*/, ''))
  if (!m) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return fen <= MAX_FEE_FEN ? fen : null
}

/** 65050 → "650.50". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Default bed codes of a room: 1..n (printed on the bed's label after the room number, e.g. 301-2). */
export function defaultBedCodes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i + 1))
}

/** What is printed as a bed's number: building, room and bed, e.g. "1号楼 301-2". */
export function bedNumber(buildingName: string, roomNumber: string, bedCode: string): string {
  return `${buildingName} ${roomNumber}-${bedCode}`.trim()
}

const token = () => z.string({ error: E.token }).refine(isLabelToken, { error: E.token })

export const buildingSchema = z.object({
  id: uuid(),
  site_id: uuid(),
  name: text(60),
  floors: int(1, 60),
  /** The dorm rules (宿舍管理规定) residents acknowledge with their signature at check-in. */
  rules: optionalText(4000),
})
export type BuildingInput = z.input<typeof buildingSchema>
export type Building = z.output<typeof buildingSchema>

export const furnitureItemSchema = z.object({ name: text(40), qty: int(1, 99) })
export type FurnitureItem = z.output<typeof furnitureItemSchema>

export const bedInputSchema = z.object({
  id: uuid(),
  code: z.string({ error: E.bedCode }).trim().regex(/^[A-Z0-9]{1,4}$/, { error: E.bedCode }),
  label_token: token(),
})

export const roomSchema = z
  .object({
    id: uuid(),
    building_id: uuid(),
    floor: int(-3, 60),
    number: text(20),
    room_type: z.union(ROOM_TYPES.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<4>, z.ZodLiteral<6>], { error: E.choice }),
    gender: choice(GENDERS),
    fee_fen: int(0, MAX_FEE_FEN),
    furniture: z.array(furnitureItemSchema).max(40, { error: E.tooLong }),
    beds: z.array(bedInputSchema),
  })
  .superRefine((r, ctx) => {
    if (r.beds.length !== r.room_type) ctx.addIssue({ code: 'custom', message: E.bedCount, path: ['beds'] })
    const codes = new Set(r.beds.map((b) => b.code))
    if (codes.size !== r.beds.length) ctx.addIssue({ code: 'custom', message: E.bedCode, path: ['beds'] })
    const tokens = new Set(r.beds.map((b) => b.label_token))
    if (tokens.size !== r.beds.length) ctx.addIssue({ code: 'custom', message: E.token, path: ['beds'] })
  })
export type RoomInput = z.input<typeof roomSchema>
export type Room = z.output<typeof roomSchema>
