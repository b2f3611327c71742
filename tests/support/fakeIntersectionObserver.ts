/**
 * An IntersectionObserver a test drives: happy-dom's never reports anything, as it lays nothing
 * out. Install it with `vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)`; then
 * `scrolledTo` reports each observed element as in view (or not).
 */
export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = []
  observed: Element[] = []
  connected = true
  constructor(
    readonly report: (entries: Partial<IntersectionObserverEntry>[]) => void,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.all.push(this)
  }
  observe(element: Element): void {
    this.observed.push(element)
  }
  disconnect(): void {
    this.connected = false
  }
  scrolledTo(isIntersecting: boolean): void {
    if (this.connected) this.report(this.observed.map((target) => ({ target, isIntersecting })))
  }
  /** Every connected observer reports its elements in view. */
  static scrollAllIntoView(): void {
    for (const observer of FakeIntersectionObserver.all) observer.scrolledTo(true)
  }
}
