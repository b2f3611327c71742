import { describe, expect, it } from 'vitest'
import { badgeStatus, kindKey, reasonKey } from '@/features/sync/domain/syncView'

const base = { phase: 'idle' as const, online: true, pending: 0, counted: true, attentionCount: 0 }

describe('badgeStatus', () => {
  it('says synced when nothing is waiting', () => {
    expect(badgeStatus(base)).toEqual({ kind: 'synced', count: 0 })
  })
  it('counts pending writes', () => {
    expect(badgeStatus({ ...base, pending: 2 })).toEqual({ kind: 'pending', count: 2 })
  })
  it('says offline (with the backlog) when the device is offline', () => {
    expect(badgeStatus({ ...base, online: false, pending: 2 })).toEqual({ kind: 'offline', count: 2 })
    expect(badgeStatus({ ...base, phase: 'offline' })).toEqual({ kind: 'offline', count: 0 })
  })
  it('shows activity while pushing or pulling', () => {
    expect(badgeStatus({ ...base, phase: 'pushing', pending: 1 }).kind).toBe('syncing')
  })
  it('never says synced before the outbox has been counted; offline is known either way', () => {
    expect(badgeStatus({ ...base, counted: false })).toEqual({ kind: 'checking', count: 0 })
    expect(badgeStatus({ ...base, counted: false, online: false })).toEqual({ kind: 'offline', count: 0 })
    expect(badgeStatus({ ...base, counted: false, phase: 'offline' })).toEqual({ kind: 'offline', count: 0 })
  })
  it('puts refused writes first', () => {
    expect(badgeStatus({ ...base, online: false, pending: 4, attentionCount: 1 })).toEqual({ kind: 'attention', count: 1 })
  })
})

describe('i18n keys', () => {
  it('maps known refusal reasons and falls back for others', () => {
    expect(reasonKey('forbidden')).toBe('sync.reason.forbidden')
    expect(reasonKey('unknown_kind')).toBe('sync.reason.unknown_kind')
    expect(reasonKey('something_new')).toBe('sync.reason.unknown')
    expect(reasonKey(null)).toBe('sync.reason.unknown')
  })
  it('maps op kinds', () => {
    expect(kindKey('department.delete')).toBe('sync.kind.department_delete')
    expect(kindKey('seal.use')).toBe('sync.kind.other')
  })
})
