// Test helper: the mocked `api`'s versions and lock commands answered by the dev fake
// (fixtures: bucket "backups", reports/q3.pdf with a delete marker m-3 over v-3, v-2 (GOVERNANCE
// retention until 2027-01-01) and v-1 (legal hold); reports/summary.txt s-1; pages of 4).
import { vi } from "vitest";
import { api } from "../../backend";
import type * as Backend from "../../backend";
import { fakeVersionsAndLock } from "../../mock/fakeVersionsAndLock";

const { unwrapAll } = await vi.importActual<typeof Backend>("../../backend");

/** Fresh fixtures behind the mocked api (call in beforeEach, after `vi.mock("../../backend")`). */
export function useFakeVersions() {
  const fake = unwrapAll(fakeVersionsAndLock(() => true));
  for (const name of Object.keys(fake) as (keyof typeof fake)[]) {
    vi.mocked(api[name]).mockImplementation(fake[name] as never);
  }
}

export const q3 = (versionId: string | null) => ({ bucket: "backups", key: "reports/q3.pdf", versionId });
