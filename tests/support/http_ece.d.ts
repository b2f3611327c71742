// http_ece (a dependency of web-push) ships no types; the reminder tests decrypt push payloads with it.
declare module 'http_ece' {
  export function decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: unknown; authSecret: string | Buffer }): Buffer
}
