/**
 * Litres, unit price and amount as typed: when exactly two are the driver's, the third is filled
 * in live with the domain's arithmetic (resolveAmounts) and marked derived; typing into the
 * derived one makes it the driver's again. All three typed → the domain checks they agree.
 */
import { computed, reactive, ref } from 'vue'
import { resolveAmounts, type AmountField } from '../domain/amounts'

const FIELDS: readonly AmountField[] = ['litres', 'unit_price', 'amount']

export function useFuelAmounts(initial: Partial<Record<AmountField, number | null>> = {}) {
  const values = reactive<Record<AmountField, string>>({
    litres: initial.litres != null ? String(initial.litres) : '',
    unit_price: initial.unit_price != null ? String(initial.unit_price) : '',
    amount: initial.amount != null ? String(initial.amount) : '',
  })
  const derived = ref<AmountField | null>(null)

  const typed = () => FIELDS.filter((f) => f !== derived.value && values[f].trim() !== '')

  function recompute(): void {
    const own = typed()
    if (own.length === 2) {
      const third = FIELDS.find((f) => !own.includes(f))!
      const r = resolveAmounts({ [own[0]!]: values[own[0]!], [own[1]!]: values[own[1]!] })
      if (r.ok) {
        values[third] = String(r[third])
        derived.value = third
        return
      }
    }
    if (derived.value && own.length < 2) {
      values[derived.value] = ''
      derived.value = null
    }
  }

  function set(field: AmountField, value: string): void {
    if (field === derived.value) derived.value = null
    values[field] = value
    recompute()
  }

  const result = computed(() => resolveAmounts({ ...values }))
  return reactive({ values, derived, result, set })
}
