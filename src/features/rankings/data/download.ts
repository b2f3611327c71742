export { downloadBlob } from '@/shared/lib/download'

/** `卫生奖惩-2026-03.csv` (or `卫生奖惩-2026-W10.csv` for a week), the period in the company zone. */
export function ledgerFileName(periodKey: string): string {
  return `卫生奖惩-${periodKey}.csv`
}
