/** The dormitories' rows (员工宿舍): buildings, rooms, labelled beds, stays and bed events. Columns as the server's. */

export interface DormBuildingRow {
  id: string
  site_id: string
  name: string
  floors: number
  rules: string | null
  updated_at: string
  deleted_at: string | null
}

export interface DormRoomRow {
  id: string
  building_id: string
  site_id: string
  floor: number
  number: string
  room_type: 1 | 2 | 4 | 6
  gender: 'male' | 'female'
  /** Per bed per month, in fen. */
  fee_fen: number
  furniture: { name: string; qty: number }[]
  updated_at: string
  deleted_at: string | null
}

export interface DormBedConflictRow {
  id: string
  kind: 'double_booking' | 'in_repair'
  stay_ids: string[]
  device_time: string
  resolved_by: string | null
  open: boolean
}

export interface DormBedRow {
  id: string
  room_id: string
  building_id: string
  site_id: string
  code: string
  label_token: string
  /** Derived from the bed's events. */
  status: 'vacant' | 'reserved' | 'occupied' | 'under_repair'
  stay_id: string | null
  occupant_id: string | null
  in_repair: boolean
  has_conflict: boolean
  conflicts: DormBedConflictRow[]
  /** When the bed was made (the server's; absent on a row made on this device and not yet pulled). */
  created_at?: string
  updated_at: string
  deleted_at: string | null
}

export interface DormStayRow {
  id: string
  bed_id: string
  room_id: string
  building_id: string
  site_id: string
  occupant_id: string
  gender: 'male' | 'female'
  department_id: string | null
  shift: string | null
  starts_on: string
  ends_on: string | null
  request_id: string | null
  allocated_by: string
  allocated_at: string
  /** Derived. */
  status: 'reserved' | 'active' | 'ended' | 'cancelled'
  checked_in_at: string | null
  ended_at: string | null
  contested: boolean
  updated_at: string
  deleted_at: string | null
}

export interface DormBedEventRow {
  id: string
  bed_id: string
  site_id: string
  stay_id: string | null
  type: 'allocate' | 'cancel' | 'check_in' | 'check_out' | 'repair_start' | 'repair_end' | 'resolve_conflict'
  actor_id: string
  device_time: string
  server_time: string | null
  payload: Record<string, unknown>
  photo_ids: string[]
  flagged: boolean
  updated_at: string
  deleted_at: string | null
}

/** 入住登记: the inventory run, meters, keys and the signature, recorded with the bed's check_in event. */
export interface DormCheckInRow {
  id: string
  stay_id: string
  bed_id: string
  site_id: string
  occupant_id: string
  recorded_by: string
  bed_event_id: string
  template_id: string
  started_at: string
  submitted_at: string
  answers: { item_key: string; result: 'pass' | 'fail' | 'na' | 'points'; points?: number; note?: string; photo_ids?: string[] }[]
  failed_items: number
  meters: { meter: 'water' | 'electricity'; reading: number; photo_id: string }[]
  /** Handed over: labelled keys by asset and their custody event, others by number. */
  keys: ({ label: string } | { asset_id: string; event_id: string })[]
  signature_photo_id: string
  updated_at: string
  deleted_at: string | null
}

/** 退宿登记: the inventory again (new_damage: failed now, not at check-in; the server's), final meters, keys back. */
export interface DormCheckOutRow {
  id: string
  stay_id: string
  bed_id: string
  site_id: string
  occupant_id: string
  recorded_by: string
  bed_event_id: string
  check_in_id: string | null
  template_id: string
  started_at: string
  submitted_at: string
  answers: DormCheckInRow['answers']
  failed_items: number
  new_damage: string[]
  meters: DormCheckInRow['meters']
  keys: DormCheckInRow['keys']
  note: string | null
  /** New damage priced from the list (the server's, at the time it was recorded); unpriced items left out. */
  damages?: { item_key: string; fen: number }[]
  damage_fen?: number
  /** The 提前退宿申请 this check-out carried out (set by the server), if any. */
  leave_request_id?: string | null
  updated_at: string
  deleted_at: string | null
}

/** 损坏赔偿价目表: an inventory item's price, for one building or company-wide (building_id null). */
export interface DormDamagePriceRow {
  id: string
  site_id: string | null
  building_id: string | null
  item_key: string
  unit_fen: number
  updated_by: string
  updated_at: string
  deleted_at: string | null
}

/** 月度抄表: a room's water and electricity readings in the monthly round, the month-end reading of `month`. */
export interface DormMeterReadingRow {
  id: string
  room_id: string
  building_id: string
  site_id: string
  /** 'YYYY-MM' */
  month: string
  read_at: string
  recorded_by: string
  /** A meter replaced since the last reading: its old one's final reading and the new one's start. */
  meters: (DormCheckInRow['meters'][number] & { replaced?: { old_final: number; new_start: number } })[]
  note: string | null
  updated_at: string
  deleted_at: string | null
}

/** 长期外出: a resident away for a while; the bed stays theirs (domain/absence.ts). */
export interface DormAbsenceRow {
  id: string
  stay_id: string
  bed_id: string
  room_id: string
  site_id: string
  occupant_id: string
  starts_on: string
  expected_return_on: string
  /** The day they were back (ends it); null while away. */
  returned_on: string | null
  reason: string | null
  recorded_by: string
  recorded_at: string
  returned_by: string | null
  returned_at: string | null
  updated_at: string
  deleted_at: string | null
}
