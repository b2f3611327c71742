import { describe, expect, it } from 'vitest'
import { ASSET_KEEPER_ROLES, keeperRoleFor, keepsKind } from '@/features/assets/domain/assetRoles'
import { ASSET_KINDS } from '@/features/assets/domain/assetNumber'
import { KEEPER_ROLES, KEEPER_ROLE_BY_KIND } from '@/features/assets/domain/custodyEvents'
import { parseBadge } from '@/features/assets/domain/badge'
import { CONDITIONS, CUSTODY_EVENT_TYPES, CUSTODY_STATUSES } from '@/features/assets/domain/custodyEvents'
import { ASSET_KIND_INFO, FUEL_TYPES, LICENCE_TYPES, SEAL_TYPES } from '@/features/assets/domain/assetKinds'
import { ASSET_ERROR_KEYS } from '@/features/assets/domain'
import zhCN from '@/shared/i18n/messages/zh-CN'

describe('asset roles without zod', () => {
  it('match the domain keeper roles', () => {
    expect([...ASSET_KEEPER_ROLES].sort()).toEqual([...KEEPER_ROLES].sort())
    for (const k of ASSET_KINDS) expect(keeperRoleFor(k)).toBe(KEEPER_ROLE_BY_KIND[k])
    expect(keepsKind('seal', ['seal_keeper'])).toBe(true)
    expect(keepsKind('seal', ['asset_keeper'])).toBe(false)
    expect(keepsKind('vehicle', ['admin_head'])).toBe(true)
  })
})

describe('badge QR', () => {
  const id = '0a000000-0000-4000-8000-000000000004'
  it('reads our origin only', () => {
    expect(parseBadge(`https://app.example/p/${id}`, ['https://app.example'])).toBe(id)
    expect(parseBadge(`https://evil.example/p/${id}`, ['https://app.example'])).toBeNull()
    expect(parseBadge('https://app.example/p/nope', ['https://app.example'])).toBeNull()
    expect(parseBadge('garbage', ['https://app.example'])).toBeNull()
  })
})

describe('assets i18n', () => {
  const lookup = (key: string) => key.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), zhCN)
  it('names every error key, kind, status, condition, event and value list', () => {
    const keys = [
      ...ASSET_ERROR_KEYS,
      ...Object.keys(ASSET_KIND_INFO).map((k) => `assets.kinds.${k}`),
      ...CUSTODY_STATUSES.map((s) => `assets.statuses.${s}`),
      ...CONDITIONS.map((c) => `assets.conditions.${c}`),
      ...CUSTODY_EVENT_TYPES.flatMap((e) => [`assets.events.${e}`, `assets.eventDone.${e}`]),
      ...SEAL_TYPES.map((s) => `assets.sealTypes.${s}`),
      ...LICENCE_TYPES.map((s) => `assets.licenceTypes.${s}`),
      ...FUEL_TYPES.map((s) => `assets.fuelTypes.${s}`),
    ]
    expect(keys.filter((k) => typeof lookup(k) !== 'string')).toEqual([])
  })
})
