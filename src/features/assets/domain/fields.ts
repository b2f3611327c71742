/**
 * Error keys of the assets domain; its zod builders are in fieldSchemas.ts. Every message is
 * an i18n KEY (`assets.errors.*`), never text: the UI translates, the domain stays language-free.
 */

/** Every error key the assets domain can produce; the i18n messages must define each. */
export const ASSET_ERROR_KEYS = [
  'assets.errors.required',
  'assets.errors.tooLong',
  'assets.errors.uuid',
  'assets.errors.date',
  'assets.errors.dateTime',
  'assets.errors.dateOrder',
  'assets.errors.choice',
  'assets.errors.integer',
  'assets.errors.range',
  'assets.errors.number',
  'assets.errors.numberKind',
  'assets.errors.keeperRole',
  'assets.errors.token',
  'assets.errors.plate',
  'assets.errors.tankSize',
  'assets.errors.dueRequired',
  'assets.errors.dueNotAllowed',
  'assets.errors.dueBeforeStart',
  'assets.errors.requesterRequired',
  'assets.errors.photos',
] as const
export type AssetErrorKey = (typeof ASSET_ERROR_KEYS)[number]

export const E = Object.fromEntries(ASSET_ERROR_KEYS.map((k) => [k.slice('assets.errors.'.length), k])) as {
  [K in AssetErrorKey as K extends `assets.errors.${infer N}` ? N : never]: K
}
