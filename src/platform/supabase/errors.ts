import { AuthSyncError, TransientSyncError } from '../sync/protocol'

export interface RpcFailure {
  message: string
  code?: string | null
}

/**
 * Maps a failed PostgREST call to what the engine does with it:
 * Transient (retry with backoff) for no answer / 5xx / 408 / 429; Auth (wait for sign-in) for
 * 401 and JWT problems; anything else is a plain Error (ops stay pending, lastError shows it).
 */
export function toSyncError(status: number, failure: RpcFailure): Error {
  const code = failure.code ?? ''
  const text = code ? `${code}: ${failure.message}` : failure.message
  if (status === 0 || status === 408 || status === 429 || status >= 500) return new TransientSyncError(text, status)
  if (status === 401 || /^PGRST30\d$/.test(code) || code === '28000' || /\bjwt\b/i.test(failure.message)) {
    return new AuthSyncError(text)
  }
  return new Error(`server refused the sync call (${status}) ${text}`)
}
