/** The update prompt's toast and notice dialog (and their styles): loaded when first shown, not with the shell. */
import { showToast } from 'vant'
import 'vant/es/toast/style'

export { showToast }
export { showNotice } from '@/shared/ui/confirm'
