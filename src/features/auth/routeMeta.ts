/** What every route may declare in `meta`. Access control is the auth feature's concern. */
import type { Role } from './domain/roles'
import type { TabId } from './domain/access'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the route; absent or 'all' = every signed-in user. */
    roles?: readonly Role[] | 'all'
    /** Company-wide things: `roles` must be held for every site (a site-scoped grant is not enough). */
    companyWide?: boolean
    /** i18n key of the header title. */
    titleKey?: string
    /** The bottom tab this route belongs to (tab roots show no back arrow). */
    tab?: TabId
    /** Open without a session (sign-in). */
    public?: boolean
    /** Full-screen page: no header, banner or tab bar. */
    hideChrome?: boolean
    /**
     * The page reads the device db only once `session.deviceReady` (Home), or only after a wait
     * for `session.dbReadable()` (a scan's decode, the seal-use form's reads), and imports it
     * lazily: it paints before Dexie has loaded, and on a fresh device it opens before the seed.
     * Other pages wait there only until the db
     * holds its queries for the demo seed (they show their loading state meanwhile); on a device
     * that started before, every page opens at once.
     */
    beforeSeed?: boolean
  }
}

export {}
