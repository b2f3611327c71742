/** Departments screen state: live sites and departments from the device, and validated changes. */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb } from '@/platform/db'
import { editDepartmentSchema, newDepartmentSchema, type Department, type Person, type Site } from '../domain/department'
import { createDepartment, deleteDepartment, observeOrg, updateDepartment } from '../data/departmentRepository'

export type LoadStatus = 'loading' | 'ready' | 'error'

export type ChangeResult = { ok: true } | { ok: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }

export const useDepartmentsStore = defineStore('admin-departments', () => {
  const status = ref<LoadStatus>('loading')
  const sites = shallowRef<Site[]>([])
  const departments = shallowRef<Department[]>([])
  const people = shallowRef<Person[]>([])
  let stop: (() => void) | null = null

  /** Subscribes to the device tables; safe to call on every page visit. */
  function load(): void {
    if (stop && status.value !== 'error') return
    stop?.()
    status.value = 'loading'
    stop = observeOrg(
      getDb(),
      (org) => {
        sites.value = org.sites
        departments.value = org.departments
        people.value = org.people
        status.value = 'ready'
      },
      (e) => {
        console.error('departments query failed', e)
        status.value = 'error'
      },
    )
  }

  /** `draftKey`: the form's device draft (issue #12), dropped in the same transaction. */
  async function add(input: { site_id: string; code: string; name: string; head_id?: string | null }, draftKey: string | null = null): Promise<ChangeResult> {
    const parsed = newDepartmentSchema(departments.value, people.value).safeParse(input)
    if (!parsed.success) return { ok: false, error: parsed.error }
    await createDepartment(getDb(), parsed.data, new Date(), draftKey)
    return { ok: true }
  }

  /** Saves a department's name and head (null = no head), validated as the server does. */
  async function update(department: Department, name: string, headId: string | null, draftKey: string | null = null): Promise<ChangeResult> {
    const parsed = editDepartmentSchema(department.siteId, people.value).safeParse({ name, head_id: headId })
    if (!parsed.success) return { ok: false, error: parsed.error }
    await updateDepartment(getDb(), department.id, parsed.data, new Date(), draftKey)
    return { ok: true }
  }

  /** The name of the person with this id, or null (no head, or not on this device). */
  function personName(id: string | null): string | null {
    return id === null ? null : (people.value.find((p) => p.id === id)?.name ?? null)
  }

  async function remove(id: string): Promise<void> {
    await deleteDepartment(getDb(), id)
  }

  const count = computed(() => departments.value.length)

  return { status, sites, departments, people, count, load, add, update, remove, personName }
})
