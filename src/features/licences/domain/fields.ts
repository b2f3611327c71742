/** Zod fields and error keys of the licence work (证照办理): every message is an i18n KEY (`licences.work.errors.*`). */
import { fieldBuilders } from '@/shared/lib/zodFields'

export const LICENCE_WORK_ERROR_KEYS = [
  'licences.work.errors.required',
  'licences.work.errors.tooLong',
  'licences.work.errors.uuid',
  'licences.work.errors.date',
  'licences.work.errors.dateTime',
  'licences.work.errors.choice',
  'licences.work.errors.integer',
  'licences.work.errors.range',
  'licences.work.errors.photos',
  'licences.work.errors.code',
  'licences.work.errors.errorsOnPass',
  'licences.work.errors.noErrors',
  'licences.work.errors.holdersRequired',
  'licences.work.errors.dateOrder',
  'licences.work.errors.duplicateCode',
  'licences.work.errors.emptyList',
  'licences.work.errors.notAllowed',
  'licences.work.errors.outOfOrder',
] as const
export type LicenceWorkErrorKey = (typeof LICENCE_WORK_ERROR_KEYS)[number]

export const E = Object.fromEntries(LICENCE_WORK_ERROR_KEYS.map((k) => [k.slice('licences.work.errors.'.length), k])) as {
  [K in LicenceWorkErrorKey as K extends `licences.work.errors.${infer N}` ? N : never]: K
}

export const { text, optionalText, uuid, calendarDate, choice, int } = fieldBuilders(E)

/** Limits shared with private.sync_apply_licence_work_record and licence_materials.update. */
export const LIMITS = { label: 100, note: 500, errorNote: 200, errors: 5, location: 100, copies: 20, holders: 200, number: 100, lines: 30 } as const
