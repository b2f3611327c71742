/** Profile edit rules. Messages are i18n keys (validation.*), translated by the UI. */
import { z } from 'zod'

export const DISPLAY_NAME_MAX = 40

export const profileSchema = z.object({
  display_name: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(DISPLAY_NAME_MAX, { error: 'validation.tooLong' }),
  // Empty means "no phone"; otherwise digits with an optional leading + and separators.
  phone: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\+?[0-9][0-9 -]{4,19}$/.test(v), { error: 'validation.phoneFormat' })
    .transform((v) => (v === '' ? null : v)),
})

export type ProfileInput = z.input<typeof profileSchema>
export type ProfileChange = z.output<typeof profileSchema>
