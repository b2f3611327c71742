/**
 * Vant shows every toast in a popup with role="dialog" and no name: axe (Lighthouse's
 * `aria-dialog-name`) fails on each one, the "已可离线使用" toast at start-up included (issue 13).
 * A toast is a status message, not a dialog: role="status" in a polite live region, set once
 * as every toast's default. (Unknown options reach the popup's element as attributes.)
 */
import { setToastDefaultOptions, type ToastOptions } from 'vant'

const asStatus: ToastOptions & { role: string; 'aria-live': string } = { role: 'status', 'aria-live': 'polite' }
setToastDefaultOptions(asStatus)
