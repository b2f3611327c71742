/** English messages (en.json). Typed against zh-CN so a missing key fails the type check. */
import data from './en.json'
import type { MessageSchema } from './zh-CN'

const en: MessageSchema = data
export default en
