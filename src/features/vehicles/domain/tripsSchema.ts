/**
 * The zod schemas of a trip's start and end (messages are i18n keys). Importing this loads zod.
 */
import { z } from 'zod'
import { dateTime, int, nullableUuid, odometer, optionalText, text, uuid } from './fieldSchemas'

export const tripStartSchema = z.object({
  /** Device-made UUID: the trip's id. */
  id: uuid(),
  vehicle_id: uuid(),
  driver_id: uuid(),
  started_at: dateTime(),
  purpose: text(200),
  destination: text(200),
  /** People on board besides the driver. */
  passengers: int(0, 60).default(0),
  passenger_names: optionalText(500),
  odometer_start: odometer(),
  pre_trip_inspection_id: nullableUuid(),
})
export type TripStartInput = z.input<typeof tripStartSchema>
export type TripStart = z.output<typeof tripStartSchema>

export const tripEndSchema = z.object({
  trip_id: uuid(),
  ended_at: dateTime(),
  odometer_end: odometer(),
  notes: optionalText(1000),
})
export type TripEndInput = z.input<typeof tripEndSchema>
export type TripEnd = z.output<typeof tripEndSchema>
