/** The company working-day calendar: pure rules (workingDays) and the statutory data loader. */
export * from './workingDays'
export { loadStatutoryDays, statutoryFrom } from './statutory'
