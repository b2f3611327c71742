/** The applications log as CSV (BOM, formula guard: shared/lib/csv), headers in the UI language. */
import { recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { formatZonedDateTime } from '@/shared/lib/zonedTime'
import type { RequestState } from './lifecycle'

export interface CsvNames {
  /** Translates an i18n key (headers, types, statuses). */
  t: (key: string) => string
  person: (id: string | null) => string
  department: (id: string | null) => string
  timeZone: string
}

export function requestsCsv(rows: readonly RequestState[], n: CsvNames): string {
  const time = (v: string | null) => (v ? formatZonedDateTime(v, n.timeZone) : '')
  const columns: CsvColumn<RequestState>[] = [
    { header: 'ID', value: (r) => r.id },
    { header: n.t('requests.csv.type'), value: (r) => n.t(`requests.types.${r.type}`) },
    { header: n.t('requests.csv.title'), value: (r) => r.title },
    { header: n.t('requests.applicant'), value: (r) => n.person(r.applicant_id) },
    { header: n.t('requests.department'), value: (r) => n.department(r.department_id) },
    { header: n.t('requests.csv.status'), value: (r) => n.t(`requests.status.${r.status}`) },
    { header: n.t('requests.csv.revision'), value: (r) => r.revision },
    { header: n.t('requests.submittedAt'), value: (r) => time(r.submitted_at) },
    { header: n.t('requests.decidedAt'), value: (r) => time(r.decided_at) },
    { header: n.t('requests.firstPass'), value: (r) => (r.first_pass === null ? '' : n.t(r.first_pass ? 'requests.yes' : 'requests.no')) },
    { header: n.t('requests.dueBack'), value: (r) => time(r.due_back_at) },
    { header: n.t('requests.fulfilled'), value: (r) => time(r.fulfilled_at) },
  ]
  return recordsToCsv([...rows].sort((a, b) => a.submitted_at.localeCompare(b.submitted_at)), columns)
}
