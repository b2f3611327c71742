/**
 * zh-CN messages (zh-CN.json): the default language and the source of the message schema.
 * JSON so the build can precompile every message (see i18nPrecompile in vite.config.ts).
 * Avoid '@', '|' and braces except for {placeholders}: vue-i18n treats them as syntax.
 */
import zhCN from './zh-CN.json'

export type MessageSchema = typeof zhCN
export default zhCN
