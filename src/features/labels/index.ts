/** Public API of the labels feature: label/badge routes and the badge QR format (the person picker scans it). */
export { labelRoutes } from './routes'
export { badgeUrl, parseBadgeCode, isUserId } from './domain/badge'
