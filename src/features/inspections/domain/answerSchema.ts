/**
 * One answer's shape in zod: the reference readAnswer (answer.ts) agrees with. Importing it
 * loads zod; the app itself reads answers with readAnswer.
 */
import { z } from 'zod'
import { RESULTS } from './answer'
import { E } from './fields'
import { choice, uuid } from './fieldSchemas'

/** One answer's shape; the item-dependent rules are checked in `validateAnswers`. */
export const answerSchema = z.object(
  {
    item_key: z.string({ error: E.itemKey }),
    result: choice(RESULTS),
    points: z.number({ error: E.integer }).int({ error: E.integer }).optional(),
    note: z.string({ error: E.required }).optional(),
    photo_ids: z.array(uuid(), { error: E.uuid }).optional(),
  },
  { error: E.answers },
)
