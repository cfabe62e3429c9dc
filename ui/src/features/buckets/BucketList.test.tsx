import { fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { renderWithProviders } from "../../test/render";
import { BucketList, type BucketNotice } from "./BucketList";

vi.mock("../../backend");

function Harness({ onSelect }: { onSelect: (name: string) => void }) {
  const [notice, setNotice] = useState<BucketNotice | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <BucketList
      profileId="p1"
      selected={selected}
      onSelect={(name) => {
        setSelected(name);
        onSelect(name);
      }}
      notice={notice}
      onNotice={setNotice}
      onOpenBookmark={() => {}}
    />
  );
}

const names = () => screen.queryAllByTestId(/^bucket-item-/).map((e) => e.getAttribute("data-testid"));

describe("BucketList", () => {
  beforeEach(() => {
    vi.mocked(api.listBuckets).mockResolvedValue(
      ["alpha", "beta-logs", "gamma", "logs-2026"].map((name) => ({ name, creationDate: null })),
    );
    vi.mocked(api.checkBucketName).mockResolvedValue({ verdict: "Valid", problem: null, part: null });
    vi.mocked(api.createBucket).mockResolvedValue(null);
    vi.mocked(api.listBookmarks).mockResolvedValue([]);
  });

  it("filters by any part of the name, and says when nothing matches", async () => {
    renderWithProviders(<Harness onSelect={() => {}} />);
    await screen.findByTestId("bucket-item-alpha");
    fireEvent.change(screen.getByTestId("bucket-filter"), { target: { value: "LOGS" } });
    expect(names()).toEqual(["bucket-item-beta-logs", "bucket-item-logs-2026"]);
    fireEvent.change(screen.getByTestId("bucket-filter"), { target: { value: "zzz" } });
    expect(names()).toEqual([]);
    expect(screen.getByTestId("bucket-filter-empty").textContent).toBe("No bucket name contains “zzz”.");
  });

  it("says a bucket was created and selects it", async () => {
    const onSelect = vi.fn();
    renderWithProviders(<Harness onSelect={onSelect} />);
    await screen.findByTestId("bucket-item-alpha");
    fireEvent.change(screen.getByTestId("bucket-filter"), { target: { value: "alp" } });
    fireEvent.click(screen.getByTestId("bucket-new"));
    fireEvent.change(await screen.findByTestId("bucket-name"), { target: { value: "new-one" } });
    const create = screen.getByTestId("bucket-create") as HTMLButtonElement;
    await waitFor(() => expect(create.disabled).toBe(false), { timeout: 2000 });
    fireEvent.click(create);
    expect((await screen.findByTestId("bucket-notice")).textContent).toBe("Created bucket “new-one”.");
    expect(onSelect).toHaveBeenCalledWith("new-one");
    expect((screen.getByTestId("bucket-filter") as HTMLInputElement).value).toBe("");
  });
});
