/** The acts (act.ts) and their zod schemas, loaded when the user saves (a save path awaits it before its transaction). */
export const loadAct = () => import('./act')
