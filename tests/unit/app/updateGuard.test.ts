import { afterEach, describe, expect, it } from 'vitest'
import { computed, ref } from 'vue'
import { decideUpdate } from '@/shared/lib/updatePolicy'
import { clearDirtySources, hasUnsavedInput, registerDirtySource } from '@/shared/composables/dirtyRegistry'

afterEach(() => clearDirtySources())

describe('decideUpdate', () => {
  it('allows the reload only with nothing pending and no unsaved input', () => {
    expect(decideUpdate({ pending: 0, dirty: false })).toEqual({ allowed: true })
  })

  it('blocks while writes are unsynced', () => {
    expect(decideUpdate({ pending: 3, dirty: false })).toEqual({ allowed: false, blockers: ['pending'] })
  })

  it('blocks while a form has unsaved input, and names both reasons', () => {
    expect(decideUpdate({ pending: 0, dirty: true })).toEqual({ allowed: false, blockers: ['dirty'] })
    expect(decideUpdate({ pending: 1, dirty: true })).toEqual({ allowed: false, blockers: ['pending', 'dirty'] })
  })
})

describe('dirty registry', () => {
  it('is dirty while any registered form is dirty', () => {
    const a = ref(false)
    const b = ref(false)
    const offA = registerDirtySource(() => a.value)
    registerDirtySource(() => b.value)
    expect(hasUnsavedInput()).toBe(false)
    b.value = true
    expect(hasUnsavedInput()).toBe(true)
    b.value = false
    a.value = true
    expect(hasUnsavedInput()).toBe(true)
    offA()
    expect(hasUnsavedInput()).toBe(false)
  })

  it('is reactive, so the update prompt can follow it', () => {
    const input = ref('')
    const dirty = computed(() => hasUnsavedInput())
    expect(dirty.value).toBe(false)
    const off = registerDirtySource(() => input.value !== '')
    input.value = 'x'
    expect(dirty.value).toBe(true)
    off()
    expect(dirty.value).toBe(false)
  })
})
