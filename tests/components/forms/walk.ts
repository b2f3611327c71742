/**
 * Issue #12 point 9: walking a form as a user does. Type, tap another tab (the form asks, saying the
 * input is kept; leave), come back: still there; then the page is torn down and mounted again (a
 * reload or an app update): still there; while it holds input an app update waits (the update
 * prompt's dirty check). Where the form saves, saving drops the draft.
 */
import { expect } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router, RouteRecordRaw } from 'vue-router'
import { getDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { hasUnsavedInput } from '@/shared/composables/dirtyRegistry'
import { mountAt, until } from '../rectification/support'

export const field = (sel: string) => document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement | null

export async function typeInto(sel: string, text: string): Promise<void> {
  await until(() => expect(field(sel)).not.toBeNull())
  const el = field(sel)!
  el.value = text
  el.dispatchEvent(new Event('input'))
  el.dispatchEvent(new Event('change'))
  el.dispatchEvent(new Event('blur'))
  await flushPromises()
}

export const tap = (sel: string) => (document.querySelector(sel) as HTMLElement).click()

/** Waits for `sel` and taps it. */
export async function tapWhenShown(sel: string): Promise<void> {
  await until(() => expect(document.querySelector(sel)).not.toBeNull())
  tap(sel)
}

/** Taps a button of the question on screen (vant keeps one dialog and hides it between questions). */
export async function answer(button: 'confirm' | 'cancel'): Promise<void> {
  await until(() => expect(document.querySelector('.van-dialog')?.getAttribute('style') ?? 'display: none').not.toContain('display: none'))
  ;(document.querySelector(`.van-dialog__${button}`) as HTMLElement).click()
  await until(() => expect(document.querySelector('.van-dialog')?.getAttribute('style') ?? 'display: none').toContain('display: none'))
}

/** Taps another tab: the form asks (saying the input is kept); "leave" goes. */
export async function leave(router: Router): Promise<void> {
  const going = router.push('/')
  await until(() => expect(document.querySelector('.van-dialog__message')?.textContent).toContain('草稿'))
  await answer('confirm')
  await going
  await until(() => expect(router.currentRoute.value.name).toBe('home'))
}

export interface Walk {
  name: string
  user: { id: string; roles: string[] }
  routes: RouteRecordRaw[]
  /** Seeds what the form needs; the path to open. */
  setup: () => Promise<string>
  /** Taps that show the form, when it is not on the page at once. */
  open?: () => Promise<void>
  fields: [string, string][]
  key: () => string
  /** Saves the form; the draft is gone after. */
  save?: (router: Router) => Promise<void>
  /** Runs after each mount (each mount is a fresh app: fresh stores). */
  mounted?: () => void
}

/** Type, leave (asked), come back, reload: still there; saving drops the draft. */
export async function walkForm(walk: Walk, wrappers: VueWrapper[]): Promise<void> {
  await seedDemoCompany(getDb())
  const path = await walk.setup()
  const ready = walk.fields[0]![0]
  const mount = async () => {
    const m = await mountAt(path, walk.routes, walk.user.id, walk.user.roles)
    wrappers.push(m.wrapper)
    walk.mounted?.()
    return m
  }
  const first = await mount()
  await walk.open?.()
  for (const [sel, text] of walk.fields) await typeInto(sel, text)
  await until(async () => expect(await getDb().meta.get(walk.key())).toBeDefined())
  // The update prompt reads this: an app update waits instead of reloading over the input.
  expect(hasUnsavedInput()).toBe(true)

  await leave(first.router)
  await first.router.push(path)
  await until(() => {
    for (const [sel, text] of walk.fields) expect(field(sel)?.value, sel).toBe(text)
  })
  // A reload or an update: a fresh app (fresh stores) over the same device database.
  first.wrapper.unmount()

  const again = await mount()
  await until(() => expect(field(ready)).not.toBeNull())
  await until(() => {
    for (const [sel, text] of walk.fields) expect(field(sel)?.value, sel).toBe(text)
  })
  if (walk.save) {
    await walk.save(again.router)
    await until(async () => expect(await getDb().meta.get(walk.key())).toBeUndefined())
  }
}

/** Cancel: with input typed it asks; "keep editing" keeps the input and the draft; "discard" drops both and closes the form. */
export async function cancelAsks(walk: Walk, cancelSel: string, closed: string, wrappers: VueWrapper[]): Promise<void> {
  await seedDemoCompany(getDb())
  const path = await walk.setup()
  const { wrapper } = await mountAt(path, walk.routes, walk.user.id, walk.user.roles)
  wrappers.push(wrapper)
  walk.mounted?.()
  await walk.open?.()
  const [sel, text] = walk.fields[0]!
  await typeInto(sel, text)
  await until(async () => expect(await getDb().meta.get(walk.key())).toBeDefined())

  tap(cancelSel)
  await answer('cancel')
  expect(field(sel)?.value).toBe(text)
  expect(await getDb().meta.get(walk.key())).toBeDefined()

  tap(cancelSel)
  await answer('confirm')
  await until(async () => expect(await getDb().meta.get(walk.key())).toBeUndefined())
  await until(() => expect(document.querySelector(closed)).toBeNull())
}
