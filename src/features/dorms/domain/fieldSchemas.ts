/**
 * The dormitories domain's zod field builders, bound to its error keys (fields.ts). Only schema
 * modules import them: importing this loads zod, which pages load when something is validated.
 */
import { fieldBuilders } from '@/shared/lib/zodFields'
import { E } from './fields'

export const { text, optionalText, uuid, calendarDate, dateTime, choice, int, photoIds } = fieldBuilders(E)
