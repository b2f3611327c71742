/** Asks before something destructive; resolves true only when the user confirms (cancel and close are false). */
import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'

export function confirmed(message: string): Promise<boolean> {
  return showConfirmDialog({ message }).then(
    () => true,
    () => false,
  )
}
