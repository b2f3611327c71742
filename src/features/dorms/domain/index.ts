/** The dormitories domain (员工宿舍): rooms and beds, bed events and their fold, allocation rules. Pure. */
export * from './fields'
export * from './rooms'
export * from './bedEvents'
export * from './bedFold'
export * from './allocation'
export * from './checkIn'
export * from './checkOut'
export * from './utilities'
