/** The vehicles domain: pure rules for trips, fuel, economy, renewals and reports. No I/O, no framework. */
export { VEHICLE_ERROR_KEYS, type VehicleErrorKey } from './fields'
export {
  amountFenOf,
  amountsAgree,
  fenToYuan,
  halfUp,
  litresMlOf,
  mlToLitres,
  priceFenOf,
  resolveAmounts,
  toFen,
  toMl,
  toScaled,
  type AmountField,
  type AmountsInput,
  type AmountsIssue,
  type AmountsResult,
  type ResolvedAmounts,
} from './amounts'
export {
  FUEL_ENTRY_STATUSES,
  FUEL_GRADES,
  FUEL_GRADE_ZH,
  FUEL_WARNINGS,
  fuelEntrySchema,
  fuelEntryWarnings,
  hasFigures,
  pendingDrafts,
  type FuelEntry,
  type FuelEntryInput,
  type FuelEntryStatus,
  type FuelGrade,
  type FuelWarning,
} from './fuelEntry'
export { prepareEntries, type EconomyEntry, type PreparedEntry, type SequenceProblem } from './sequence'
export {
  ECONOMY_FLAGS,
  costPerKm,
  economyOfPrepared,
  fleetEconomy,
  groupByVehicle,
  lPer100km,
  vehicleEconomy,
  type BrokenInterval,
  type EconomyFlag,
  type EconomyInterval,
  type VehicleEconomy,
} from './economy'
export { monthKeyer } from './months'
export {
  ANOMALY_KINDS,
  analyseFleet,
  vehicleAnomalies,
  type Anomaly,
  type AnomalyEntry,
  type AnomalyKind,
  type AnomalyOptions,
  type AnomalyVehicle,
  type FleetAnalysis,
} from './anomalies'
export { benchFleet, type BenchFleet, type BenchOptions } from './benchData'
