/**
 * Row shapes stored on the device. Synced rows mirror the server's columns
 * (snake_case, ISO timestamps as strings) so pulled rows are stored as they come.
 */

export type * from './rows/org'
export type * from './rows/custody'
export type * from './rows/checklists'
export type * from './rows/vehicles'
export type * from './rows/requests'
export type * from './rows/tasks'
export type * from './rows/dorms'
export type * from './rows/kpis'
export type * from './rows/supervision'
