/** The device's position, asked only when the user taps for it; a refusal is an answer, not an error. */
import { ref } from 'vue'

export function usePosition() {
  const state = ref<'idle' | 'asking' | 'ok' | 'denied' | 'unavailable'>('idle')
  const coords = ref<{ latitude: number; longitude: number } | null>(null)
  function ask(): void {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return void (state.value = 'unavailable')
    state.value = 'asking'
    navigator.geolocation.getCurrentPosition(
      (p) => {
        coords.value = { latitude: Math.round(p.coords.latitude * 1e6) / 1e6, longitude: Math.round(p.coords.longitude * 1e6) / 1e6 }
        state.value = 'ok'
      },
      (e) => (state.value = e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }
  return { state, coords, ask }
}
