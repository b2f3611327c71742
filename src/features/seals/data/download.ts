export { downloadBlob } from '@/shared/lib/download'

/** `用印登记-2026-03.csv` (the month in the company zone). */
export function registerFileName(month: string): string {
  return `用印登记-${month}.csv`
}
