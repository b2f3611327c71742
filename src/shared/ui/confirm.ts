/**
 * Vant's confirm and notice dialogs with an accessible name. Vant sets the dialog's
 * `aria-labelledby` to its title or message *text*, which is not an element id, so a screen
 * reader announced an unnamed dialog (issue 13). Here the dialog is named by its title (or its
 * message when it has none) and the broken reference is dropped. Every dialog of the app goes
 * through these two functions.
 */
import { showConfirmDialog, showDialog, type DialogOptions } from 'vant'
import 'vant/es/dialog/style'

export interface ConfirmTexts {
  title?: string
  message: string
  confirmButtonText?: string
  /** A destructive action's button colour. */
  confirmButtonColor?: string
  cancelButtonText?: string
}

/** The options for a dialog named by its title or message (the attributes fall through to its popup). */
function named(texts: ConfirmTexts): DialogOptions {
  const name = { 'aria-label': texts.title || texts.message, 'aria-labelledby': undefined }
  return { ...texts, ...(name as DialogOptions) }
}

/** Asks before something destructive; true only when the user confirms (cancel and close are false). */
export function askConfirm(texts: ConfirmTexts): Promise<boolean> {
  return showConfirmDialog(named(texts)).then(
    () => true,
    () => false,
  )
}

/** `askConfirm` with a message only. */
export function confirmed(message: string): Promise<boolean> {
  return askConfirm({ message })
}

/** A message with one button; resolves when it is closed. */
export function showNotice(texts: ConfirmTexts): Promise<void> {
  return showDialog(named(texts)).then(
    () => undefined,
    () => undefined,
  )
}
