/**
 * html5-qrcode reports camera failures as strings or DOMExceptions
 * ("Error getting userMedia, error = NotAllowedError: Permission denied").
 * The UI needs only the kind, to show the right instructions.
 */
export type CameraProblem = 'denied' | 'no_camera' | 'in_use' | 'insecure' | 'unsupported' | 'unknown'

function describe(error: unknown): string {
  if (typeof error === 'string') return error
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
  if (error && typeof error === 'object' && 'name' in error) return String((error as { name: unknown }).name)
  return String(error)
}

export function classifyCameraError(error: unknown, isSecureContext = true): CameraProblem {
  if (!isSecureContext) return 'insecure'
  const text = describe(error)
  if (/NotAllowedError|PermissionDenied|Permission denied|SecurityError/i.test(text)) return 'denied'
  if (/NotFoundError|DevicesNotFound|Requested device not found|OverconstrainedError/i.test(text)) return 'no_camera'
  if (/NotReadableError|TrackStartError|Could not start video source|AbortError/i.test(text)) return 'in_use'
  if (/not supported|streaming not supported|getUserMedia is not/i.test(text)) return 'unsupported'
  return 'unknown'
}
