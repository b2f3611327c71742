/** Saves a Blob as a file through an <a download>: works offline, no server round trip. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `卫生奖惩-2026-03.csv` (or `卫生奖惩-2026-W10.csv` for a week), the period in the company zone. */
export function ledgerFileName(periodKey: string): string {
  return `卫生奖惩-${periodKey}.csv`
}
