/**
 * zh-CN messages: the default language and the source of the message schema.
 * JSON so the build can precompile every message (see i18nPrecompile in vite.config.ts);
 * one file per namespace so features can grow their texts without touching each other's.
 * The namespaces are gathered in three parts, the chunks the app loads (zh-CN.part1–3.ts).
 * Avoid '@', '|' and braces except for {placeholders}: vue-i18n treats them as syntax.
 */
import part1 from './zh-CN.part1'
import part2 from './zh-CN.part2'
import part3 from './zh-CN.part3'

const zhCN = { ...part1, ...part2, ...part3 }

export type MessageSchema = typeof zhCN
export default zhCN
