import { assetInputSchema, type AssetInput } from '@/features/assets/domain/assetSchema'
import type { CustodyActor } from '@/features/assets/domain/custodyAccess'

export const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
export const SITE = uid(900)
export const KEEPER: CustodyActor = { person_id: uid(10), roles: ['seal_keeper'] }
export const ALICE = uid(11)
export const BOB = uid(12)

export function sealInput(n: number, over: Partial<AssetInput> = {}): AssetInput {
  return assetInputSchema.parse({
    id: uid(n),
    kind: 'seal',
    number: `SEAL-${String(n).padStart(4, '0')}`,
    name: `合同专用章 ${n}`,
    site_id: SITE,
    keeper_id: KEEPER.person_id,
    details: { seal_type: 'contract', cabinet: 'A-1', enabled_on: '2024-01-01' },
    ...over,
  })
}

export const checkOut = (to: string, due: string | null = null) => ({ to_person: to, due_at: due, purpose: '签合同', condition: 'good' })
