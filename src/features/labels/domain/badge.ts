/**
 * A person's badge QR: `<origin>/p/<userId>`. The check-out person picker scans
 * it to choose the holder; the scan page recognises it and says it is not an asset label.
 */
import { appLink, idInAppLink, isUuid } from '@/shared/lib/appLink'

export function isUserId(text: string): boolean {
  return isUuid(text)
}

export function badgeUrl(origin: string, userId: string): string {
  return appLink(origin, 'p', userId)
}

/** The user id in a badge URL on one of our origins, or null for anything else. */
export function parseBadgeCode(text: string, allowedOrigins: readonly string[]): string | null {
  return idInAppLink(text, allowedOrigins, 'p')
}
