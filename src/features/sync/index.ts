/** Public API of the sync feature: the store over the engine and the sync UI pieces. */
export { useSyncStore } from './stores/sync'
export { usePendingIds } from './composables/usePendingIds'
export { usePullProgress } from './composables/usePullProgress'
export { badgeStatus, kindKey, reasonKey, type BadgeStatus, type BadgeKind } from './domain/syncView'
export { default as SyncStatusPanel } from './components/SyncStatusPanel.vue'
export { default as AttentionList } from './components/AttentionList.vue'
