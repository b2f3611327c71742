/** An application's unsent form: the shared device draft (platform/db drafts) under the requests' key. */
export const draftKey = (scope: string) => `requests.draft:${scope}`
