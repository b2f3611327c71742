/** Vant's dialog and toast (and their styles) for the update prompt: loaded when first shown, not with the shell. */
import { showDialog, showToast } from 'vant'
import 'vant/es/dialog/style'
import 'vant/es/toast/style'

export { showDialog, showToast }
