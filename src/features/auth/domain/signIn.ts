/** Sign-in form validation; messages are i18n keys. */
import { z } from 'zod'

export const signInSchema = z.object({
  email: z.string().trim().pipe(z.email({ error: 'validation.email' })),
  password: z.string().min(1, { error: 'validation.required' }),
})
export type SignInInput = z.infer<typeof signInSchema>
