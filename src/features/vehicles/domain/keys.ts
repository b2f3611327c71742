/** Every i18n key the vehicles domain can hand the UI: errors, entry flags and anomaly kinds. */
import { ANOMALY_KINDS } from './anomalies'
import { ECONOMY_FLAGS } from './economy'
import { VEHICLE_ERROR_KEYS } from './fields'
import { FUEL_WARNINGS } from './fuelEntry'
import { ODOMETER_FLAGS } from './odometer'

/** `vehicles.flags.*`: shown beside an entry or trip (never a refusal). */
export const VEHICLE_FLAG_KEYS: readonly string[] = [
  ...new Set<string>([...Object.values(ECONOMY_FLAGS), ...Object.values(FUEL_WARNINGS), ...Object.values(ODOMETER_FLAGS)]),
].sort()

/** `vehicles.anomalies.*`: the fleet manager's anomaly list. */
export const VEHICLE_ANOMALY_KEYS: readonly string[] = Object.values(ANOMALY_KINDS)

/** All of them, for the test that checks both message catalogues define each. */
export const VEHICLE_I18N_KEYS: readonly string[] = [...VEHICLE_ERROR_KEYS, ...VEHICLE_FLAG_KEYS, ...VEHICLE_ANOMALY_KEYS]
