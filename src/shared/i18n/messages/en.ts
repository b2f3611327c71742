/**
 * English messages, one JSON file per namespace, gathered in three parts as zh-CN's (en.part1–3.ts).
 * Typed against zh-CN so a missing key fails the type check.
 */
import type { MessageSchema } from './zh-CN'
import part1 from './en.part1'
import part2 from './en.part2'
import part3 from './en.part3'

const en: MessageSchema = { ...part1, ...part2, ...part3 }
export default en
