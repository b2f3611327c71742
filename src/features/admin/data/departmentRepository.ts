/**
 * Departments on the device. Every change writes the row and its outbox op in one transaction;
 * a delete is a tombstone (deleted_at) so the row disappears locally and the op carries it to the server.
 */
import { observe, type AdminFieldDb } from '@/platform/db'
import type { DepartmentRow, ProfileRow, SiteRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync'
import type { Department, DepartmentEdit, NewDepartment, Person, Site } from '../domain/department'
import { byName } from '@/shared/lib/byName'

export function toDepartment(row: DepartmentRow): Department {
  return { id: row.id, siteId: row.site_id, code: row.code, name: row.name, headId: row.head_id ?? null }
}

function toPerson(row: ProfileRow): Person {
  return { id: row.id, name: row.display_name, siteId: row.site_id }
}

function toSite(row: SiteRow): Site {
  return { id: row.id, code: row.code, name: row.name }
}

export interface OrgSnapshot {
  sites: Site[]
  departments: Department[]
  /** Live people, by name: the heads to choose from and to show. */
  people: Person[]
}

export async function loadOrg(database: AdminFieldDb): Promise<OrgSnapshot> {
  const [sites, departments, profiles] = await Promise.all([
    database.sites.toArray(),
    database.departments.toArray(),
    database.profiles.toArray(),
  ])
  return {
    sites: sites.filter((s) => s.deleted_at === null).map(toSite).sort((a, b) => a.code.localeCompare(b.code)),
    departments: departments.filter((d) => d.deleted_at === null).map(toDepartment),
    people: profiles.filter((p) => p.deleted_at === null).map(toPerson).sort(byName),
  }
}

export function observeOrg(database: AdminFieldDb, onValue: (org: OrgSnapshot) => void, onError: (e: unknown) => void): () => void {
  return observe(() => loadOrg(database), onValue, onError)
}

export class DepartmentNotFoundError extends Error {
  constructor(id: string) {
    super(`department ${id} not found`)
    this.name = 'DepartmentNotFoundError'
  }
}

async function requireRow(database: AdminFieldDb, id: string): Promise<DepartmentRow> {
  const row = await database.departments.get(id)
  if (!row || row.deleted_at !== null) throw new DepartmentNotFoundError(id)
  return row
}

/** Creates a department with a device-made id; returns the id. */
/** `draftKey` (here and in updateDepartment): the form's device draft, dropped in the same transaction. */
export async function createDepartment(database: AdminFieldDb, input: NewDepartment, now = new Date(), draftKey: string | null = null): Promise<string> {
  const id = crypto.randomUUID()
  const payload = { site_id: input.site_id, code: input.code, name: input.name, head_id: input.head_id ?? null }
  const op = buildOp('department.upsert', 'departments', id, payload, now)
  await commitWithOutbox(database, ['departments'], op, async () => {
    await database.departments.add({ id, ...payload, updated_at: now.toISOString(), deleted_at: null })
  }, { draftKey })
  return id
}

/**
 * Saves a department's name and head. The upsert op carries the whole row (the server applies it
 * idempotently) but head_id only when the head changes: left out, the server keeps the head, so a
 * rename never undoes a head set meanwhile on another device.
 */
export async function updateDepartment(database: AdminFieldDb, id: string, edit: DepartmentEdit, now = new Date(), draftKey: string | null = null): Promise<void> {
  const row = await requireRow(database, id)
  const headChanged = edit.head_id !== (row.head_id ?? null)
  const payload = { site_id: row.site_id, code: row.code, name: edit.name, ...(headChanged ? { head_id: edit.head_id } : {}) }
  const op = buildOp('department.upsert', 'departments', id, payload, now)
  await commitWithOutbox(database, ['departments'], op, async () => {
    await database.departments.put({ ...row, name: edit.name, head_id: edit.head_id, updated_at: now.toISOString() })
  }, { draftKey })
}

export async function renameDepartment(database: AdminFieldDb, id: string, name: string, now = new Date()): Promise<void> {
  const row = await requireRow(database, id)
  await updateDepartment(database, id, { name, head_id: row.head_id ?? null }, now)
}

export async function deleteDepartment(database: AdminFieldDb, id: string, now = new Date()): Promise<void> {
  const row = await requireRow(database, id)
  const op = buildOp('department.delete', 'departments', id, {}, now)
  await commitWithOutbox(database, ['departments'], op, async () => {
    await database.departments.put({ ...row, deleted_at: now.toISOString(), updated_at: now.toISOString() })
  })
}
