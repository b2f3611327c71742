/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string
  readonly VITE_SUPABASE_ANON_KEY?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** The shell's zh-CN messages, picked from messages/zh-CN.json (see shellMessages in vite.config.ts). */
declare module 'virtual:adminfield/shell-messages' {
  const messages: Record<string, unknown>
  export default messages
}
