/** Departments screen state: live sites and departments from the device, and validated changes. */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDb } from '@/platform/db'
import { newDepartmentSchema, renameDepartmentSchema, type Department, type Site } from '../domain/department'
import { createDepartment, deleteDepartment, observeOrg, renameDepartment } from '../data/departmentRepository'

export type LoadStatus = 'loading' | 'ready' | 'error'

export type ChangeResult = { ok: true } | { ok: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }

export const useDepartmentsStore = defineStore('admin-departments', () => {
  const status = ref<LoadStatus>('loading')
  const sites = shallowRef<Site[]>([])
  const departments = shallowRef<Department[]>([])
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
        status.value = 'ready'
      },
      (e) => {
        console.error('departments query failed', e)
        status.value = 'error'
      },
    )
  }

  async function add(input: { site_id: string; code: string; name: string }): Promise<ChangeResult> {
    const parsed = newDepartmentSchema(departments.value).safeParse(input)
    if (!parsed.success) return { ok: false, error: parsed.error }
    await createDepartment(getDb(), parsed.data)
    return { ok: true }
  }

  async function rename(id: string, name: string): Promise<ChangeResult> {
    const parsed = renameDepartmentSchema.safeParse({ name })
    if (!parsed.success) return { ok: false, error: parsed.error }
    await renameDepartment(getDb(), id, parsed.data.name)
    return { ok: true }
  }

  async function remove(id: string): Promise<void> {
    await deleteDepartment(getDb(), id)
  }

  const count = computed(() => departments.value.length)

  return { status, sites, departments, count, load, add, rename, remove }
})
