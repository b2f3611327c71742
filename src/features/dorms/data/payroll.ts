/**
 * What the payroll export reads on the device: the rooms (with their building), the stays that were
 * lived in (checked in) with their long absences (长期外出), the meter readings of every check-in and check-out
 * and of the monthly round by room (round readings carry their month), and people's names and departments.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormAbsenceRow } from '@/platform/db/rows'
import type { MeterReading, PayrollInput, PayrollRoom, PayrollStay } from '../domain/payroll'

export async function loadPayrollFacts(database: AdminFieldDb): Promise<Omit<PayrollInput, 'month' | 'timeZone' | 'prices'>> {
  const [buildings, rooms, beds, stays, checkIns, checkOuts, rounds, profiles, departments, absences] = await Promise.all([
    database.dorm_buildings.toArray(),
    database.dorm_rooms.toArray(),
    database.dorm_beds.toArray(),
    database.dorm_stays.toArray(),
    database.dorm_check_ins.toArray(),
    database.dorm_check_outs.toArray(),
    database.dorm_meter_readings.toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.dorm_absences.toArray(),
  ])
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]))
  const bedOf = new Map(beds.map((b) => [b.id, b]))
  const awayOf = new Map<string, DormAbsenceRow[]>()
  for (const a of absences) if (a.deleted_at === null) awayOf.set(a.stay_id, [...(awayOf.get(a.stay_id) ?? []), a])
  const roomRows: PayrollRoom[] = rooms.map((r) => ({ id: r.id, label: `${buildingName.get(r.building_id) ?? ''} ${r.number}`.trim(), fee_fen: r.fee_fen }))
  const stayRows: PayrollStay[] = stays
    .filter((s) => s.deleted_at === null && s.checked_in_at !== null && (s.status === 'active' || s.status === 'ended'))
    .map((s) => ({ id: s.id, room_id: s.room_id, occupant_id: s.occupant_id, bed_code: bedOf.get(s.bed_id)?.code ?? '', from: s.checked_in_at as string, to: s.status === 'ended' ? s.ended_at : null, absences: awayOf.get(s.id) ?? [] }))
  const readings: MeterReading[] = []
  for (const rec of [...checkIns, ...checkOuts]) {
    const room = bedOf.get(rec.bed_id)?.room_id
    if (!room || rec.deleted_at !== null) continue
    for (const m of rec.meters) readings.push({ room_id: room, meter: m.meter, reading: m.reading, at: rec.submitted_at })
  }
  for (const rec of rounds) {
    if (rec.deleted_at !== null) continue
    for (const m of rec.meters) readings.push({ room_id: rec.room_id, meter: m.meter, reading: m.reading, at: rec.read_at, month: rec.month, ...(m.replaced ? { replaced: m.replaced } : {}) })
  }
  const person = new Map(profiles.map((p) => [p.id, p]))
  const dept = new Map(departments.map((d) => [d.id, d.name]))
  return {
    rooms: roomRows,
    stays: stayRows,
    readings,
    damages: checkOuts.filter((c) => c.deleted_at === null && (c.damage_fen ?? 0) > 0).map((c) => ({ stay_id: c.stay_id, fen: c.damage_fen ?? 0, at: c.submitted_at })),
    person: (id) => {
      const p = person.get(id)
      return { name: p?.display_name ?? id.slice(0, 8), department: (p?.department_id && dept.get(p.department_id)) || '' }
    },
  }
}
