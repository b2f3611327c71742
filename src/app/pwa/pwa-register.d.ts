// The tests project type-checks src too but does not list the PWA types; reference them here.
/// <reference types="vite-plugin-pwa/vue" />
