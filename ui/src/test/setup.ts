import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// happy-dom does no layout: give elements a size so TanStack Virtual renders rows.
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 600 },
  clientWidth: { configurable: true, get: () => 1000 },
  offsetHeight: { configurable: true, get: () => 600 },
  offsetWidth: { configurable: true, get: () => 1000 },
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});
